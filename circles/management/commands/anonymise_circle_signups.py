from django.core.management.base import BaseCommand

from circles.signups import anonymise_ended, retention_days


class Command(BaseCommand):
    help = (
        "Remove learners' details from circles whose last meeting was more than CIRCLE_SIGNUP_RETENTION_DAYS "
        "days ago, keeping only counts (run daily; safe to repeat)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting.")

    def handle(self, *args, days=None, **options):
        count = anonymise_ended(days=retention_days() if days is None else days)
        if options["verbosity"]:
            self.stdout.write(f"Anonymised {count} signup(s).")
