from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogPostPage
from gathering import factories
from gathering.factories import GatheringPageFactory
from gathering.models import GatheringIndexPage, GatheringPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


class TestTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(GatheringIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GatheringIndexPage, {GatheringPage})
        self.assertAllowedParentPageTypes(GatheringPage, {GatheringIndexPage})
        self.assertAllowedSubpageTypes(GatheringPage, set())


def test_every_page_type_has_a_factory():
    for model in (GatheringIndexPage, GatheringPage):
        assert hasattr(factories, f"{model.__name__}Factory")


def test_index_shows_the_next_gathering_first_then_past_ones_with_recaps(client):
    html = client.get("/en/gatherings/").content.decode()
    next_at = html.index("Next gathering")
    assert html.index("Nairobi") > next_at
    past_at = html.index("Past gatherings")
    assert html.index("Nairobi") < past_at < html.index("Boston 2019") < html.index("Kansas City 2018")
    recap = BlogPostPage.objects.get(slug="kansas-city-gathering-recap", locale=Locale.get_default())
    assert f'<a href="{recap.url}">Read the recap of Kansas City 2018</a>' in html


def test_gathering_page_shows_programme_faq_details_and_recap(client):
    html = client.get("/en/gatherings/kansas-city-2018/").content.decode()
    assert '<table class="timetable">' in html
    assert "What is a learning circle, exactly?" in html
    assert "Open space" in html
    assert "Welcome barbecue dinner" in html
    assert "<summary>Can P2PU pay for my travel?</summary>" in html
    assert "Institute of Museum and Library Services" in html
    assert "Read the recap story" in html
    assert "Registration for this gathering is closed." in html
    assert '"@type": "FAQPage"' in html and '"@type": "Event"' in html


def test_translated_gathering_renders_in_its_language(client):
    page = GatheringPage.objects.get(slug__startswith="nairobi-", locale__language_code="sw")
    html = client.get(page.url).content.decode()
    assert '<html lang="sw"' in html
    assert "Duara la ufunguzi" in html
    assert "Ni warsha gani inayokuvutia zaidi?" in html
    for code in ("es", "fr"):
        assert client.get(f"/{code}/gatherings/").status_code == 200


def test_calendar_has_the_gathering_pre_event_and_sessions(client):
    response = client.get("/en/gatherings/kansas-city-2018/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1 + 1 + 12
    assert "DTSTART;TZID=America/Chicago:20180517T083000" in body
    assert "SUMMARY:Kansas City 2018: Welcome barbecue dinner" in body
    assert "BEGIN:VTIMEZONE" in body
    assert client.get("/en/about/calendar.ics").status_code == 404


def test_editor_validation():
    page = GatheringPageFactory.build(start_date=date(2030, 1, 2), end_date=date(2030, 1, 1))
    with pytest.raises(Exception, match="last day"):
        page.full_clean()
    page = GatheringPageFactory.build(time_zone="Mars/Olympus")
    with pytest.raises(Exception, match="time zone"):
        page.full_clean()


def _add_gathering(index, number, sessions):
    start = timezone.localdate() - timedelta(days=400 + number)
    page = GatheringPageFactory.build(
        title=f"Old gathering {number}",
        start_date=start,
        end_date=start,
        agenda=[
            (
                "day",
                {
                    "date": start,
                    "title": "",
                    "sessions": [
                        {
                            "start": time(9 + i % 8),
                            "end": time(10 + i % 8),
                            "title": f"S{i}",
                            "format": "breakout",
                            "room": "",
                            "description": "",
                        }
                        for i in range(sessions)
                    ],
                },
            )
        ],
        faq=[("item", {"question": f"Q{i}", "answer": "<p>A</p>"}) for i in range(sessions)],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_query_counts_do_not_grow_with_content(client, django_assert_max_num_queries, english_index):
    client.get("/en/gatherings/")
    with django_assert_max_num_queries(30) as few:
        client.get("/en/gatherings/")
    for number in range(8):
        _add_gathering(english_index, number, 2)
    client.get("/en/gatherings/")
    with django_assert_max_num_queries(30) as many:
        client.get("/en/gatherings/")
    assert len(many.captured_queries) == len(few.captured_queries)

    small = _add_gathering(english_index, 20, 1)
    large = _add_gathering(english_index, 21, 30)
    client.get(small.url)
    with django_assert_max_num_queries(30) as one:
        client.get(small.url)
    client.get(large.url)
    with django_assert_max_num_queries(30) as thirty:
        client.get(large.url)
    assert len(one.captured_queries) == len(thirty.captured_queries)
    upcoming = GatheringPage.objects.get(slug__startswith="nairobi-", locale=Locale.get_default())
    client.get(upcoming.url)
    with django_assert_max_num_queries(35):
        client.get(upcoming.url)


def test_editors_can_create_a_gathering_through_the_admin(admin_client, english_index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": "Test gathering",
            "slug": "test-gathering",
            "intro": "",
            "start_date": "2031-05-01",
            "end_date": "2031-05-02",
            "time_zone": "Africa/Nairobi",
            "venue_name": "Library",
            "city": "Nairobi",
            "summary": rich_text("<p>Hello</p>"),
            "goals": streamfield([("goal", "Meet")]),
            "agenda": streamfield([]),
            "faq": streamfield([]),
            "photos": streamfield([]),
            "lodging_notes": rich_text(""),
            "cost_note": rich_text(""),
            "capacity": "10",
            "pre_event_capacity": "0",
            "promotion_cutoff_days": "2",
            "offer_window_days": "14",
            "offer_hours": "48",
            "extra_questions": inline_formset(
                [{"label": "Shirt size", "kind": "short_text", "choices": "", "help_text": ""}]
            ),
        }
    )
    response = admin_client.post(f"/admin/pages/add/gathering/gatheringpage/{english_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = GatheringPage.objects.get(slug="test-gathering", locale=Locale.get_default())
    assert page.extra_questions.get().label == "Shirt size"
    assert Page.objects.get(pk=page.pk).locale == Locale.get_default()


def template_names(response):
    return [template.name for template in response.templates]


def test_the_programme_renders_once_and_changes_with_the_next_publication(client):
    page = GatheringPage.objects.get(slug="kansas-city-2018", locale=Locale.get_default())
    assert "gathering/blocks/faq_item.html" in template_names(client.get(page.url))
    again = client.get(page.url)
    assert "gathering/blocks/faq_item.html" not in template_names(again)
    assert "<summary>Can P2PU pay for my travel?</summary>" in again.content.decode()

    page.hosts = "The draft hosts"
    page.save_revision()
    assert "The draft hosts" not in client.get(page.url).content.decode()
    page.get_latest_revision().publish()
    assert "The draft hosts" in client.get(page.url).content.decode()


def test_a_recap_story_is_linked_as_soon_as_it_is_published(client):
    from blog.factories import BlogPostPageFactory
    from blog.models import BlogIndexPage

    page = GatheringPage.objects.get(slug="boston-2019", locale=Locale.get_default())
    assert "Read the recap story" not in client.get(page.url).content.decode()
    assert "Read the recap of Boston 2019" not in client.get("/en/gatherings/").content.decode()

    story = BlogPostPageFactory.build(title="Boston in pictures", recap_of=page)
    BlogIndexPage.objects.get(locale=Locale.get_default()).add_child(instance=story)
    story.save_revision().publish()
    assert f'<a href="{story.url}">Read the recap story</a>' in client.get(page.url).content.decode()
    assert f'<a href="{story.url}">Read the recap of Boston 2019</a>' in client.get("/en/gatherings/").content.decode()

    story.unpublish()
    assert "Read the recap story" not in client.get(page.url).content.decode()


def test_the_form_links_the_privacy_notice_in_the_pages_language(client):
    english = GatheringPage.objects.get(slug__startswith="nairobi-", locale=Locale.get_default())
    swahili = GatheringPage.objects.get(slug__startswith="nairobi-", locale__language_code="sw")
    privacy = Page.objects.get(slug="privacy", locale=Locale.get_default())
    privacy_sw = privacy.get_translation(Locale.objects.get(language_code="sw"))
    assert f'<a href="{privacy.url}">Read the privacy notice</a>' in client.get(english.url).content.decode()
    html = client.get(swahili.url).content.decode()
    assert f'<a href="{privacy_sw.url}">' in html and privacy_sw.url.startswith("/sw/")


def test_a_preview_shows_the_draft_programme_not_the_one_kept_for_visitors(client):
    page = GatheringPage.objects.get(slug="kansas-city-2018", locale=Locale.get_default())
    assert "Institute of Museum and Library Services" in client.get(page.url).content.decode()
    draft = page.get_latest_revision_as_object()
    draft.supporters = "A draft supporter"
    html = draft.make_preview_request().content.decode()
    assert "A draft supporter" in html
    assert "A draft supporter" not in client.get(page.url).content.decode()
