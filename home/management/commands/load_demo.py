from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo as home_demo
from home.roles import apply_roles
from translations.sync import synchronise_all_locales

# Apps whose demo.py adds content under the home page, in this order.
CONTENT_APPS = ["guides", "circles", "gathering", "blog", "dashboard", "translations"]


class Command(BaseCommand):
    help = "Build the demo site: pages in every language, demo users for every role (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = home_demo.load()
            for app in CONTENT_APPS:
                import_module(f"{app}.demo").load(home)
            # Locale trees exist now, so translators and reviewers get their pages.
            apply_roles()
            home_demo.ensure_users()
            # Work awaiting review in each workflow, once the workflows and users exist.
            import_module("workflows.demo").load(home)
            # Every page not translated yet appears in the other languages as an untranslated copy.
            synchronise_all_locales()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if settings.DEBUG and options["verbosity"]:
            self.stdout.write(f"Demo logins at /admin/ (password for all: {home_demo.DEMO_PASSWORD}):")
            for username, _first, _last, group in home_demo.DEMO_USERS:
                self.stdout.write(f"  {username:<16} {group or 'Superuser'}")
