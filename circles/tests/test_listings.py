from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from circles import signups
from circles.factories import CourseFactory, build_circle
from circles.models import CircleFacilitator, CourseIndexPage, LearningCirclePage

pytestmark = pytest.mark.django_db


def titles(response):
    return [circle.title for circle in response.context["circles"]]


def test_index_lists_circles_of_teams_and_independent_ones_soonest_first(client):
    response = client.get("/en/circles/")
    assert response.status_code == 200
    html = response.content.decode()
    for status in ("Upcoming", "In progress", "Completed"):
        assert status in html
    circles = list(response.context["circles"])
    assert (
        response.context["circles"].paginator.count
        == LearningCirclePage.objects.live().filter(locale=Locale.get_default()).count()
    )
    running = [c.next_date for c in circles if c.next_date]
    assert running == sorted(running)
    # Completed circles (no next meeting) come after all running and upcoming ones.
    assert all(c.next_date for c in circles[: len(running)])


def test_filters_combine(client):
    nairobi = titles(client.get("/en/circles/?city=Nairobi"))
    assert nairobi and "Public speaking at Buruburu" in nairobi
    assert "Learn Python together" not in nairobi
    upcoming_nairobi = titles(client.get("/en/circles/?city=Nairobi&status=upcoming"))
    assert "Write a short story" in upcoming_nairobi
    assert "Public speaking at Buruburu" not in upcoming_nairobi
    assert titles(client.get("/en/circles/?language=sw")) == ["Klabu ya kusoma Buruburu"]
    assert "Empieza tu negocio" in titles(client.get("/en/circles/?language=es&topic=entrepreneurship"))
    business = titles(client.get("/en/circles/?topic=business&status=completed"))
    assert business == ["Marketing for market traders"] or "Marketing for market traders" in business
    assert "Photo walks and composition" in titles(client.get("/en/circles/?q=photographer"))
    completed = titles(client.get("/en/circles/?status=completed"))
    assert "Python at the library" in completed
    assert "Python at the library" not in titles(client.get("/en/circles/?open=1"))


def test_weekday_filter(client, make_circle):
    circle = make_circle(title="Saturday circle", starts_in=(5 - timezone.localdate().weekday()) % 7 + 7)
    assert circle.meeting_list[0].date.weekday() == 5
    assert "Saturday circle" in titles(client.get("/en/circles/?weekday=7"))
    assert "Saturday circle" not in titles(client.get("/en/circles/?weekday=2"))


def test_full_circle_is_marked(client):
    html = client.get("/en/circles/?q=short+story").content.decode()
    assert "Full: waiting list" in html


def test_a_card_shows_its_team_and_next_meeting_and_fills_with_the_last_place_at_once(client, knls, make_circle):
    circle = make_circle(parent=knls, title="Two-seat circle", starts_in=3, start=time(17, 30), signup_limit=2)
    url = "/en/circles/?q=Two-seat"

    def card():
        html = client.get(url).content.decode()
        return html[html.index("Two-seat circle") : html.index("</li>", html.index("Two-seat circle"))]

    first = card()
    assert f"<dd>{knls.title}</dd>" in first
    assert f'datetime="{circle.meeting_list[0].start_iso}"' in first and "17:30" in first
    assert "Full: waiting list" not in first
    signups.sign_up(circle, email="one@example.org", name="One")
    last = signups.sign_up(circle, email="two@example.org", name="Two").signup
    assert "Full: waiting list" in card()
    signups.leave(last)
    assert "Full: waiting list" not in card()


@pytest.mark.parametrize(
    "query",
    [
        "?status=%00",
        "?weekday=99",
        "?weekday=x",
        "?page=-1",
        "?page=abc",
        "?page=9999",
        "?q=" + "x" * 5000,
        "?city=<script>",
        "?topic=%ff",
    ],
)
def test_hostile_parameters_answer_calmly(client, query):
    assert client.get("/en/circles/" + query).status_code == 200
    assert client.get("/en/courses/" + query).status_code == 200


def test_translated_index_lists_every_circle(client):
    response = client.get("/sw/circles/")
    assert response.status_code == 200
    assert "Duara za kujifunza" in response.content.decode()
    assert response.context["circles"].paginator.count == client.get("/en/circles/").context["circles"].paginator.count


def _add_circles(parent, count, start=0):
    course = CourseFactory()
    for i in range(start, start + count):
        circle = build_circle(
            timezone.localdate() + timedelta(days=i % 40 - 20),
            title=f"Bulk circle {i}",
            course=course,
            signup_limit=3,
            facilitators=[CircleFacilitator(name="Bulk")],
        )
        parent.add_child(instance=circle)  # live without a revision: quicker, the same for the listing


def test_listing_query_count_is_the_same_for_10_and_200_circles(client, circle_index, django_assert_max_num_queries):
    client.get("/en/circles/?q=Bulk")
    _add_circles(circle_index, 10)
    client.get("/en/circles/?q=Bulk")
    with django_assert_max_num_queries(40) as few:
        response = client.get("/en/circles/?q=Bulk")
    assert response.context["circles"].paginator.count == 10
    _add_circles(circle_index, 190, start=10)
    signups.sign_up(
        LearningCirclePage.objects.get(title="Bulk circle 3"), email="a@example.org", name="A", consent=True
    )
    client.get("/en/circles/?q=Bulk")
    with django_assert_max_num_queries(40) as many:
        response = client.get("/en/circles/?q=Bulk")
    assert response.context["circles"].paginator.count == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_course_index_filters_and_counts_circles(client):
    response = client.get("/en/courses/")
    html = response.content.decode()
    assert response.context["courses"].paginator.count >= 12
    assert "Used by 3 circles" in html  # Writing Short Fiction: Buruburu, Plaza and Montréal
    music = client.get("/en/courses/?topic=music")
    assert [c.title for c in music.context["courses"]] == ["Music Theory for Beginners"]
    books = client.get("/en/courses/?format=book")
    assert [c.title for c in books.context["courses"]] == ["The Photographer's Eye"]
    swahili = client.get("/en/courses/?language=sw")
    assert [c.title for c in swahili.context["courses"]] == ["Klabu ya Kusoma"]


def test_course_index_hides_drafts(client):
    CourseFactory(title="Unpublished draft course", live=False)
    assert "Unpublished draft course" not in client.get("/en/courses/").content.decode()


def test_the_course_index_sorts_its_courses_once_until_a_course_is_published_or_withdrawn(client):
    with CaptureQueriesContext(connection) as first:
        listed = [course.title for course in client.get("/en/courses/").context["courses"]]
    assert [q for q in first.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]
    with CaptureQueriesContext(connection) as again:
        assert [course.title for course in client.get("/en/courses/").context["courses"]] == listed
    assert not [q for q in again.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]

    course = CourseFactory(title="Aaa first of all")
    assert client.get("/en/courses/").context["courses"][0].title == "Aaa first of all"
    course.live = False
    course.save()
    assert [course.title for course in client.get("/en/courses/").context["courses"]] == listed


def test_course_index_query_count_is_constant(client, django_assert_max_num_queries):
    client.get("/en/courses/")
    with django_assert_max_num_queries(30) as few:
        client.get("/en/courses/")
    for i in range(30):
        CourseFactory(title=f"Extra {i}").topics.add("extra")
    client.get("/en/courses/")  # the filter choices are cached again after the change
    with django_assert_max_num_queries(30) as many:
        client.get("/en/courses/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_course_index_is_translated(client):
    index = CourseIndexPage.objects.get(locale__language_code="fr")
    assert index.title == "Cours"
    assert client.get("/fr/courses/").status_code == 200


def test_team_page_shows_its_circles_and_live_figures(client, knls, make_circle):
    response = client.get("/en/knls/")
    html = response.content.decode()
    assert "Kenya National Library Service" in html
    assert "Public speaking at Buruburu" in html  # running
    assert "Write a short story" in html  # upcoming
    assert "Marketing for market traders" not in html  # completed circles are not listed
    before = response.context["figures"]
    circle = make_circle(parent=knls, starts_in=-20)
    signups.sign_up(circle, email="new@example.org", name="New", consent=True)
    after = client.get("/en/knls/").context["figures"]
    assert after["circles_run"] == before["circles_run"] + 1
    assert after["meetings_held"] == before["meetings_held"] + 3
    assert after["learners"] == before["learners"] + 1


def test_team_page_is_translated(client):
    html = client.get("/sw/knls/").content.decode()
    assert "Huduma ya Maktaba ya Taifa ya Kenya" in html


def test_team_page_query_count_is_constant(client, knls, make_circle, django_assert_max_num_queries):
    client.get("/en/knls/")
    with django_assert_max_num_queries(40) as few:
        client.get("/en/knls/")
    for _ in range(8):
        make_circle(parent=knls, starts_in=3)
    client.get("/en/knls/")  # the page's frame is cached again after the change
    with django_assert_max_num_queries(40) as many:
        client.get("/en/knls/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_listing_follows_meetings_moved_in_a_published_revision(client, make_circle):
    circle = make_circle(title="Moving circle", starts_in=3, weeks=2)
    assert "Moving circle" in titles(client.get("/en/circles/?status=upcoming"))
    # Staff move the circle into the past: the listing's dates follow at publish, not before.
    draft = LearningCirclePage.objects.get(pk=circle.pk)
    draft.meetings = []
    draft.fill_weekly_meetings(timezone.localdate() - timedelta(days=30), weeks=2)
    revision = draft.save_revision()
    assert "Moving circle" in titles(client.get("/en/circles/?status=upcoming"))
    revision.publish()
    assert "Moving circle" not in titles(client.get("/en/circles/?status=upcoming"))
    assert "Moving circle" in titles(client.get("/en/circles/?status=completed"))
    stored = LearningCirclePage.objects.get(pk=circle.pk)
    assert stored.last_meeting_date == timezone.localdate() - timedelta(days=23)


def test_meeting_dates_written_in_bulk_are_refreshed_on_request(make_circle):
    circle = make_circle(title="Bulk circle", starts_in=10, weeks=3)
    LearningCirclePage.objects.filter(pk=circle.pk).update(first_meeting_date=None, last_meeting_date=None)
    LearningCirclePage.objects.filter(pk=circle.pk).refresh_meeting_dates()
    stored = LearningCirclePage.objects.get(pk=circle.pk)
    assert (stored.first_meeting_date, stored.last_meeting_date) == (
        timezone.localdate() + timedelta(days=10),
        timezone.localdate() + timedelta(days=24),
    )


def test_the_unfiltered_listing_counts_its_circles_once_until_a_circle_is_published(client, make_circle):
    client.get("/en/circles/")
    before = client.get("/en/circles/?page=2").context["circles"].paginator.count
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/circles/?page=2")
    assert not [q for q in queries.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]
    make_circle(title="Counted circle")
    response = client.get("/en/circles/")
    assert response.context["circles"].paginator.count == before + 1
    assert f"{before + 1} circles" in response.content.decode()


def sorted_circles(queries):
    return [q["sql"] for q in queries if 'AS "pk" FROM "circles_learningcirclepage"' in q["sql"]]


def test_a_filtered_listing_sorts_its_circles_once_until_a_circle_is_published(client, make_circle):
    url = "/en/circles/?city=Nairobi&status=upcoming"
    with CaptureQueriesContext(connection) as first:
        listed = titles(client.get(url))
    assert listed and len(sorted_circles(first.captured_queries)) == 1
    with CaptureQueriesContext(connection) as again:
        assert titles(client.get(url)) == listed
    assert sorted_circles(again.captured_queries) == []
    assert not [q for q in again.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]
    make_circle(title="Nairobi newcomers", city="Nairobi", starts_in=1)
    assert titles(client.get(url))[0] == "Nairobi newcomers"
    assert "Nairobi newcomers" not in titles(client.get("/en/circles/?city=Nairobi&status=completed"))
