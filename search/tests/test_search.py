import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from blog.models import BlogPostPage
from circles.factories import CourseFactory
from circles.models import Course
from home.models import StandardPage
from search.sitemaps import MultilingualPageSitemap
from translations.status import readable_pages

pytestmark = pytest.mark.django_db


def result_titles(html):
    return re.findall(r'<h2><a href="[^"]+">(.*?)</a></h2>', html)


def test_finds_pages_of_the_active_language_only(client):
    english = client.get("/en/search/?q=peer+university").content.decode()
    assert "What is a learning circle?" in english
    kiswahili = client.get("/sw/search/?q=duara").content.decode()
    titles = result_titles(kiswahili)
    assert titles, "the Kiswahili search should find Kiswahili pages"
    sw_titles = {re.sub("<[^>]+>", "", title) for title in titles}
    live_sw = set(Page.objects.live().filter(locale__language_code="sw").values_list("title", flat=True))
    assert sw_titles <= live_sw
    assert "What is a learning circle?" not in kiswahili


def test_matched_words_are_highlighted_and_sections_shown(client):
    html = client.get("/en/search/?q=Kansas").content.decode()
    assert "<mark>Kansas</mark>" in html
    assert '<p class="result-section">Blog post</p>' in html


def test_section_counts_add_up_and_filter(client):
    html = client.get("/en/search/?q=learning").content.decode()
    counts = {int(n) for n in re.findall(r"All sections \((\d+)\)", html)}
    section_counts = [int(n) for n in re.findall(r"section=\w+[^>]*>[^<(]+\((\d+)\)</a>", html)]
    assert counts == {sum(section_counts)}
    total = re.search(r"(\d+) results? for", html).group(1)
    assert int(total) == sum(section_counts)
    blog_type = ContentType.objects.get_for_model(BlogPostPage)
    only_blog = client.get(f"/en/search/?q=learning&section={blog_type.pk}").content.decode()
    for block in re.findall(r'<p class="result-section">(.*?)</p>', only_blog):
        assert block == "Blog post"


def test_result_pages_follow_the_section_counts(client, monkeypatch):
    """The pages of results are counted from the section counts, not by searching again."""
    results_class = type(get_search_backend().search("learning", Page))
    counted = []
    do_count = results_class._do_count
    monkeypatch.setattr(results_class, "_do_count", lambda results: counted.append(results.model) or do_count(results))
    html = client.get("/en/search/?q=learning").content.decode()
    assert counted == [Course], "only the matching courses are counted; pages come from the section counts"
    sections = dict(re.findall(r"section=(\w+)[^>]*>[^<(]+\((\d+)\)</a>", html))
    page_matches = sum(int(count) for section, count in sections.items() if section != "courses")
    assert page_matches > 10, "the demo should have more than one page of results for 'learning'"
    last = -(-page_matches // 10)
    last_page = client.get(f"/en/search/?q=learning&page={last}").content.decode()
    assert len(result_titles(last_page)) == page_matches - 10 * (last - 1)
    beyond = client.get(f"/en/search/?q=learning&page={last + 5}").content.decode()
    assert result_titles(beyond) == result_titles(last_page)


def test_courses_are_found_beside_pages_and_in_their_own_section(client):
    html = client.get("/en/search/?q=public+speaking").content.decode()
    assert "Fundamentals of <mark>Public</mark> <mark>Speaking</mark>" in html
    courses = re.search(r"section=courses[^>]*>Courses \((\d+)\)</a>", html)
    assert courses and int(courses.group(1)) >= 1
    only_courses = client.get("/en/search/?q=public+speaking&section=courses").content.decode()
    assert set(re.findall(r'<p class="result-section">(.*?)</p>', only_courses)) == {"Course · P2PU"}
    assert 'href="https://www.p2pu.org/en/courses/"' in only_courses


def test_draft_courses_and_other_languages_stay_out_of_search(client):
    CourseFactory(title="Beekeeping for beginners", live=False)
    assert "Beekeeping" not in client.get("/en/search/?q=beekeeping").content.decode()
    assert "Fundamentals of Public" not in client.get("/sw/search/?q=speaking").content.decode()


def test_promoted_result_comes_first(client):
    privacy = StandardPage.objects.get(slug="privacy", locale=Locale.get_default())
    SearchPromotion.objects.create(query=Query.get("kansas"), page=privacy, sort_order=0, description="Read this")
    html = client.get("/en/search/?q=kansas").content.decode()
    promoted = html.index("Recommended")
    assert html.index(f'href="{privacy.url}"') > promoted
    assert promoted < html.index("What happened in")


def test_popular_queries_are_recorded(client):
    client.get("/en/search/?q=facilitator")
    client.get("/en/search/?q=facilitator")
    assert Query.get("facilitator").hits == 2


def searched_the_index(queries):
    return [q["sql"] for q in queries if "indexentry" in q["sql"].lower()]


def test_a_repeated_search_is_answered_from_what_it_found(client):
    first = client.get("/en/search/?q=learning&page=2").content.decode()
    with CaptureQueriesContext(connection) as again:
        second = client.get("/en/search/?q=learning&page=2").content.decode()
    assert result_titles(second) == result_titles(first) and len(result_titles(first)) == 10
    assert re.findall(r"\((\d+)\)</a>", second) == re.findall(r"\((\d+)\)</a>", first)
    assert searched_the_index(again.captured_queries) == []
    assert Query.get("learning").hits == 0, "only a search's first page counts as a hit"
    other_page = client.get("/en/search/?q=learning&page=3").content.decode()
    assert set(result_titles(other_page)).isdisjoint(result_titles(second))


def test_a_search_finds_a_page_as_soon_as_it_is_published_and_not_after_it_is_unpublished(client):
    assert result_titles(client.get("/en/search/?q=quilting").content.decode()) == []
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = home.add_child(instance=StandardPage(title="Quilting circles at the library", slug="quilting"))
    page.save_revision().publish()
    assert result_titles(client.get("/en/search/?q=quilting").content.decode()) == [
        "<mark>Quilting</mark> circles at the library"
    ]
    page.unpublish()
    assert result_titles(client.get("/en/search/?q=quilting").content.decode()) == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "%00",
        "%01%02%03",
        "a" * 5000,
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%FF%FE",
        "learning&section=abc",
        "learning&section=999999",
        "learning&page=-3",
        "learning&page=xyz",
        "AND OR NOT",
        '"unclosed',
        "(((",
    ],
)
def test_hostile_and_huge_queries_answer_calmly(client, query):
    response = client.get(f"/en/search/?q={query}")
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert b"alert(1)" not in response.content or b"&lt;" in response.content or b"alert 1" in response.content


def test_over_long_queries_are_cut(client):
    html = client.get("/en/search/?q=" + "b" * 5000).content.decode()
    assert "b" * 200 in html
    assert "b" * 201 not in html
    assert "Your search was shortened to its first 200 characters." in html
    assert "shortened" not in client.get("/en/search/?q=library").content.decode()


def test_search_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get("/en/search/?q=learning")
    with django_assert_max_num_queries(40):
        client.get("/en/search/?q=learning")


def test_sitemap_holds_exactly_the_live_pages(read_sitemap):
    body = read_sitemap()
    locations = set(re.findall(r"<loc>(.*?)</loc>", body))
    # Aliases and half-translated pages (still partly English) wait until they are translated.
    expected = {page.get_full_url() for page in readable_pages(Page.objects.live().public().filter(depth__gt=1))}
    assert locations == expected
    assert 'hreflang="sw"' in body


def test_sitemap_addresses_alternates_and_dates_agree_with_the_pages(read_sitemap):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    home.add_child(instance=StandardPage(title="Maktaba ya jamii", slug="maktaba-ñandú"))
    body = read_sitemap()
    entries = re.findall(r"<url><loc>(.*?)</loc>(?:<lastmod>(.*?)</lastmod>)?(.*?)</url>", body)
    assert entries
    readable = readable_pages(Page.objects.live().public().filter(depth__gt=1)).select_related("locale")
    pages = {page.get_full_url(): page for page in readable}
    assert "http://localhost/en/maktaba-%C3%B1and%C3%BA/" in pages
    for address, lastmod, links in entries:
        page = pages[address]
        changed = page.last_published_at or page.latest_revision_created_at
        assert lastmod == (localtime(changed).date().isoformat() if changed else "")
        alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', links))
        versions = {
            p.locale.language_code: p.get_full_url() for p in readable.filter(translation_key=page.translation_key)
        }
        assert alternates == (versions if len(versions) > 1 else {})


def test_sitemap_leaves_out_drafts(read_sitemap):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    home.add_child(instance=StandardPage(title="Hidden draft", slug="hidden-draft", live=False))
    assert "hidden-draft" not in read_sitemap()


def test_sitemap_is_an_index_of_parts_of_bounded_size(client, read_sitemap, monkeypatch):
    monkeypatch.setattr(MultilingualPageSitemap, "limit", 5)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<sitemapindex" in index.content.decode()
    parts = re.findall(r"<loc>(.*?)</loc>", index.content.decode())
    assert parts[:2] == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-pages.xml?p=2"]
    for part in parts:
        body = client.get(part.removeprefix("http://testserver")).content.decode()
        assert 1 <= body.count("<url>") <= 5
    live = readable_pages(Page.objects.live().public().filter(depth__gt=1)).count()
    assert read_sitemap().count("<url>") == live
    assert len(parts) == -(-live // 5)


def test_sitemap_is_worked_out_once_and_follows_a_publish_and_an_unpublish_at_once(client):
    with CaptureQueriesContext(connection) as first:
        assert client.get("/sitemap.xml").status_code == client.get("/sitemap-pages.xml").status_code == 200
    assert [q for q in first.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]
    with CaptureQueriesContext(connection) as again:
        client.get("/sitemap.xml")
        client.get("/sitemap-pages.xml")
    assert not [q for q in again.captured_queries if "wagtailcore_page" in q["sql"]]

    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = home.add_child(instance=StandardPage(title="Fresh page", slug="fresh-page"))
    assert "/en/fresh-page/" in client.get("/sitemap-pages.xml").content.decode()
    page.unpublish()
    assert "/en/fresh-page/" not in client.get("/sitemap-pages.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_each_language_has_its_own_text_search_configuration():
    from search.backends import LocalisedPostgresSearchBackend

    backend = LocalisedPostgresSearchBackend(
        {"SEARCH_CONFIG": "simple", "SEARCH_CONFIGS": {"en": "english", "es": "spanish", "sw": "simple"}}
    )
    assert backend.config_for("es") == "spanish"
    assert backend.config_for("en-gb") == "english"
    assert backend.config_for("sw") == "simple"
    assert backend.config_for("de") == "simple"
    assert backend.for_language("es").config == "spanish"
    assert backend.config is None or backend.config == "simple"


def test_spanish_pages_are_found_by_other_forms_of_a_word(client):
    """On PostgreSQL a Spanish query is stemmed as Spanish: "aprender" finds "aprendieron"."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("language-specific stemming is PostgreSQL's; SQLite uses its own full-text index")
    from home.models import HomePage

    spanish_home = HomePage.objects.get(locale__language_code="es")
    page = StandardPage(title="Relato de prueba", slug="relato-de-prueba", intro="Los vecinos aprendieron juntos.")
    spanish_home.add_child(instance=page)
    page.save_revision().publish()
    assert "Relato de prueba" in client.get("/es/search/?q=aprender").content.decode()
    english = client.get("/en/search/?q=aprender").content.decode()
    assert "Relato de prueba" not in english
