"""The page cache: served to anonymous visitors, emptied by every public change, never shared state."""

import re

import pytest
from django.apps import apps
from django.core.cache import cache, caches
from django.db.models.signals import post_migrate
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from blog.models import BlogIndexPage, BlogPostPage
from circles import signups
from circles.factories import build_circle
from circles.models import CircleFacilitator, CircleIndexPage, Course, TeamPage
from gathering.factories import GatheringPageFactory
from gathering.models import GatheringIndexPage
from home.localize import translate

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="form_started" value="([^"]+)"')


@pytest.fixture(autouse=True, params=["database", "shared cache"])
def page_cache(request, settings):
    """Every test runs with the generation read from the database and from the shared cache."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_IN_CACHE = request.param == "shared cache"
    caches["pages"].clear()
    cache.clear()  # form rate limits
    yield
    caches["pages"].clear()
    cache.clear()


@pytest.fixture
def english():
    return Locale.get_default()


@pytest.fixture
def circle(english):
    index = CircleIndexPage.objects.get(locale=english)
    page = build_circle(
        title="Cached circle", slug="cached-circle", signup_limit=3, facilitators=[CircleFacilitator(name="Fa")]
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def post(english):
    return BlogPostPage.objects.live().filter(locale=english).order_by("path").first()


def cached(response):
    return response.get("X-Page-Cache")


def html(response):
    return response.content.decode()


def filled_in(page, **fields):
    """The form on `page` as a visitor sends it: the hidden values it carried and their answers."""
    return {
        "csrfmiddlewaretoken": TOKEN.search(html(page)).group(1),
        "form_started": STARTED.search(html(page)).group(1),
        "website": "",
        **fields,
    }


def signup_from(page):
    return filled_in(page, name="Amina", email="amina@example.org", consent="on")


def test_second_anonymous_visit_is_served_from_the_cache(client):
    first = client.get("/en/")
    second = client.get("/en/")
    assert (cached(first), cached(second)) == ("miss", "hit")
    assert second.content == first.content
    # Other middleware still runs on a hit: security headers are there.
    assert second["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in second


def test_each_query_string_and_language_is_its_own_entry(client):
    client.get("/en/circles/")
    assert cached(client.get("/en/circles/?city=Nairobi")) == "miss"
    assert cached(client.get("/sw/circles/")) == "miss"
    assert cached(client.get("/en/circles/")) == "hit"


def test_publishing_a_change_shows_at_once_on_the_page_and_its_listing(client, post):
    index = BlogIndexPage.objects.get(locale=post.locale)
    for url in (post.url, index.url, index.url + "feed/"):
        client.get(url)
        assert cached(client.get(url)) == "hit"
    post.title = "A title published just now"
    post.save_revision().publish()
    for url in (post.url, index.url, index.url + "feed/"):
        response = client.get(url)
        assert cached(response) == "miss"
        assert "A title published just now" in html(response)


def test_a_saved_draft_changes_nothing_public_and_keeps_the_cache(client, post):
    original = post.title
    client.get(post.url)
    post.title = "Draft title nobody sees yet"
    post.save_revision()
    response = client.get(post.url)
    assert cached(response) == "hit"
    assert original in html(response)
    assert "Draft title nobody sees yet" not in html(response)


def test_unpublishing_removes_the_page_and_its_listing_entry(client, post):
    index = BlogIndexPage.objects.get(locale=post.locale)
    client.get(post.url)
    assert post.title in html(client.get(index.url))
    post.unpublish()
    assert client.get(post.url).status_code == 404
    assert post.title not in html(client.get(index.url))


def test_moving_a_page_moves_it_on_the_site_at_once(client, circle, english):
    knls = TeamPage.objects.get(locale=english, slug="knls")
    old_url = circle.url
    assert client.get(old_url).status_code == 200
    assert "Cached circle" not in html(client.get(knls.url))
    circle.move(knls, pos="last-child")
    circle.refresh_from_db()
    # Wagtail leaves a redirect from the old address.
    moved = client.get(old_url)
    assert moved.status_code in (301, 404)
    assert moved.get("Location", circle.url) == circle.url
    assert client.get(circle.url).status_code == 200
    assert "Cached circle" in html(client.get(knls.url))


def test_a_new_translation_appears_in_the_language_links(client, english):
    untranslated = next(
        p
        for p in BlogPostPage.objects.live().filter(locale=english).order_by("path")
        if getattr(p.get_translation_or_none(Locale.objects.get(language_code="fr")), "alias_of_id", 1)
    )
    post = untranslated
    before = html(client.get(post.url))
    assert f"/fr/blog/{post.slug}/" not in before
    # Every string translated: a half-done translation stays out of the language links.
    source, _created = TranslationSource.get_or_create_from_instance(post)
    segments = source.stringsegment_set.exclude(context__path="slug")
    strings = {segment.string.data: f"[fr] {segment.string.data}" for segment in segments}
    translate(post, "fr", {**strings, post.title: "Un récit traduit"})
    after = client.get(post.url)
    assert cached(after) == "miss"
    assert f"/fr/blog/{post.slug}/" in html(after)
    assert "Un récit traduit" in html(client.get(f"/fr/blog/{post.slug}/"))


def test_a_published_snippet_shows_in_its_listing(client, english):
    course = Course.objects.filter(locale=english, live=True).order_by("pk").first()
    client.get("/en/courses/")
    course.title = "A course renamed a moment ago"
    course.save_revision().publish()
    assert "A course renamed a moment ago" in html(client.get("/en/courses/"))


def test_a_signup_updates_the_places_left_on_a_cached_circle_page(client, circle):
    assert "3 places left" in html(client.get(circle.url))
    assert cached(client.get(circle.url)) == "hit"
    signups.sign_up(circle, email="learner@example.org", name="Learner", consent=True)
    response = client.get(circle.url)
    assert cached(response) == "miss"
    assert "2 places left" in html(response)


def test_each_visitor_gets_their_own_csrf_token_and_form_time(circle):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one = first.get(circle.url)
    two = second.get(circle.url)
    assert (cached(one), cached(two)) == ("miss", "hit")
    assert TOKEN.search(html(one)).group(1) != TOKEN.search(html(two)).group(1)
    assert STARTED.search(html(one)).group(1) != STARTED.search(html(two)).group(1)
    # The cached copy holds no token of anyone's.
    assert "csrftoken" in two.cookies
    assert two.cookies["csrftoken"].value != one.cookies["csrftoken"].value


def test_a_form_on_a_cached_page_submits(circle):
    Client().get(circle.url)  # someone else filled the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(circle.url)
    assert cached(page) == "hit"
    response = visitor.post(circle.url, signup_from(page))
    assert response.status_code == 303
    assert circle.signups.get().email == "amina@example.org"


def test_a_gathering_registration_from_a_cached_page_works_and_its_notice_stays_private(english):
    gathering = GatheringPageFactory.build()
    GatheringIndexPage.objects.get(locale=english).add_child(instance=gathering)
    gathering.save_revision().publish()
    Client().get(gathering.url)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(gathering.url)
    assert cached(page) == "hit"
    data = filled_in(page, name="Ada Lovelace", email="ada@example.org", circles_facilitated="2", privacy_consent="on")
    response = visitor.post(f"{gathering.url}register/", data)
    assert response.status_code == 302
    # The visitor now carries a notice: their next page is rendered for them, not cached.
    assert "messages" in visitor.cookies
    theirs = visitor.get(gathering.url)
    assert cached(theirs) is None
    assert "You are registered" in html(theirs) or "waiting list" in html(theirs)
    others = Client().get(gathering.url)
    assert "You are registered" not in html(others)


def test_signed_in_users_are_never_served_or_stored(client, admin_client):
    client.get("/en/")
    admin_page = admin_client.get("/en/")
    assert cached(admin_page) is None
    assert "wagtail-userbar" in html(admin_page)
    anonymous = client.get("/en/")
    assert cached(anonymous) == "hit"
    assert "wagtail-userbar" not in html(anonymous)
    # And what a signed-in user saw first is not kept for anyone.
    caches["pages"].clear()
    admin_client.get("/en/guide/")
    first_anonymous = client.get("/en/guide/")
    assert cached(first_anonymous) == "miss"
    assert "wagtail-userbar" not in html(first_anonymous)


def test_pages_about_one_learner_are_never_cached(client, circle):
    response = client.post(
        circle.url,
        {
            "csrfmiddlewaretoken": "x",
            "form_started": STARTED.search(html(client.get(circle.url))).group(1),
            "name": "Amina",
            "email": "amina@example.org",
            "consent": "on",
        },
    )
    thanks_url = response["Location"]
    for _attempt in range(2):
        thanks = client.get(thanks_url)
        assert thanks.status_code == 200
        assert cached(thanks) is None
        assert "private" in thanks["Cache-Control"]


def test_the_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/en/")
    assert cached(client.get("/en/")) is None


def test_searching_does_not_empty_the_cache(client):
    client.get("/en/")
    client.get("/en/search/?q=learning")  # counts a hit for the query: no public change
    assert cached(client.get("/en/")) == "hit"
    assert cached(client.get("/en/search/?q=learning")) == "hit"


def headers(response):
    """The headers but the cache's own and the length, which the visitor's fresh form values can change."""
    return {name: value for name, value in response.headers.items() if name not in ("X-Page-Cache", "Content-Length")}


@pytest.mark.parametrize("page", ["/en/", "circle"])
def test_a_hit_carries_the_headers_the_rendered_page_had(request, page):
    url = request.getfixturevalue("circle").url if page == "circle" else page
    miss, hit = Client().get(url), Client().get(url)
    assert (cached(miss), cached(hit)) == ("miss", "hit")
    assert headers(hit) == headers(miss)
    for name in ("Content-Security-Policy", "X-Frame-Options", "Content-Language", "Vary", "Referrer-Policy"):
        assert name in hit, name
    assert hit["Content-Language"] == "en"
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_sets_no_session_and_only_the_visitors_own_csrf_cookie(circle):
    Client().get(circle.url)
    visitor = Client()
    page = visitor.get(circle.url)
    assert cached(page) == "hit"
    assert set(page.cookies) == {"csrftoken"}
    home = visitor.get("/en/")  # no form: no cookie to set
    assert set(home.cookies) <= {"csrftoken"}


def test_a_visitor_keeps_their_csrf_cookie_and_a_form_from_an_older_tab_still_submits(circle):
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(circle.url)
    cookie = visitor.cookies["csrftoken"].value
    second = visitor.get(circle.url)
    assert cached(second) == "hit"
    assert visitor.cookies["csrftoken"].value == cookie
    assert visitor.post(circle.url, signup_from(first)).status_code == 303


def test_the_address_without_a_language_is_never_answered_in_another_visitors_language():
    for language in ("sw", "fr", "sw", "fr"):
        response = Client(HTTP_ACCEPT_LANGUAGE=language).get("/")
        assert response.status_code == 302
        assert response["Location"] == f"/{language}/"
        assert cached(response) is None


def test_a_session_or_a_notice_means_the_page_is_rendered_for_that_visitor(client, circle):
    client.get(circle.url)
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "someone's"
        assert cached(visitor.get(circle.url)) is None


def test_a_hit_reads_the_generation_once_from_the_database_or_not_at_all(client, settings, django_assert_num_queries):
    client.get("/en/")
    with django_assert_num_queries(0 if settings.PAGE_CACHE_GENERATION_IN_CACHE else 1):
        assert cached(client.get("/en/")) == "hit"


def test_with_a_shared_counter_a_hit_is_one_read_of_the_cache(client, settings, monkeypatch):
    settings.PAGE_CACHE_GENERATION_IN_CACHE = True
    client.get("/en/")
    pages = caches["pages"]
    reads, inside_get_many = [], []
    original_get, original_get_many = pages.get, pages.get_many

    def get(*args, **kwargs):
        if not inside_get_many:  # local memory answers get_many with a get per key; Redis with one MGET
            reads.append("get")
        return original_get(*args, **kwargs)

    def get_many(*args, **kwargs):
        reads.append("get_many")
        inside_get_many.append(True)
        try:
            return original_get_many(*args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(pages, "get", get)
    monkeypatch.setattr(pages, "get_many", get_many)
    assert cached(client.get("/en/")) == "hit"
    assert reads == ["get_many"]


def test_a_page_stored_under_an_older_generation_is_rendered_again(client, post):
    client.get(post.url)
    post.title = "Renamed on the spot"
    post.save_revision().publish()
    response = client.get(post.url)
    assert cached(response) == "miss"
    assert "Renamed on the spot" in html(response)
    assert cached(client.get(post.url)) == "hit"


def test_a_lost_generation_counter_serves_no_old_page(client, settings, post):
    settings.PAGE_CACHE_GENERATION_IN_CACHE = True
    client.get(post.url)
    caches["pages"].delete("generation")
    assert cached(client.get(post.url)) == "miss"


def test_a_release_serves_nothing_the_previous_code_cached(client, post):
    client.get(post.url)
    assert cached(client.get(post.url)) == "hit"
    # What `migrate` ends with, here for this app alone (others' handlers may change content too).
    pagecache = apps.get_app_config("pagecache")
    post_migrate.send(sender=pagecache, app_config=pagecache, verbosity=0, interactive=False, using="default")
    assert cached(client.get(post.url)) == "miss"


def test_a_part_of_the_page_is_read_from_the_cache_once_per_request(client, settings, cache_keys):
    # The circle index names every topic in its filter: one read of the tag names, however many.
    client.get("/en/circles/")
    reads = cache_keys(cache, "get")
    settings.PAGE_CACHE_ENABLED = False
    html = client.get("/en/circles/").content.decode()
    topics = html.split('name="topic"')[1].split("</select>")[0]
    assert topics.count('<option value="') > 2, "the filter should name several topics"
    fragments = [key for key in reads if key.startswith("fragment:")]
    assert fragments and len(fragments) == len(set(fragments))
