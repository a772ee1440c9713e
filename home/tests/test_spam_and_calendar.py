import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django import forms
from django.test import RequestFactory

from home.calendar import Event, build_calendar
from home.spam import SpamProtectedForm, client_address, form_started_token, rate_limit_exceeded


class ContactForm(SpamProtectedForm):
    name = forms.CharField()


def started(seconds_ago):
    return form_started_token(seconds_ago)


def test_honeypot_rejects_bots():
    form = ContactForm({"name": "Bot", "website": "http://spam.example", "form_started": started(60)})
    assert not form.is_valid()
    assert "automated" in str(form.non_field_errors())


def test_time_trap_rejects_instant_and_forged_submissions(settings):
    settings.FORM_MIN_SECONDS = 3
    assert not ContactForm({"name": "Fast", "form_started": started(0)}).is_valid()
    assert not ContactForm({"name": "Forged", "form_started": "12345"}).is_valid()
    assert not ContactForm({"name": "Missing"}).is_valid()
    assert ContactForm({"name": "Human", "form_started": started(10)}).is_valid()


def test_time_trap_expires(settings):
    settings.FORM_MAX_AGE_SECONDS = 60
    form = ContactForm({"name": "Late", "form_started": started(120)})
    assert not form.is_valid()
    assert "expired" in str(form.non_field_errors())


def test_rate_limit_counts_per_address(settings):
    settings.FORM_RATE_LIMIT = 3
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="203.0.113.7")
    other = factory.post("/", REMOTE_ADDR="203.0.113.8")
    scope = f"test-{time.time()}"
    assert [rate_limit_exceeded(first, scope) for _ in range(4)] == [False, False, False, True]
    assert not rate_limit_exceeded(other, scope)


@pytest.mark.parametrize("day", [28, 29])
def test_calendar_keeps_local_time_across_daylight_saving(day):
    chicago = ZoneInfo("America/Chicago")
    # US daylight saving ended on 1 Nov 2026: a weekly 18:00 meeting stays at 18:00 local time.
    first = datetime(2026, 10, day, 18, 0, tzinfo=chicago)
    events = [
        Event(
            uid=f"m{i}@test",
            start=first + timedelta(weeks=i),
            end=first + timedelta(weeks=i, minutes=90),
            summary="Circle",
        )
        for i in range(3)
    ]
    calendar = icalendar.Calendar.from_ical(build_calendar(events, "Test"))
    starts = [component.decoded("dtstart") for component in calendar.walk("VEVENT")]
    assert [start.hour for start in starts] == [18, 18, 18]
    assert {start.utcoffset() for start in starts} == {timedelta(hours=-5), timedelta(hours=-6)}
    assert calendar.walk("VTIMEZONE"), "a VTIMEZONE must describe the TZID used"
    assert [component["uid"] for component in calendar.walk("VEVENT")] == ["m0@test", "m1@test", "m2@test"]


@pytest.mark.parametrize(
    ("meta", "trusted", "expected"),
    [
        ({"REMOTE_ADDR": "203.0.113.7"}, False, "203.0.113.7"),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}, True, "203.0.113.9"),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, False, "10.0.0.1"),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "unknown, <script>"}, True, None),
        ({}, False, None),
    ],
)
def test_client_address_is_a_valid_ip_or_none(settings, meta, trusted, expected):
    # The login lockout stores it in an IP address column, which PostgreSQL checks.
    settings.TRUST_X_FORWARDED_FOR = trusted
    request = RequestFactory().get("/")
    request.META.pop("REMOTE_ADDR", None)
    request.META.update(meta)
    assert client_address(request) == expected
