from django.core.management.base import BaseCommand

from gathering.registrations import expire_offers


class Command(BaseCommand):
    help = "Expire unconfirmed waiting-list offers and offer each place to the next person (run every hour)."

    def handle(self, *args, **options):
        expired = expire_offers()
        if options["verbosity"]:
            self.stdout.write(f"{len(expired)} offer(s) expired and passed on.")
