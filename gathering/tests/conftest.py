import pytest
from django.core.cache import cache
from wagtail.models import Locale

from gathering.factories import GatheringPageFactory
from gathering.models import GatheringIndexPage
from home.spam import form_started_token


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limit counts per address in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def english_index(db):
    return GatheringIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def gathering(english_index):
    page = GatheringPageFactory.build()
    english_index.add_child(instance=page)
    page.save_revision().publish()
    return page


def details(email="ada@example.org", **extra):
    data = {
        "email": email,
        "name": "Ada Lovelace",
        "organisation": "Library",
        "role": "Librarian",
        "city": "Nairobi",
        "country": "Kenya",
        "circles_facilitated": 2,
        "pre_event_requested": False,
        "dietary_needs": "",
        "accessibility_needs": "",
        "travel_support_requested": False,
        "travel_support_reason": "",
        "open_space_session": "",
        "photo_consent": True,
        "answers": {},
    }
    data.update(extra)
    return data


def form_data(email="ada@example.org", **extra):
    data = {
        "name": "Ada Lovelace",
        "email": email,
        "organisation": "Library",
        "circles_facilitated": "2",
        "privacy_consent": "on",
        "form_started": form_started_token(),
    }
    data.update(extra)
    return data
