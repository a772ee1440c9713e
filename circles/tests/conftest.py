from datetime import time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from circles.factories import build_circle
from circles.models import CircleFacilitator, CircleIndexPage, TeamPage


@pytest.fixture
def circle_index(db):
    return CircleIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def knls(db):
    return TeamPage.objects.get(slug="knls", locale=Locale.get_default())


@pytest.fixture
def make_circle(circle_index):
    """A live circle; `starts_in` days from today, weekly for `weeks` weeks."""

    def make(parent=None, starts_in=7, weeks=6, start=time(18, 0), publish=True, **fields):
        fields.setdefault("facilitators", [CircleFacilitator(name="Test Facilitator")])
        circle = build_circle(timezone.localdate() + timedelta(days=starts_in), weeks=weeks, start=start, **fields)
        (parent or circle_index).add_child(instance=circle)
        if publish:
            circle.save_revision().publish()
        circle.refresh_from_db()
        return circle

    return make


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
