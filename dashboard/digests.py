"""The weekly team digest: one email per team and week, to the members who want it."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from circles.models import Signup, TeamPage
from dashboard.access import team_members
from dashboard.models import MeetingFeedback, TeamDigest, TeamInvitation
from dashboard.overview import meetings_between, team_circles, week_start
from home.outbox import queue_email


@dataclass
class DigestContent:
    subject: str
    body: str
    sections: dict = field(default_factory=dict)


def _bounds(monday):
    """The previous week as aware datetimes in the server's zone, for created/answered times."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(monday - timedelta(days=7), time.min, tzinfo=zone)
    return start, datetime.combine(monday, time.min, tzinfo=zone)


def sections(team, monday):
    circles = list(team_circles(team))
    by_id = {circle.pk: circle for circle in circles}
    last_monday = monday - timedelta(days=7)
    since, until = _bounds(monday)
    meetings = meetings_between(circles, monday, monday + timedelta(days=6))
    feedback = list(
        MeetingFeedback.objects.filter(
            circle_id__in=list(by_id), meeting__date__gte=last_monday, meeting__date__lt=monday
        )
        .select_related("meeting", "facilitator")
        .order_by("meeting__date", "meeting__start_time")
    )
    for item in feedback:
        item.circle = by_id[item.circle_id]
    new_signups = [
        (by_id[row["circle_id"]], row["n"])
        for row in Signup.objects.filter(circle_id__in=list(by_id), created_at__gte=since, created_at__lt=until)
        .order_by()
        .values("circle_id")
        .annotate(n=Count("pk"))
        .order_by("circle_id")
    ]
    finished = [c for c in circles if c.meeting_list and last_monday <= c.meeting_list[-1].date < monday]
    if finished:
        totals = {
            row["circle_id"]: row
            for row in MeetingFeedback.objects.filter(circle_id__in=[c.pk for c in finished])
            .order_by()
            .values("circle_id")
            .annotate(attendance=Sum("attendance"), rating=Avg("rating"))
        }
        for circle in finished:
            circle.meeting_count = len(circle.meeting_list)
            circle.attendance_total = (totals.get(circle.pk) or {}).get("attendance") or 0
            rating = (totals.get(circle.pk) or {}).get("rating")
            circle.average_rating = round(rating, 1) if rating else None
    new_members = list(
        TeamInvitation.objects.filter(
            team=team,
            status=TeamInvitation.Status.ACCEPTED,
            responded_at__gte=since,
            responded_at__lt=until,
        ).select_related("accepted_by")
    )
    return {
        "meetings": meetings,
        "feedback": feedback,
        "new_signups": new_signups,
        "finished": finished,
        "new_members": new_members,
    }


def build(team, monday):
    """The digest of the week starting `monday`, or None when the team had nothing going on."""
    found = sections(team, monday)
    if not any(found.values()):
        return None
    language = team.locale.language_code if team.locale_id else settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("%(team)s: your week from %(day)s") % {"team": team.title, "day": monday.strftime("%d.%m.%Y")}
        body = render_to_string(
            "dashboard/email/digest.txt",
            {"team": team, "week_start": monday, "last_week_start": monday - timedelta(days=7), **found},
        )
    return DigestContent(subject, body, found)


def send_team_digests(now=None):
    """This week's digest for every team that had activity, once per team and week."""
    now = now or timezone.now()
    monday = week_start(timezone.localtime(now).date())
    sent = 0
    for team in TeamPage.objects.filter(locale=Locale.get_default()).order_by("pk"):
        if TeamDigest.objects.filter(team=team, week_start=monday).exists():
            continue
        content = build(team, monday)
        if content is None:
            continue
        recipients = [
            member.user.email
            for member in team_members(team)
            if member.weekly_digest and member.user.is_active and member.user.email
        ]
        try:
            with transaction.atomic():
                TeamDigest.objects.create(
                    team=team,
                    week_start=monday,
                    subject=content.subject,
                    body_text=content.body,
                    recipients=len(recipients),
                )
                for email in recipients:
                    queue_email(
                        email, content.subject, content.body, topic="team-digest", language=team.locale.language_code
                    )
        except IntegrityError:
            continue
        sent += 1
    return sent
