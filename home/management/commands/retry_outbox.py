from django.core.management.base import BaseCommand

from home.outbox import retry_failed_emails


class Command(BaseCommand):
    help = "Retry outgoing email whose delivery failed (run every few minutes by the scheduler)."

    def handle(self, *args, **options):
        count = retry_failed_emails()
        if options["verbosity"]:
            self.stdout.write(f"Retried {count} email(s).")
