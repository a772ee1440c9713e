from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from gathering.models import GatheringIndexPage, GatheringPage


class GatheringIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"GatheringIndexPage {n}")
    intro = "An index page."

    class Meta:
        model = GatheringIndexPage


class GatheringPageFactory(wagtail_factories.PageFactory):
    """An upcoming gathering with registration open."""

    title = factory.Sequence(lambda n: f"Gathering {n}")
    intro = "Learning circle people meet."
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + timedelta(days=1))
    time_zone = "UTC"
    venue_name = "Central library"
    city = "Testville"
    country = "Kenya"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    registration_closes = factory.LazyAttribute(lambda o: timezone.now() + timedelta(days=30))
    capacity = 5
    pre_event_capacity = 2

    class Meta:
        model = GatheringPage
