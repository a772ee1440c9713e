"""Routing from the home page: the page a path names is kept until content changes, never out of date."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from guides.models import GuideChapterPage, GuideIndexPage
from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def chapter():
    english = Locale.get_default()
    return GuideChapterPage.objects.live().filter(locale=english).order_by("path").first()


def test_a_deep_page_is_found_without_walking_the_tree_level_by_level(client, chapter):
    client.get(chapter.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(chapter.url)
    assert response.status_code == 200
    assert response.context["page"].pk == chapter.pk
    # Wagtail's walk asks for each level's child by slug; a kept route asks for the page alone.
    assert not [q for q in queries.captured_queries if '"wagtailcore_page"."slug" =' in q["sql"]]


def test_a_renamed_page_answers_at_its_new_address_only(client, chapter):
    old = chapter.url
    client.get(old)
    chapter.slug = "renamed-chapter"
    chapter.save_revision().publish()
    assert client.get(old).status_code == 404
    assert client.get("/en/guide/renamed-chapter/").status_code == 200


def test_an_unpublished_page_is_not_found_even_when_its_route_was_kept(client, chapter):
    client.get(chapter.url)
    chapter.unpublish()
    assert client.get(chapter.url).status_code == 404


def test_a_routable_page_answers_its_own_paths_and_its_childrens(client, chapter):
    for _ in range(2):  # found, then kept
        response = client.get("/en/guide/print/")
        assert response.status_code == 200
        assert response.context["print_view"] is True
        assert client.get(chapter.url).context["page"].pk == chapter.pk


def test_a_route_of_a_routable_page_wins_over_a_child_with_the_same_slug(client):
    guide = GuideIndexPage.objects.get(locale=Locale.get_default())
    guide.add_child(instance=GuideChapterPage(title="Print", slug="print", summary="A chapter named print."))
    for _ in range(2):
        response = client.get("/en/guide/print/")
        assert response.context["print_view"] is True


def test_made_up_addresses_are_not_found_and_not_kept(client, chapter, cache_keys):
    kept = cache_keys(cache, "set")
    for path in ["/en/nope/", f"{chapter.url}nope/", "/en/guide/nope/", "/en/a/b/c/d/e/f/g/h/i/j/"]:
        assert client.get(path).status_code == 404
    assert not [key for key in kept if key.startswith("route:")]
    client.get(chapter.url)
    assert [key for key in kept if key.startswith("route:")]


def test_a_page_of_another_language_is_routed_from_its_own_home(client):
    home = HomePage.objects.get(locale__language_code="sw")
    page = StandardPageFactory(parent=home, slug="ukurasa-mpya", title="Ukurasa mpya")
    page.save_revision().publish()
    for _ in range(2):
        response = client.get("/sw/ukurasa-mpya/")
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
    assert client.get("/en/ukurasa-mpya/").status_code == 404
