"""The figures on a team's dashboard, in a fixed number of queries whatever the team's size."""

from datetime import date, timedelta

from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from wagtail.models import Revision

from circles.models import CircleFacilitator, LearningCirclePage, Meeting, Signup, Status
from dashboard.access import team_members
from dashboard.models import MeetingFeedback, MeetingReminder, TeamDigest, TeamInvitation
from dashboard.reminders import due_at


def week_start(day):
    return day - timedelta(days=day.weekday())


def parse_week(value, today=None):
    """The Monday of the week `value` (YYYY-MM-DD) falls in; this week for anything else."""
    today = today or timezone.localdate()
    try:
        day = date.fromisoformat(value) if value else today
    except (TypeError, ValueError):
        day = today
    if not date(2000, 1, 1) <= day <= date(2100, 1, 1):
        day = today
    return week_start(day)


def _count(status):
    return Subquery(
        Signup.objects.filter(circle=OuterRef("pk"), status=status)
        .order_by()
        .values("circle")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def team_circles(team):
    """Every circle of the team (drafts too), with its learners counted and its meetings loaded."""
    return (
        LearningCirclePage.objects.child_of(team)
        .annotate(confirmed=_count(Signup.Status.CONFIRMED), waiting=_count(Signup.Status.WAITING))
        .prefetch_related(
            "meetings",
            Prefetch("facilitators", queryset=CircleFacilitator.objects.select_related("user")),
        )
        .order_by("title", "pk")
    )


def meetings_between(circles, first, last):
    """Meetings of `circles` (already loaded) on local dates first..last, with RSVPs and feedback."""
    by_id = {circle.pk: circle for circle in circles}
    meetings = list(
        Meeting.objects.filter(circle_id__in=list(by_id), date__gte=first, date__lte=last)
        .annotate(
            yes=Count("rsvps", filter=Q(rsvps__attending=True)),
            no=Count("rsvps", filter=Q(rsvps__attending=False)),
            has_feedback=Exists(MeetingFeedback.objects.filter(meeting=OuterRef("pk"))),
            reminder_sent=Subquery(MeetingReminder.objects.filter(meeting=OuterRef("pk")).values("sent_at")[:1]),
            reminder_edited=Exists(MeetingReminder.objects.filter(meeting=OuterRef("pk")).exclude(message="")),
        )
        .order_by("date", "start_time", "pk")
    )
    for meeting in meetings:
        meeting.circle = by_id[meeting.circle_id]
        meeting.no_answer = max((meeting.circle.confirmed or 0) - meeting.yes - meeting.no, 0)
        # On the circle's wall clock, like the meeting itself.
        meeting.reminder_due = due_at(meeting).replace(tzinfo=None)
    return meetings


def facilitators(team, circles):
    members = team_members(team)
    counts = {}
    for circle in circles:
        for facilitator in circle.facilitators.all():
            if facilitator.user_id:
                counts[facilitator.user_id] = counts.get(facilitator.user_id, 0) + 1
    user_ids = [member.user_id for member in members]
    edits = dict(
        Revision.objects.filter(user_id__in=user_ids)
        .order_by()
        .values("user_id")
        .annotate(last=Max("created_at"))
        .values_list("user_id", "last")
    )
    feedback = dict(
        MeetingFeedback.objects.filter(facilitator_id__in=user_ids)
        .order_by()
        .values("facilitator_id")
        .annotate(last=Max("updated_at"))
        .values_list("facilitator_id", "last")
    )
    for member in members:
        member.circle_count = counts.get(member.user_id, 0)
        moments = [m for m in (member.user.last_login, edits.get(member.user_id), feedback.get(member.user_id)) if m]
        member.last_activity = max(moments) if moments else None
    return members


def team_overview(team, week):
    circles = list(team_circles(team))
    active = [circle for circle in circles if circle.status != Status.COMPLETED]
    circle_ids = [circle.pk for circle in circles]
    return {
        "team": team,
        "week_start": week,
        "week_end": week + timedelta(days=6),
        "previous_week": week - timedelta(days=7),
        "next_week": week + timedelta(days=7),
        "meetings": meetings_between(circles, week, week + timedelta(days=6)),
        "active_circles": active,
        "facilitators": facilitators(team, circles),
        "invitations": list(TeamInvitation.objects.filter(team=team).select_related("invited_by")[:50]),
        "feedback": list(
            MeetingFeedback.objects.filter(circle_id__in=circle_ids)
            .select_related("meeting", "facilitator", "circle")
            .order_by("-created_at")[:10]
        ),
        "digests": list(TeamDigest.objects.filter(team=team).defer("body_text")[:8]),
    }
