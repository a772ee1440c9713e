from datetime import time, timedelta

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from circles.models import CircleIndexPage, Course, CourseIndexPage, LearningCirclePage, TeamPage


class CourseFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    provider = "P2PU"
    link = factory.Sequence(lambda n: f"https://courses.example.org/{n}/")
    caption = "A free course to take together."
    live = True

    class Meta:
        model = Course


class CircleIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"CircleIndexPage {n}")
    intro = "An index page."

    class Meta:
        model = CircleIndexPage


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"CourseIndexPage {n}")
    intro = "The course database."

    class Meta:
        model = CourseIndexPage


class TeamPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Team {n}")
    location = "Nairobi, Kenya"

    class Meta:
        model = TeamPage


class LearningCirclePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Circle {n}")
    venue_name = "Buruburu Library"
    city = "Nairobi"
    country = "Kenya"
    time_zone = "Africa/Nairobi"

    class Meta:
        model = LearningCirclePage


def build_circle(first_date=None, weeks=6, start=time(18, 0), **fields):
    """An unsaved circle with weekly meetings; add it with parent.add_child(instance=...)."""
    circle = LearningCirclePageFactory.build(**fields)
    circle.fill_weekly_meetings(first_date or timezone.localdate() + timedelta(days=7), weeks=weeks, start_time=start)
    return circle


def circle_form_data(first_date, title="Poetry at Nakuru", slug="poetry-nakuru", facilitator=None, name="Anne"):
    """What the admin's page form posts for a circle: six weekly 90-minute meetings filled in from `first_date`."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "course": "",
            "venue_name": "Nakuru Library",
            "address": "",
            "city": "Nakuru",
            "country": "Kenya",
            "venue_details": "",
            "language": "en",
            "time_zone": "Africa/Nairobi",
            "fill_first_date": first_date.isoformat(),
            "fill_start_time": "17:00",
            "fill_weeks": "6",
            "fill_duration": "90",
            "description": rich_text("<p>Poems, read aloud.</p>"),
            "what_to_expect": rich_text(""),
            "signup_limit": "10",
            "signup_open": "on",
            "signup_question": "",
            "facilitators": inline_formset([{"user": str(facilitator.pk) if facilitator else "", "name": name}]),
            "meetings": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
