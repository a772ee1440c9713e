"""Demo content for the dashboard: the KNLS organizer sees invitations, feedback and a queued reminder at once."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from circles.models import LearningCirclePage, TeamPage
from dashboard.models import MeetingFeedback, MeetingReminder, TeamInvitation

REFLECTIONS = [
    (5, "Everyone brought a question from the week; we worked through them together and ran over time."),
    (4, "Two new learners joined. The video was slow on the library connection, so we downloaded it first."),
    (3, "A quiet session: several learners had exams. We agreed to send the week's reading ahead."),
]


def load(home):
    team = TeamPage.objects.filter(slug="knls", locale=Locale.get_default()).first()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["organizer", "facilitator"])}
    if team is None or "organizer" not in users:
        return
    organizer, facilitator = users["organizer"], users.get("facilitator")
    now = timezone.now()
    if not TeamInvitation.objects.filter(team=team, email="new.facilitator@example.org").exists():
        TeamInvitation.objects.create(
            team=team,
            email="new.facilitator@example.org",
            message="We would love you to run a circle at the Nakuru library next term.",
            invited_by=organizer,
        )
    if not TeamInvitation.objects.filter(team=team, email="late.reply@example.org").exists():
        TeamInvitation.objects.create(
            team=team, email="late.reply@example.org", invited_by=organizer, expires_at=now - timedelta(days=2)
        )
    circles = LearningCirclePage.objects.child_of(team).prefetch_related("meetings", "facilitators")
    queued = False
    for circle in circles:
        past = [m for m in circle.meeting_list if m.end <= now]
        for meeting, (rating, reflection) in zip(reversed(past), REFLECTIONS, strict=False):
            MeetingFeedback.objects.get_or_create(
                meeting=meeting,
                defaults={
                    "circle": circle,
                    "facilitator": facilitator,
                    "rating": rating,
                    "attendance": 4 + rating,
                    "reflection": reflection,
                },
            )
        upcoming = circle.next_meeting
        if not queued and upcoming is not None and upcoming.start > now:
            MeetingReminder.objects.get_or_create(
                meeting=upcoming,
                defaults={
                    "circle": circle,
                    "message": "This week we practise short speeches. Bring one minute about something you love!",
                    "edited_by": facilitator,
                    "edited_at": now,
                },
            )
            queued = True
