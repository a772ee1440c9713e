"""A person's data: exported in full, then erased everywhere, log entries included."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from home.models import OutboundEmail

pytestmark = pytest.mark.django_db
EMAIL = "amina.learner@example.org"


@pytest.fixture
def person():
    user = get_user_model().objects.create_user("amina", EMAIL, "a-sturdy-test-password-91", first_name="Amina")
    OutboundEmail.objects.create(to=EMAIL, subject="You're signed up", body_text="See you on Monday", topic="signup")
    log(instance=user, action="wagtail.create", user=user)
    return user


def export(email):
    out = StringIO()
    call_command("export_personal_data", email=email, stdout=out)
    return json.loads(out.getvalue())["data"]


def test_export_returns_everything_held_about_the_person(person):
    data = export(EMAIL)
    assert data["accounts.accounts"][0]["first_name"] == "Amina"
    assert data["home.emails"][0]["subject"] == "You're signed up"
    assert data["accounts.log_entries"]
    assert export("nobody@example.org") == {}


def test_erase_then_export_finds_nothing(person):
    out = StringIO()
    call_command("erase_personal_data", email=EMAIL, yes=True, stdout=out)
    assert "accounts.accounts: 1" in out.getvalue()
    assert export(EMAIL) == {}
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password() and person.first_name == ""
    assert not OutboundEmail.objects.filter(body_text__contains="Monday").exists()
    assert not ModelLogEntry.objects.filter(user=person).exists()


def test_a_bad_address_is_refused_and_changes_nothing(person):
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("erase_personal_data", email="not-an-address", yes=True)
    assert get_user_model().objects.filter(email=EMAIL).exists()


def test_admin_pages_are_never_stored(client, person):
    admin = get_user_model().objects.create_superuser("privacy-admin", "privacy@example.org", "x-pass-91-word")
    client.force_login(admin)
    response = client.get("/admin/outbox/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "no-store" not in client.get("/en/").get("Cache-Control", "")


def test_a_gathering_registration_is_exported_then_erased_and_its_seat_freed():
    from gathering.models import GatheringPage, Registration

    upcoming = GatheringPage.objects.filter(locale__language_code="en").order_by("-start_date").first()
    confirmed = upcoming.registrations.filter(status=Registration.Status.CONFIRMED).first()
    first_waiting = upcoming.registrations.filter(status=Registration.Status.WAITING).order_by("queued_at").first()
    assert confirmed and first_waiting, "the demo's upcoming gathering is full with a waiting list"
    data = export(confirmed.email)
    assert data["gathering.registrations"][0]["name"] == confirmed.name
    email = confirmed.email
    call_command("erase_personal_data", email=email, yes=True, stdout=StringIO())
    assert export(email) == {}
    confirmed.refresh_from_db()
    first_waiting.refresh_from_db()
    assert (
        confirmed.status == Registration.Status.CANCELLED
        and confirmed.name != data["gathering.registrations"][0]["name"]
    )
    assert first_waiting.status in (Registration.Status.CONFIRMED, Registration.Status.OFFERED)
