"""The public registration form: whatever is posted, no server error and nothing invalid stored."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from gathering import registrations
from gathering.models import Registration
from gathering.tests.conftest import details, form_data
from home.spam import form_started_token
from home.tests.fuzzing import FUZZ, hostile_text, percent_encoded

pytestmark = pytest.mark.django_db
FIELDS = [
    "name",
    "email",
    "organisation",
    "role",
    "city",
    "country",
    "circles_facilitated",
    "pre_event_requested",
    "dietary_needs",
    "accessibility_needs",
    "travel_support_requested",
    "travel_support_reason",
    "open_space_session",
    "photo_consent",
    "privacy_consent",
    "invitation_code",
    "form_started",
]
ANSWERED = {"200", "302", "303", "400", "429"}


def assert_every_registration_valid(gathering):
    for registration in Registration.objects.filter(gathering=gathering):
        registration.full_clean()
        assert "@" in registration.email
        assert registration.circles_facilitated is None or registration.circles_facilitated >= 0


@FUZZ
@given(field=st.sampled_from(FIELDS), value=hostile_text)
def test_any_field_with_hostile_input(client, gathering, field, value):
    cache.clear()
    response = client.post(f"{gathering.url}register/", form_data(**{field: value}))
    assert str(response.status_code) in ANSWERED
    assert_every_registration_valid(gathering)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_invalid_utf8_in_the_body(client, gathering, raw):
    cache.clear()
    encoded = percent_encoded(raw)
    body = (
        f"name={encoded}&email={encoded}%40example.org&organisation={encoded}&circles_facilitated={encoded}"
        f"&privacy_consent=on&form_started={form_started_token()}"
    )
    response = client.post(f"{gathering.url}register/", body, content_type="application/x-www-form-urlencoded")
    assert str(response.status_code) in ANSWERED
    assert_every_registration_valid(gathering)


@FUZZ
@given(field=st.sampled_from(FIELDS[:14]), value=hostile_text)
def test_manage_page_with_hostile_changes(client, gathering, field, value):
    registration = registrations.register(gathering, details()).registration
    url = f"{gathering.url}manage/{registrations.manage_token(registration)}/"
    response = client.post(url, {"name": "Ada", "circles_facilitated": "1", field: value})
    assert str(response.status_code) in ANSWERED
    assert_every_registration_valid(gathering)


@FUZZ
@given(token=hostile_text)
def test_hostile_manage_tokens_are_refused(client, gathering, token):
    for suffix in ("", "cancel/"):
        response = client.post(f"{gathering.url}manage/{quote(token, safe='')}/{suffix}")
        assert response.status_code in (301, 302, 404)
