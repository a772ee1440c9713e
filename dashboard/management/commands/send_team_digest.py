from django.core.management.base import BaseCommand

from dashboard import digests


class Command(BaseCommand):
    help = "Email this week's digest to the members of every team that had activity (once per team and week)."

    def handle(self, *args, **options):
        sent = digests.send_team_digests()
        if options["verbosity"]:
            self.stdout.write(f"{sent} team digests sent.")
