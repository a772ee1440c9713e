from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from circles import factories
from circles.factories import circle_form_data
from circles.models import (
    CircleIndexPage,
    CourseIndexPage,
    LearningCirclePage,
    Meeting,
    Status,
    TeamPage,
)
from home.models import HomePage

pytestmark = pytest.mark.django_db


class TestTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(TeamPage, {HomePage})
        self.assertAllowedParentPageTypes(CircleIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(LearningCirclePage, {TeamPage, CircleIndexPage})
        self.assertAllowedSubpageTypes(TeamPage, {LearningCirclePage})
        self.assertAllowedSubpageTypes(CircleIndexPage, {LearningCirclePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, set())
        self.assertAllowedSubpageTypes(LearningCirclePage, set())

    def test_editor_creates_a_circle_with_weekly_meetings_filled_in(self):
        self.login()
        team = TeamPage.objects.get(slug="knls", locale__language_code="en")
        first = timezone.localdate() + timedelta(days=10)
        data = circle_form_data(first, name="Anne Katei")
        self.assertCanCreate(team, LearningCirclePage, data)
        circle = LearningCirclePage.objects.get(slug="poetry-nakuru", locale__language_code="en")
        meetings = list(circle.meetings.order_by("date"))
        assert [m.date for m in meetings] == [first + timedelta(weeks=w) for w in range(6)]
        assert {m.start_time for m in meetings} == {time(17, 0)}
        assert {m.duration_minutes for m in meetings} == {90}

    def test_editor_creates_a_team_page_at_its_own_url(self):
        self.login()
        home = HomePage.objects.get(locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Nairobi Community Libraries",
                "slug": "ncl",
                "subtitle": "",
                "intro": "",
                "location": "Nairobi",
                "website": "",
                "contact_email": "",
                "members": inline_formset([]),
            }
        )
        self.assertCanCreate(home, TeamPage, data)
        assert self.client.get("/en/ncl/").status_code == 200

    def test_bad_time_zone_is_refused_with_a_message(self):
        self.login()
        team = TeamPage.objects.get(slug="knls", locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Somewhere",
                "slug": "somewhere",
                "venue_name": "Library",
                "city": "Nakuru",
                "language": "en",
                "time_zone": "Mars/Olympus",
                "signup_open": "on",
                "description": rich_text(""),
                "what_to_expect": rich_text(""),
                "facilitators": inline_formset([{"user": "", "name": "Anne Katei"}]),
                "meetings": inline_formset([]),
            }
        )
        response = self.client.post(f"/admin/pages/add/circles/learningcirclepage/{team.pk}/", data)
        assert response.status_code == 200
        assert "is not a time zone name" in response.content.decode()
        assert not LearningCirclePage.objects.filter(slug="somewhere").exists()


def test_every_page_type_has_a_factory():
    page_models = {m for m in Page.__subclasses__() if m._meta.app_label == "circles"}
    page_models |= {TeamPage, CircleIndexPage, CourseIndexPage, LearningCirclePage}
    with_factory = {getattr(factories, name)._meta.model for name in dir(factories) if name.endswith("PageFactory")}
    assert page_models <= with_factory


def test_fill_weekly_meetings_defaults_to_six_meetings_of_ninety_minutes():
    circle = factories.LearningCirclePageFactory.build()
    circle.fill_weekly_meetings(date(2030, 3, 4))
    assert [m.date for m in circle.meetings.all()] == [date(2030, 3, 4) + timedelta(weeks=w) for w in range(6)]
    assert {m.duration_minutes for m in circle.meetings.all()} == {90}
    # Filling again from the same date adds nothing twice.
    circle.fill_weekly_meetings(date(2030, 3, 4), weeks=8)
    assert len(circle.meetings.all()) == 8


@pytest.mark.parametrize(
    ("starts_in", "expected"),
    [(5, Status.UPCOMING), (-14, Status.IN_PROGRESS), (-100, Status.COMPLETED)],
)
def test_status_follows_the_meetings(make_circle, starts_in, expected):
    circle = make_circle(starts_in=starts_in)
    assert circle.status == expected
    html_status = {Status.UPCOMING: "Upcoming", Status.IN_PROGRESS: "In progress", Status.COMPLETED: "Completed"}
    assert html_status[expected] in str(circle.get_status_display())


def test_late_joiner_is_shown_the_next_meeting_not_the_first(make_circle, client):
    circle = make_circle(starts_in=-15)
    # Meetings were 15, 8 and 1 days ago; the next is in 6 days.
    expected = circle.meeting_list[3]
    assert expected.date == timezone.localdate() + timedelta(days=6)
    assert circle.next_meeting.pk == expected.pk
    assert circle.next_meeting.date > circle.meeting_list[0].date
    html = client.get(circle.url).content.decode()
    assert "This circle has already started" in html
    assert f'datetime="{expected.start.isoformat()}"' in html


def test_circle_without_meetings_is_upcoming_and_has_no_next_meeting(make_circle):
    circle = make_circle(weeks=0)
    assert circle.status == Status.UPCOMING
    assert circle.next_meeting is None


def test_meeting_times_are_wall_clock_in_the_circle_zone(make_circle):
    circle = make_circle(time_zone="America/Chicago", start=time(18, 0))
    meeting = circle.meeting_list[0]
    assert meeting.start.hour == 18
    assert str(meeting.start.tzinfo) == "America/Chicago"
    assert (meeting.end - meeting.start) == timedelta(minutes=90)


def test_meeting_order_in_admin_matches_dates(make_circle):
    circle = make_circle()
    assert [m.sort_order for m in Meeting.objects.filter(circle=circle).order_by("date")] == list(range(6))


def test_circle_page_query_count_does_not_grow_with_meetings_or_signups(
    client, make_circle, django_assert_max_num_queries
):
    from circles import signups

    small = make_circle(weeks=2, signup_limit=30)
    big = make_circle(weeks=12, signup_limit=30)
    for i in range(20):
        signups.sign_up(big, email=f"l{i}@example.org", name="L", consent=True)
    client.get(small.url)
    with django_assert_max_num_queries(40) as few:
        client.get(small.url)
    client.get(big.url)
    with django_assert_max_num_queries(40) as many:
        client.get(big.url)
    assert len(many.captured_queries) == len(few.captured_queries)
