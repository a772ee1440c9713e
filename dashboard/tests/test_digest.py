"""The weekly digest for a seeded week."""

from datetime import UTC, date, datetime, time
from unittest import mock

import pytest
from django.core.management import call_command

from circles.factories import build_circle
from circles.models import CircleFacilitator, Signup, TeamMember, TeamPage
from dashboard.models import MeetingFeedback, TeamDigest, TeamInvitation
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 16)
NOW = datetime(2026, 11, 16, 6, 0, tzinfo=UTC)


def frozen():
    return mock.patch("django.utils.timezone.now", return_value=NOW)


@pytest.fixture
def seeded(knls, make_user):
    home = knls.get_parent()
    team = TeamPage(title="Mombasa libraries", slug="mombasa")
    home.add_child(instance=team)
    boss = make_user("mombasa-boss", email="boss@example.org")
    quiet = make_user("mombasa-quiet", email="quiet@example.org")
    TeamMember.objects.create(team=team, user=boss, role="organizer", weekly_digest=True)
    TeamMember.objects.create(team=team, user=quiet, role="facilitator", weekly_digest=False)
    reading = build_circle(
        date(2026, 11, 10),
        weeks=2,
        start=time(17, 0),
        title="Reading club",
        facilitators=[CircleFacilitator(user=quiet)],
    )
    team.add_child(instance=reading)
    finished = build_circle(
        date(2026, 11, 3), weeks=2, title="Starting a business", facilitators=[CircleFacilitator(user=quiet)]
    )
    team.add_child(instance=finished)
    for n in range(3):
        Signup.objects.create(circle=reading, name=f"R{n}", email=f"r{n}@example.org", consent=True)
    Signup.objects.filter(circle=reading, email__in=["r0@example.org", "r1@example.org"]).update(
        created_at=datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
    )
    Signup.objects.filter(circle=reading, email="r2@example.org").update(created_at=datetime(2026, 10, 1, tzinfo=UTC))
    for n in range(4):
        Signup.objects.create(circle=finished, name=f"F{n}", email=f"f{n}@example.org", consent=True)
    Signup.objects.filter(circle=finished).update(created_at=datetime(2026, 10, 20, tzinfo=UTC))
    first, last = finished.meetings.order_by("date")
    MeetingFeedback.objects.create(meeting=first, circle=finished, facilitator=quiet, rating=3, attendance=4)
    MeetingFeedback.objects.create(
        meeting=last, circle=finished, facilitator=quiet, rating=5, attendance=6, reflection="Everyone pitched an idea."
    )
    MeetingFeedback.objects.create(
        meeting=reading.meetings.order_by("date").first(),
        circle=reading,
        facilitator=quiet,
        rating=4,
        attendance=5,
        reflection="A great start.",
    )
    neema = make_user("neema", email="neema@example.org")
    neema.first_name, neema.last_name = "Neema", "Achieng"
    neema.save()
    TeamInvitation.objects.create(
        team=team,
        email="neema@example.org",
        status="accepted",
        accepted_by=neema,
        responded_at=datetime(2026, 11, 13, 12, 0, tzinfo=UTC),
        expires_at=NOW,
    )
    return team


def test_digest_content_for_a_seeded_week(seeded):
    with frozen():
        call_command("send_team_digest", verbosity=0)
    digest = TeamDigest.objects.get(team=seeded)
    assert digest.week_start == MONDAY
    body = digest.body_text
    this_week = body.split("This week's meetings", 1)[1].split("==", 2)[1]
    assert "Tue 17 Nov, 17:00 (Africa/Nairobi): Reading club" in this_week
    assert "0 coming, 0 not coming, 3 no answer" in this_week
    feedback = body.split("Last week's feedback", 1)[1].split("==", 2)[1]
    assert "Reading club: 4/5, 5 learners came" in feedback and "A great start." in feedback
    assert "Starting a business: 5/5, 6 learners came" in feedback
    assert "Starting a business: 3/5" not in feedback  # two weeks ago
    signups = body.split("New signups", 1)[1].split("==", 2)[1]
    assert "Reading club: 2" in signups and "Starting a business" not in signups
    finished = body.split("Circles that finished", 1)[1].split("==", 2)[1]
    assert "Starting a business: 2 meetings, 4 learners, 10 attendances, average rating 4.0/5" in finished
    assert "Reading club" not in finished
    assert "Neema Achieng" in body.split("New members", 1)[1]
    mails = OutboundEmail.objects.filter(topic="team-digest", subject=digest.subject)
    assert list(mails.values_list("to", flat=True)) == ["boss@example.org"]  # the other member opted out
    assert digest.recipients == 1


def test_once_per_team_and_week(seeded):
    with frozen():
        call_command("send_team_digest", verbosity=0)
        call_command("send_team_digest", verbosity=0)
    assert TeamDigest.objects.filter(team=seeded).count() == 1
    assert OutboundEmail.objects.filter(topic="team-digest", to="boss@example.org").count() == 1


def test_a_quiet_team_gets_none(knls, make_user):
    team = TeamPage(title="Quiet team", slug="quiet")
    knls.get_parent().add_child(instance=team)
    TeamMember.objects.create(team=team, user=make_user("quiet-boss"), role="organizer")
    with frozen():
        call_command("send_team_digest", verbosity=0)
    assert not TeamDigest.objects.filter(team=team).exists()
    assert not OutboundEmail.objects.filter(to="quiet-boss@example.org").exists()


def test_past_digests_in_the_admin(client, seeded, chicago_organizer):
    with frozen():
        call_command("send_team_digest", verbosity=0)
    boss = TeamMember.objects.get(team=seeded, role="organizer").user
    client.force_login(boss)
    page = client.get(f"/admin/dashboard/teams/{seeded.pk}/digest/2026-11-18/")  # any day of the week
    html = page.content.decode()
    assert page.status_code == 200
    assert "Sent on" in html and "A great start." in html
    # A week that was never sent is shown from the data, marked as such.
    earlier = client.get(f"/admin/dashboard/teams/{seeded.pk}/digest/2026-11-09/").content.decode()
    assert "Not sent" in earlier
    assert client.get(f"/admin/dashboard/teams/{seeded.pk}/digest/garbage/", follow=True).status_code == 404
    client.force_login(chicago_organizer)
    assert client.get(f"/admin/dashboard/teams/{seeded.pk}/digest/2026-11-16/", follow=True).status_code == 404
