import pytest

from accounts.personal_data import erase_everything, export_everything
from dashboard.models import MeetingFeedback, TeamDigest, TeamInvitation

pytestmark = pytest.mark.django_db


def test_invitations_and_feedback_are_exported_then_erased(knls, organizer, make_user, make_circle):
    TeamInvitation.objects.create(team=knls, email="Someone@Example.org", message="Join us!", invited_by=organizer)
    person = make_user("someone", email="someone@example.org")
    person.first_name, person.last_name = "Asha", "Kamau"
    person.save()
    circle = make_circle(knls, starts_in=-3, weeks=2, facilitator=person)
    meeting = circle.meeting_list[0]
    MeetingFeedback.objects.create(
        meeting=meeting, circle=circle, facilitator=person, rating=4, attendance=6, reflection="Asha's own words."
    )
    digest = TeamDigest.objects.create(
        team=knls, week_start=meeting.date, subject="S", body_text="New members:\n- Asha Kamau\n- other"
    )
    found = export_everything("someone@example.org")
    assert found["dashboard.invitations"][0]["message"] == "Join us!"
    assert found["dashboard.meeting_feedback"][0]["reflection"] == "Asha's own words."
    counts = erase_everything("someone@example.org")
    assert counts["dashboard.invitations"] == 1 and counts["dashboard.meeting_feedback"] == 1
    assert not TeamInvitation.objects.filter(email="someone@example.org").exists()
    feedback = MeetingFeedback.objects.get(meeting=meeting)
    assert (feedback.facilitator, feedback.reflection, feedback.rating) == (None, "", 4)
    digest.refresh_from_db()
    assert "Asha" not in digest.body_text and "- other" in digest.body_text
    again = export_everything("someone@example.org")
    assert "dashboard.invitations" not in again and "dashboard.meeting_feedback" not in again
