from django.core.management.base import BaseCommand

from gathering.models import purge_after_days
from gathering.registrations import purge_sensitive


class Command(BaseCommand):
    help = (
        "Erase dietary and accessibility answers of gatherings that ended more than "
        "GATHERING_PURGE_SENSITIVE_AFTER_DAYS days ago (run daily; safe to repeat)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        days = purge_after_days() if days is None else days
        count = purge_sensitive(days=days)
        if options["verbosity"]:
            self.stdout.write(f"Erased dietary and accessibility answers from {count} registration(s).")
