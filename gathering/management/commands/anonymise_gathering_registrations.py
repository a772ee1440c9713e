from django.core.management.base import BaseCommand

from gathering.models import anonymise_after_days
from gathering.registrations import anonymise


class Command(BaseCommand):
    help = (
        "Anonymise whole registrations of gatherings that ended more than GATHERING_ANONYMISE_AFTER_DAYS "
        "days ago, keeping only counts (run daily; safe to repeat)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        days = anonymise_after_days() if days is None else days
        count = anonymise(days=days)
        if options["verbosity"]:
            self.stdout.write(f"Anonymised {count} registration(s).")
