"""Reminder timing with a frozen clock, edit survival, idempotency, and change notices."""

import re
from datetime import UTC, date, datetime, time
from unittest import mock

import pytest
from django.core.management import call_command

from circles.factories import build_circle
from circles.models import CircleFacilitator, LearningCirclePage, Meeting, MeetingRSVP, Signup
from dashboard import reminders
from dashboard.models import FeedbackRequest, MeetingFeedback, MeetingReminder
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db


def at(*args):
    return mock.patch("django.utils.timezone.now", return_value=datetime(*args, tzinfo=UTC))


@pytest.fixture
def chicago_circle(circle_index, make_user):
    """Mondays at 18:00 in Chicago, across the end of daylight saving time on 1 November 2026."""
    faci = make_user("chi-faci")
    circle = build_circle(
        date(2026, 10, 26),
        weeks=3,
        start=time(18, 0),
        title="Python in Chicago",
        time_zone="America/Chicago",
        facilitators=[CircleFacilitator(user=faci)],
    )
    circle_index.add_child(instance=circle)
    circle.save_revision().publish()
    for n in range(2):
        Signup.objects.create(circle=circle, name=f"L{n}", email=f"learner{n}@example.org", consent=True)
    Signup.objects.create(circle=circle, name="W", email="waiting@example.org", status=Signup.Status.WAITING)
    circle = LearningCirclePage.objects.get(pk=circle.pk)
    circle.faci = faci
    return circle


@pytest.fixture
def circle_index(db):
    from wagtail.models import Locale

    from circles.models import CircleIndexPage

    return CircleIndexPage.objects.get(locale=Locale.get_default())


LEARNERS = ["learner0@example.org", "learner1@example.org", "waiting@example.org", "daily@example.org"]


def reminder_mails():
    # The demo's own circles meet around these dates too; these tests look at their own learners.
    return OutboundEmail.objects.filter(topic="meeting-reminder", to__in=LEARNERS)


def test_due_two_days_before_on_the_circles_own_clock_across_dst(chicago_circle):
    # Monday 2 November 18:00 CST (UTC-6) is 00:00 UTC on the 3rd. Two days before on the local
    # clock is Saturday 31 October 18:00 CDT (UTC-5), 23:00 UTC: 49 hours, not 48.
    meeting = chicago_circle.meeting_list[1]
    assert reminders.due_at(meeting) == datetime(2026, 10, 31, 23, 0, tzinfo=UTC)
    with at(2026, 10, 31, 22, 59):
        reminders.send_reminders()
    assert not reminder_mails().exists()
    with at(2026, 10, 31, 23, 0):
        reminders.send_reminders()
    mails = list(reminder_mails())
    assert sorted(m.to for m in mails) == ["learner0@example.org", "learner1@example.org"]
    body = mails[0].body_text
    assert "Monday 2 November 2026, 18:00 (America/Chicago)" in body
    ics = mails[0].attachments[0]["content"]
    assert "DTSTART;TZID=America/Chicago:20261102T180000" in ics
    assert ics.count("BEGIN:VEVENT") == 1


def test_run_twice_nobody_gets_two(chicago_circle):
    with at(2026, 11, 1, 12, 0):
        call_command("send_reminders", verbosity=0)
        call_command("send_reminders", verbosity=0)
    with at(2026, 11, 2, 20, 0):
        call_command("send_reminders", verbosity=0)
    assert reminder_mails().count() == 2
    assert MeetingReminder.objects.get(meeting=chicago_circle.meeting_list[1]).deliveries.count() == 2


def test_never_before_the_previous_meeting_has_ended(circle_index):
    circle = build_circle(date(2026, 11, 9), weeks=1, start=time(18, 0), title="Daily", time_zone="Africa/Nairobi")
    circle.meetings.add(Meeting(date=date(2026, 11, 10), start_time=time(18, 0), duration_minutes=90))
    circle_index.add_child(instance=circle)
    Signup.objects.create(circle=circle, name="L", email="daily@example.org", consent=True)
    circle = LearningCirclePage.objects.get(pk=circle.pk)
    second = circle.meeting_list[1]
    # Monday's meeting ends at 19:30 Nairobi time (16:30 UTC); Tuesday's reminder waits for it.
    assert reminders.due_at(second) == datetime(2026, 11, 9, 16, 30, tzinfo=UTC)
    with at(2026, 11, 9, 16, 0):
        reminders.send_reminders()
    assert not MeetingReminder.objects.filter(meeting=second).exists()
    with at(2026, 11, 9, 16, 30):
        reminders.send_reminders()
    assert MeetingReminder.objects.get(meeting=second).sent_at is not None


def test_reminder_has_working_rsvp_and_leave_links_in_the_circles_language(client, chicago_circle):
    chicago_circle.language = "sw"
    chicago_circle.save_revision().publish()
    with at(2026, 11, 1, 12, 0):
        reminders.send_reminders()
    mail = reminder_mails().get(to="learner0@example.org")
    assert mail.language == "sw"
    assert "Wapi" in mail.body_text  # "Where" in Kiswahili
    assert mail.subject.startswith("Kikumbusho: Python in Chicago")
    assert "Tuonane" in mail.body_text  # the default words, in Kiswahili
    paths = re.findall(r"https?://[^/\s]+(/\S+/)", mail.body_text)
    rsvp_yes, rsvp_no, leave = paths[-3:]
    assert "/rsvp/" in rsvp_yes and "/signup/" in leave
    with at(2026, 11, 1, 12, 0):
        assert client.post(rsvp_yes).status_code in (200, 303)
    assert MeetingRSVP.objects.get(signup__email="learner0@example.org").attending is True


def test_facilitators_edit_survives_later_changes_to_the_circle(client, chicago_circle):
    meeting = chicago_circle.meeting_list[2]
    client.force_login(chicago_circle.faci)
    with at(2026, 11, 2, 12, 0):
        page = client.get(f"/admin/dashboard/meetings/{meeting.pk}/reminder/")
        assert page.status_code == 200
        assert "Saturday 7 November 2026, 18:00" in page.content.decode()
        client.post(f"/admin/dashboard/meetings/{meeting.pk}/reminder/", {"message": "Bring your laptop charger!"})
    # The circle is edited and published again: new title, the meeting starts later.
    circle = LearningCirclePage.objects.get(pk=chicago_circle.pk)
    circle.title = "Python together in Chicago"
    meetings = list(circle.meetings.all())
    for item in meetings:
        if item.pk == meeting.pk:
            item.start_time = time(18, 30)
    circle.meetings = meetings
    circle.save_revision().publish()
    with at(2026, 11, 8, 1, 0):
        reminders.send_reminders()
    mail = reminder_mails().get(to="learner1@example.org")
    assert "Bring your laptop charger!" in mail.body_text
    assert "Python together in Chicago" in mail.subject
    assert "18:30" in mail.body_text


def test_another_facilitator_cannot_edit_the_reminder(client, chicago_circle, make_user):
    client.force_login(make_user("stranger"))
    meeting = chicago_circle.meeting_list[2]
    with at(2026, 11, 2, 12, 0):
        response = client.post(f"/admin/dashboard/meetings/{meeting.pk}/reminder/", {"message": "Hi"}, follow=True)
    assert response.status_code == 404
    assert not MeetingReminder.objects.filter(meeting=meeting).exists()


def _publish_meetings(circle_pk, change):
    circle = LearningCirclePage.objects.get(pk=circle_pk)
    circle.meetings = change(list(circle.meetings.all()))
    circle.save_revision().publish()


def test_learners_are_told_when_a_reminded_meeting_moves_or_is_cancelled(chicago_circle):
    meeting = chicago_circle.meeting_list[1]
    with at(2026, 11, 1, 12, 0):
        reminders.send_reminders()

        def move(meetings):
            for item in meetings:
                if item.pk == meeting.pk:
                    item.date = date(2026, 11, 3)
            return meetings

        _publish_meetings(chicago_circle.pk, move)
        notices = OutboundEmail.objects.filter(topic="meeting-change", to__in=LEARNERS)
        assert sorted(notices.values_list("to", flat=True)) == ["learner0@example.org", "learner1@example.org"]
        assert "Tuesday 3 November 2026, 18:00" in notices.first().body_text
        # The scheduled run finds nothing more to say.
        call_command("send_reminders", verbosity=0)
        assert notices.count() == 2
        # Now it is cancelled.
        _publish_meetings(chicago_circle.pk, lambda meetings: [m for m in meetings if m.pk != meeting.pk])
        call_command("send_reminders", verbosity=0)
    cancelled = OutboundEmail.objects.filter(topic="meeting-change", to__in=LEARNERS, subject__startswith="Cancelled")
    assert cancelled.count() == 2
    assert "Tuesday 3 November 2026, 18:00" in cancelled.first().body_text
    # A meeting nobody was reminded of moves quietly.
    with at(2026, 11, 1, 12, 0):
        later = LearningCirclePage.objects.get(pk=chicago_circle.pk).meeting_list[-1]

        def move_last(meetings):
            for item in meetings:
                if item.pk == later.pk:
                    item.start_time = time(19, 0)
            return meetings

        _publish_meetings(chicago_circle.pk, move_last)
    assert OutboundEmail.objects.filter(topic="meeting-change", to__in=LEARNERS).count() == 4


def test_facilitator_is_asked_for_feedback_once_and_it_shows_on_the_dashboard(client, chicago_circle, make_user):
    from circles.models import TeamMember, TeamPage

    first = chicago_circle.meeting_list[0]  # 26 October 18:00 CDT, ends 19:30 CDT = 00:30 UTC
    with at(2026, 10, 27, 0, 29):
        reminders.send_feedback_requests()
    assert not FeedbackRequest.objects.filter(meeting=first).exists()
    with at(2026, 10, 27, 1, 0):
        reminders.send_feedback_requests()
        reminders.send_feedback_requests()
    mail = OutboundEmail.objects.get(topic="meeting-feedback", to="chi-faci@example.org")
    assert mail.to == "chi-faci@example.org"
    path = re.search(r"https?://[^/\s]+(/\S+/)", mail.body_text).group(1)
    client.force_login(chicago_circle.faci)
    assert client.get(path).status_code == 200
    bad = client.post(path, {"rating": "9", "attendance": "-1"})
    assert bad.status_code == 200 and not MeetingFeedback.objects.filter(meeting=first).exists()
    client.post(path, {"rating": "4", "attendance": "7", "reflection": "Good questions about loops."})
    feedback = MeetingFeedback.objects.get(meeting=first)
    assert (feedback.rating, feedback.attendance, feedback.facilitator) == (4, 7, chicago_circle.faci)
    # Somebody else can't give or read it.
    client.force_login(make_user("nosy"))
    assert client.get(path, follow=True).status_code == 404
    # On the dashboard of the team the circle belongs to.
    team = TeamPage.objects.get(slug="chicago", locale=chicago_circle.locale)
    LearningCirclePage.objects.get(pk=chicago_circle.pk).move(team, pos="last-child")
    boss = make_user("chi-boss")
    TeamMember.objects.create(team=team, user=boss, role="organizer")
    client.force_login(boss)
    with at(2026, 10, 27, 1, 0):
        html = client.get(f"/admin/dashboard/teams/{team.pk}/").content.decode()
    assert "Good questions about loops." in html
    assert "Given" in html
