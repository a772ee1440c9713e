from django.core.management.base import BaseCommand

from dashboard import reminders


class Command(BaseCommand):
    help = (
        "Email learners the reminders that are due (two days before each meeting), tell them about moved or "
        "cancelled meetings, and ask facilitators for feedback on meetings that ended. Safe to run at any time."
    )

    def handle(self, *args, **options):
        sent = reminders.send_reminders()
        changes = reminders.notify_changes()
        asked = reminders.send_feedback_requests()
        if options["verbosity"]:
            self.stdout.write(f"{sent} reminders, {changes} change notices, {asked} feedback requests queued.")
