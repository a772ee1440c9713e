"""Hostile, huge, malformed and non-UTF-8 input to public URLs never gives a server error.

Each app's public forms add their own fuzz tests next to their other tests; these cover
the query parameters every listing reads, and raw bytes in paths and query strings.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from home.tests.fuzzing import FUZZ, hostile_text, percent_encoded

pytestmark = pytest.mark.django_db
LISTINGS = [
    "/en/search/",
    "/sw/search/",
    "/en/blog/",
    "/en/circles/",
    "/fr/circles/",
    "/en/courses/",
    "/en/facilitate/",
    "/en/gatherings/",
]
PARAMETERS = [
    "q",
    "page",
    "section",
    "tag",
    "topic",
    "kind",
    "city",
    "language",
    "weekday",
    "status",
    "open",
    "format",
]


@FUZZ
@given(path=st.sampled_from(LISTINGS), name=st.sampled_from(PARAMETERS), value=hostile_text)
def test_listing_parameters(path, name, value):
    response = Client().get(path, {name: value})
    assert response.status_code in (200, 301, 302, 404)


@FUZZ
@given(path=st.sampled_from(LISTINGS), raw=st.binary(max_size=200))
def test_raw_bytes_in_the_query_string(path, raw):
    query = percent_encoded(raw)
    response = Client().get(f"{path}?q={query}&page={query}")
    assert response.status_code in (200, 301, 302, 404)


@FUZZ
@given(segment=st.text(min_size=1, max_size=200).filter(lambda s: "\x00" not in s))
def test_unknown_paths_answer_not_found(segment):
    response = Client().get("/en/" + segment.replace("?", "").replace("#", ""))
    assert response.status_code in (200, 301, 302, 404)


@FUZZ
@given(token=hostile_text, action=hostile_text)
def test_hostile_team_invitation_tokens_are_refused(token, action):
    client = Client()
    url = "/en/team-invitation/" + quote(token, safe="") + "/"
    assert client.get(url).status_code in (200, 301, 302, 400, 404, 410)
    assert client.post(url, {"action": action, "password1": action, "password2": action}).status_code in (
        200,
        301,
        302,
        400,
        404,
        410,
    )
