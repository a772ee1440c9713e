import json
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from circles import signups
from circles.models import CircleFacilitator, Signup
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db


def join(circle, email, name="Learner", **answers):
    answers.setdefault("consent", True)
    return signups.sign_up(circle, email=email, name=name, **answers)


def test_signup_is_confirmed_and_emailed_with_calendar_and_manage_link(make_circle, django_capture_on_commit_callbacks):
    circle = make_circle(signup_limit=5, title="Fiction at Buruburu")
    with django_capture_on_commit_callbacks(execute=True):
        result = join(circle, "Amina@Example.org", name="Amina")
    assert result.created and not result.waiting
    assert result.signup.email == "amina@example.org"
    message = mail.outbox[-1]
    assert message.to == ["amina@example.org"]
    assert message.subject == "You are signed up for Fiction at Buruburu"
    assert "Next meeting" in message.body
    assert "/signup/" in message.body
    assert message.body.count("/rsvp/") == 12  # yes and no for each of six meetings
    filename, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    assert len(Calendar.from_ical(content).walk("VEVENT")) == 6


def test_same_email_updates_the_existing_signup(make_circle):
    circle = make_circle(signup_limit=5)
    first = join(circle, "amina@example.org", name="Amina", goals="Write")
    second = join(circle, " AMINA@example.org ", name="Amina K.", goals="Write a novel")
    assert not second.created
    assert second.signup.pk == first.signup.pk
    assert Signup.objects.filter(circle=circle).count() == 1
    assert Signup.objects.get(circle=circle).goals == "Write a novel"


def test_full_circle_puts_new_learners_on_a_waiting_list_in_order(make_circle):
    circle = make_circle(signup_limit=2)
    join(circle, "a@example.org")
    join(circle, "b@example.org")
    third = join(circle, "c@example.org")
    fourth = join(circle, "d@example.org")
    assert third.waiting and fourth.waiting
    assert third.signup.waiting_position == 1
    assert fourth.signup.waiting_position == 2
    assert Signup.objects.filter(circle=circle, status=Signup.Status.CONFIRMED).count() == 2
    subject = OutboundEmail.objects.filter(to="c@example.org").latest("pk").subject
    assert subject.startswith("You are on the waiting list")


def test_leaving_promotes_the_first_waiting_learner_and_tells_them(make_circle, django_capture_on_commit_callbacks):
    circle = make_circle(signup_limit=1, title="Python")
    first = join(circle, "a@example.org", name="Ann", mobile="+254 700 000000", goals="Code")
    waiting = join(circle, "b@example.org", name="Ben")
    join(circle, "c@example.org", name="Cy")
    with django_capture_on_commit_callbacks(execute=True):
        promoted = signups.leave(first.signup)
    assert promoted.pk == waiting.signup.pk
    assert Signup.objects.get(pk=waiting.signup.pk).status == Signup.Status.CONFIRMED
    assert Signup.objects.get(email="c@example.org").waiting_position == 1
    assert mail.outbox[-1].to == ["b@example.org"]
    assert mail.outbox[-1].subject == "A place opened up for you in Python"
    left = Signup.objects.get(pk=first.signup.pk)
    assert left.status == Signup.Status.LEFT
    assert (left.name, left.email, left.mobile, left.goals) == ("", None, "", "")
    # The same address may sign up again later.
    assert join(circle, "a@example.org").created


def test_closed_and_completed_circles_refuse_new_signups(make_circle):
    closed = make_circle(signup_open=False)
    with pytest.raises(signups.SignupClosed):
        join(closed, "a@example.org")
    completed = make_circle(starts_in=-100)
    with pytest.raises(signups.SignupClosed):
        join(completed, "a@example.org")
    assert not Signup.objects.filter(circle__in=[closed, completed]).exists()


def test_email_is_in_the_circle_language(make_circle):
    circle = make_circle(language="sw", title="Klabu ya kusoma")
    join(circle, "a@example.org", name="Asha")
    email = OutboundEmail.objects.filter(to="a@example.org").latest("pk")
    assert email.language == "sw"
    assert email.subject != "You are signed up for Klabu ya kusoma"  # translated from the catalogue
    assert "Klabu ya kusoma" in email.subject


def test_failed_email_keeps_the_signup_and_shows_staff_the_failure(make_circle, django_capture_on_commit_callbacks):
    circle = make_circle()
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("mail server down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        join(circle, "a@example.org")
    assert Signup.objects.filter(circle=circle, email="a@example.org").exists()
    email = OutboundEmail.objects.filter(to="a@example.org").latest("pk")
    assert email.status == OutboundEmail.Status.RETRYING
    assert "mail server down" in email.last_error


def test_facilitator_email_is_never_shown_on_the_page(make_circle, client, django_user_model):
    user = django_user_model.objects.create(
        username="fac", first_name="Faith", last_name="K", email="faith@private.example"
    )
    circle = make_circle(facilitators=[CircleFacilitator(user=user)])
    html = client.get(circle.url).content.decode()
    assert "Faith K" in html
    assert "faith@private.example" not in html


def export_personal_data(email):
    out = StringIO()
    call_command("export_personal_data", email=email, stdout=out)
    return json.loads(out.getvalue())["data"]


def test_signups_and_rsvps_are_exported_then_erased_and_the_place_passed_on(make_circle):
    circle = make_circle(signup_limit=1, title="Poetry at Kisumu")
    signup = join(circle, "amina@example.org", name="Amina", goals="Read aloud").signup
    waiting = join(circle, "baraka@example.org", name="Baraka").signup
    signups.record_rsvp(signup, circle.meeting_list[0], attending=True)

    data = export_personal_data("AMINA@example.org")
    assert data["circles.signups"] == [
        {
            "circle": "Poetry at Kisumu",
            "status": "confirmed",
            "name": "Amina",
            "mobile": "",
            "goals": "Read aloud",
            "contribution": "",
            "custom_answer": "",
            "consent": True,
            "news_opt_in": False,
            "signed_up": signup.created_at.isoformat(),
        }
    ]
    assert data["circles.rsvps"][0]["attending"] is True

    out = StringIO()
    call_command("erase_personal_data", email="amina@example.org", yes=True, stdout=out)
    assert "circles.signups: 1" in out.getvalue() and "circles.rsvps: 1" in out.getvalue()
    assert export_personal_data("amina@example.org") == {}
    signup.refresh_from_db()
    waiting.refresh_from_db()
    assert (signup.status, signup.name, signup.goals) == (Signup.Status.LEFT, "", "")
    assert waiting.status == Signup.Status.CONFIRMED


def test_learners_details_are_removed_after_the_retention_period(make_circle, settings):
    settings.CIRCLE_SIGNUP_RETENTION_DAYS = 30
    call_command("anonymise_circle_signups", verbosity=0)  # the demo's own ended circles
    ended_long_ago = make_circle(starts_in=-100, weeks=6)  # last meeting 65 days ago
    ended_recently = make_circle(starts_in=-40, weeks=4)  # last meeting 19 days ago
    old = Signup.objects.create(circle=ended_long_ago, email="old@example.org", name="Old", goals="x", consent=True)
    recent = Signup.objects.create(circle=ended_recently, email="new@example.org", name="New", consent=True)

    out = StringIO()
    call_command("anonymise_circle_signups", stdout=out)
    assert out.getvalue().strip() == "Anonymised 1 signup(s)."
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.name, old.goals, old.status) == (None, "", "", Signup.Status.CONFIRMED)
    assert recent.email == "new@example.org"
    assert Signup.objects.filter(circle=ended_long_ago).count() == 1, "the row stays for the team's figures"

    call_command("anonymise_circle_signups", stdout=out)
    assert out.getvalue().strip().endswith("Anonymised 0 signup(s)."), "a second run finds nothing left to do"
