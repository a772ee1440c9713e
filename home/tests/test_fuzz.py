"""Hostile, huge, malformed and non-UTF-8 input to public URLs never gives a server error.

Each app's public forms add their own fuzz tests next to their other tests; these cover
the query parameters every listing reads, and raw bytes in paths and query strings.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LISTINGS = ["/en/search/", "/sw/search/", "/en/blog/"]
PARAMETERS = ["q", "page", "section", "tag", "topic", "kind", "city", "language", "weekday", "status", "format"]
hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["'; drop table x; --", '" OR 1=1', "<script>alert(1)</script>", "../../etc/passwd", "\x00"]),
    st.text(min_size=5000, max_size=6000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@FUZZ
@given(path=st.sampled_from(LISTINGS), name=st.sampled_from(PARAMETERS), value=hostile_text)
def test_listing_parameters(path, name, value):
    response = Client().get(path, {name: value})
    assert response.status_code in (200, 301, 302, 404)


@FUZZ
@given(path=st.sampled_from(LISTINGS), raw=st.binary(max_size=200))
def test_raw_bytes_in_the_query_string(path, raw):
    query = "".join(f"%{byte:02X}" for byte in raw)
    response = Client().get(f"{path}?q={query}&page={query}")
    assert response.status_code in (200, 301, 302, 404)


@FUZZ
@given(segment=st.text(min_size=1, max_size=200).filter(lambda s: "\x00" not in s))
def test_unknown_paths_answer_not_found(segment):
    response = Client().get("/en/" + segment.replace("?", "").replace("#", ""))
    assert response.status_code in (200, 301, 302, 404)
