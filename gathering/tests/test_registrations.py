"""The registration service: capacity, waiting list, duplicates, invitation codes, promotion and offers."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from gathering import registrations
from gathering.models import InvitationCode, Registration
from gathering.tests.conftest import details
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db
Status = Registration.Status


def register(gathering, email, **extra):
    return registrations.register(gathering, details(email, **extra)).registration


def fill(gathering, count, prefix="person"):
    return [register(gathering, f"{prefix}{i}@example.org") for i in range(count)]


def test_capacity_then_waiting_list_with_positions_and_emails(gathering, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        people = fill(gathering, 7)
    assert [p.status for p in people] == [Status.CONFIRMED] * 5 + [Status.WAITING] * 2
    assert people[5].waiting_position() == 1
    assert people[6].waiting_position() == 2
    waiting_mail = OutboundEmail.objects.filter(to="person6@example.org").get()
    assert "waiting list" in waiting_mail.subject
    assert "Your position on the waiting list: 2." in waiting_mail.body_text
    confirmed_mail = OutboundEmail.objects.get(to="person0@example.org")
    assert confirmed_mail.status == OutboundEmail.Status.SENT
    assert confirmed_mail.attachments[0]["filename"].endswith(".ics")
    assert "BEGIN:VEVENT" in confirmed_mail.attachments[0]["content"]
    assert "/manage/" in confirmed_mail.body_text
    assert len(mail.outbox) == 7


def test_same_email_is_one_registration_updated(gathering):
    first = registrations.register(gathering, details("Ada@Example.org", name="Ada"))
    again = registrations.register(gathering, details("ada@example.org", name="Ada L.", dietary_needs="Vegan"))
    assert first.created and not again.created
    assert Registration.objects.filter(gathering=gathering).count() == 1
    registration = Registration.objects.get(gathering=gathering)
    assert (registration.name, registration.dietary_needs, registration.status) == ("Ada L.", "Vegan", Status.CONFIRMED)


def test_registration_window(gathering):
    gathering.registration_opens = timezone.now() + timedelta(days=1)
    gathering.save()
    with pytest.raises(registrations.RegistrationError) as not_yet:
        register(gathering, "early@example.org")
    assert not_yet.value.code == "not_yet"
    gathering.registration_opens = timezone.now() - timedelta(days=5)
    gathering.registration_closes = timezone.now() - timedelta(days=1)
    gathering.save()
    with pytest.raises(registrations.RegistrationError) as closed:
        register(gathering, "late@example.org")
    assert closed.value.code == "closed"
    # Never after the gathering starts, whatever the closing date says.
    gathering.registration_closes = None
    gathering.start_date = timezone.localdate() - timedelta(days=1)
    gathering.end_date = timezone.localdate() + timedelta(days=1)
    gathering.save()
    with pytest.raises(registrations.RegistrationError):
        register(gathering, "during@example.org")
    assert not Registration.objects.filter(gathering=gathering).exists()


def test_invitation_codes_reserve_seats_outside_public_capacity(gathering):
    InvitationCode.objects.create(gathering=gathering, code="sponsor-1", seats=2)
    fill(gathering, 5)
    invited = [
        registrations.register(gathering, details(f"inv{i}@example.org"), invitation_code="SPONSOR-1") for i in range(2)
    ]
    assert all(r.registration.status == Status.CONFIRMED for r in invited)
    with pytest.raises(registrations.RegistrationError) as full:
        registrations.register(gathering, details("inv3@example.org"), invitation_code="sponsor-1")
    assert full.value.code == "code_full"
    with pytest.raises(registrations.RegistrationError) as bad:
        registrations.register(gathering, details("inv4@example.org"), invitation_code="nope")
    assert bad.value.code == "bad_code"
    assert registrations.public_seats_taken(gathering) == 5
    assert register(gathering, "public@example.org").status == Status.WAITING


def test_pre_event_has_its_own_capacity(gathering):
    gathering.pre_event_title = "Welcome dinner"
    gathering.pre_event_date = gathering.start_date - timedelta(days=1)
    gathering.save()
    people = [register(gathering, f"d{i}@example.org", pre_event_requested=True) for i in range(3)]
    assert [p.pre_event_confirmed for p in people] == [True, True, False]
    registrations.cancel(people[0])
    people[2].refresh_from_db()
    assert people[2].pre_event_confirmed


def test_cancel_promotes_the_first_person_waiting(gathering):
    people = fill(gathering, 7)
    registrations.cancel(people[1])
    promoted, still_waiting = Registration.objects.get(pk=people[5].pk), Registration.objects.get(pk=people[6].pk)
    assert promoted.status == Status.CONFIRMED
    assert still_waiting.waiting_position() == 1
    assert OutboundEmail.objects.filter(to=promoted.email, subject__startswith="A place is yours").exists()
    # Cancelling again changes nothing.
    registrations.cancel(people[1])
    assert Registration.objects.filter(gathering=gathering, status=Status.CONFIRMED).count() == 5


def test_close_to_the_date_a_freed_place_is_offered_and_passes_on(gathering):
    gathering.start_date = timezone.localdate() + timedelta(days=7)
    gathering.end_date = gathering.start_date
    gathering.registration_closes = None
    gathering.save()
    people = fill(gathering, 8)
    registrations.cancel(people[0])
    offered = Registration.objects.get(pk=people[5].pk)
    assert offered.status == Status.OFFERED
    assert OutboundEmail.objects.filter(to=offered.email, subject__startswith="A place is free").exists()
    # Nobody new takes the offered seat.
    assert register(gathering, "new@example.org").status == Status.WAITING

    later = timezone.now() + timedelta(hours=gathering.offer_hours + 1)
    expired = registrations.expire_offers(now=later)
    assert [r.pk for r in expired] == [offered.pk]
    assert Registration.objects.get(pk=offered.pk).status == Status.EXPIRED
    assert Registration.objects.get(pk=people[6].pk).status == Status.OFFERED
    assert registrations.expire_offers(now=later) == []  # idempotent

    with pytest.raises(registrations.RegistrationError):
        registrations.confirm_offer(Registration.objects.get(pk=offered.pk), now=later)
    confirmed = registrations.confirm_offer(Registration.objects.get(pk=people[6].pk), now=later)
    assert confirmed.status == Status.CONFIRMED


def test_expire_command_runs_twice_safely(gathering):
    call_command("expire_gathering_offers", verbosity=0)
    call_command("expire_gathering_offers", verbosity=0)


def test_no_promotion_after_the_cutoff(gathering):
    gathering.start_date = timezone.localdate() + timedelta(days=1)
    gathering.end_date = gathering.start_date
    gathering.registration_closes = None
    gathering.promotion_cutoff_days = 2
    gathering.save()
    people = fill(gathering, 6)
    registrations.cancel(people[0])
    assert Registration.objects.get(pk=people[5].pk).status == Status.WAITING


def test_staff_moves_between_confirmed_and_waiting(gathering):
    people = fill(gathering, 6)
    with pytest.raises(registrations.RegistrationError):
        registrations.move_to_confirmed(people[5])
    registrations.move_to_waiting(people[0])
    assert Registration.objects.get(pk=people[5].pk).status == Status.WAITING  # no automatic fill
    registrations.move_to_confirmed(people[5])
    assert Registration.objects.get(pk=people[5].pk).status == Status.CONFIRMED
    assert Registration.objects.get(pk=people[0].pk).waiting_position() == 1


def test_manage_tokens_are_signed_and_withdrawn_with_anonymisation(gathering):
    registration = register(gathering, "token@example.org")
    token = registrations.manage_token(registration)
    assert registrations.registration_from_token(token) == registration
    assert registrations.registration_from_token(token[:-2] + "xx") is None
    assert registrations.registration_from_token("garbage") is None
    other = register(gathering, "other@example.org")
    forged = str(other.pk) + token[token.index("-") :]
    assert registrations.registration_from_token(forged) is None
    registration.manage_token = uuid.uuid4()  # withdrawn, e.g. after anonymising
    registration.save()
    assert registrations.registration_from_token(token) is None


def test_expired_manage_link_is_refused(gathering, monkeypatch):
    registration = register(gathering, "old@example.org")
    token = registrations.manage_token(registration)
    monkeypatch.setattr(registrations, "MANAGE_LINK_MAX_AGE", timedelta(seconds=-1))
    assert registrations.registration_from_token(token) is None


def test_a_failed_send_keeps_the_registration_and_shows_as_retrying(
    gathering, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "home.tests.failing_email_backend.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(gathering, "unlucky@example.org")
    assert Registration.objects.filter(pk=registration.pk).exists()
    assert OutboundEmail.objects.get(to="unlucky@example.org").status == OutboundEmail.Status.RETRYING


def test_purge_and_anonymise_are_idempotent(gathering):
    registration = register(gathering, "private@example.org", dietary_needs="Halal", accessibility_needs="Ramp")
    gathering.start_date = timezone.localdate() - timedelta(days=400)
    gathering.end_date = gathering.start_date
    gathering.save()
    call_command("purge_gathering_needs", verbosity=0)
    registration.refresh_from_db()
    assert (registration.dietary_needs, registration.accessibility_needs) == ("", "")
    assert registration.name == "Ada Lovelace"
    assert registrations.purge_sensitive() == 0
    call_command("anonymise_gathering_registrations", verbosity=0)
    registration.refresh_from_db()
    assert registration.email.endswith("@invalid") and registration.name == "Anonymised"
    assert registrations.anonymise() == 0
    assert registration.status == Status.CONFIRMED  # counts survive


def test_recent_gatherings_keep_their_needs(gathering):
    register(gathering, "keep@example.org", dietary_needs="Vegan")
    assert registrations.purge_sensitive() == 0
    assert registrations.anonymise() == 0
