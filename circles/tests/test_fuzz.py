"""The public signup form: whatever is posted, no server error and nothing invalid stored."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from circles.models import Signup
from home.spam import form_started_token
from home.tests.fuzzing import FUZZ, hostile_text, percent_encoded

pytestmark = pytest.mark.django_db
FIELDS = ["name", "email", "mobile", "goals", "contribution", "custom_answer", "consent", "form_started", "website"]
ANSWERED = {"200", "302", "303", "400", "429"}


def valid_form(**overrides):
    data = {"name": "Amina", "email": "amina@example.org", "consent": "on", "form_started": form_started_token()}
    return {**data, **overrides}


def assert_every_signup_valid(circle):
    for signup in Signup.objects.filter(circle=circle):
        signup.full_clean()
        assert signup.email is None or "@" in signup.email
        assert "\x00" not in signup.name


@FUZZ
@given(field=st.sampled_from(FIELDS), value=hostile_text)
def test_any_field_with_hostile_input(client, make_circle, field, value):
    cache.clear()
    circle = make_circle(signup_question="What do you hope to learn?")
    response = client.post(circle.url, valid_form(**{field: value}))
    assert str(response.status_code) in ANSWERED
    assert_every_signup_valid(circle)


@FUZZ
@given(raw=st.binary(max_size=300))
def test_invalid_utf8_in_the_body(client, make_circle, raw):
    cache.clear()
    circle = make_circle()
    encoded = percent_encoded(raw)
    body = f"name={encoded}&email={encoded}%40example.org&consent=on&form_started={form_started_token()}"
    response = client.post(circle.url, body, content_type="application/x-www-form-urlencoded")
    assert str(response.status_code) in ANSWERED
    assert_every_signup_valid(circle)


@FUZZ
@given(route=st.sampled_from(["signup", "rsvp"]), token=hostile_text, action=hostile_text)
def test_hostile_signed_links_are_refused(client, make_circle, route, token, action):
    circle = make_circle()
    response = client.post(f"{circle.url}{route}/{quote(token, safe='')}/", {"action": action})
    assert response.status_code in (301, 302, 404)
