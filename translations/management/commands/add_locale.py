from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.roles import apply_roles, reviewers_group_name, translators_group_name
from translations.sync import synchronise_locale


class Command(BaseCommand):
    help = (
        "Add a content language: its Wagtail locale, a page tree synchronised from the source language, "
        "and its translators and reviewers groups with their permissions. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="Language code, e.g. am. It must be listed in settings.LANGUAGES first.")

    def handle(self, code, **options):
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        if code not in languages:
            raise CommandError(
                f"{code!r} is not a content language. Add it to LANGUAGES in cms/settings.py "
                f"(for example ({code!r}, 'Name in that language')), then run this command again."
            )
        if code == settings.LANGUAGE_CODE:
            raise CommandError(f"{code!r} is the source language; it is not translated.")
        with transaction.atomic():
            # Copies the English tree into the new locale as untranslated aliases; new English pages
            # follow when they are created.
            _locale, created = synchronise_locale(code)
        # Groups need the locale's home page, which the synchronisation has just made.
        with transaction.atomic():
            apply_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"{languages[code]} ({code}) is {'added' if created else 'up to date'}: "
                f"groups “{translators_group_name(code)}” and “{reviewers_group_name(code)}”; "
                "its pages follow the English tree."
            )
        )
