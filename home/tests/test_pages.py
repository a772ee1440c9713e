"""What a visitor sees: every page in every language, the language redirect and switcher, errors, the API."""

import re

import pytest
from django.conf import settings
from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def test_every_live_page_renders_with_its_language(client):
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale").specific()
    assert pages.count() >= 4 * 2, "the demo should hold a home and an about page in every language"
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        code = page.locale.language_code
        assert page.url.startswith(f"/{code}/")
        assert f'<html lang="{code}" dir="ltr">' in response.content.decode()


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_home_page_in_every_language(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    home = HomePage.objects.get(locale__language_code=code)
    assert f"<h1>{home.title}</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("sw", "/sw/"), ("fr-FR,fr;q=0.9", "/fr/"), ("es-MX", "/es/"), ("de-DE", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_goes_to_the_same_page_in_each_language(client):
    html = client.get("/en/about/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/sw/about/" lang="sw"' in switcher
    assert 'href="/fr/about/" lang="fr"' in switcher
    assert 'href="/en/about/" lang="en" hreflang="en" aria-current="true"' in switcher


@pytest.fixture
def untranslated_page(db):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Only in English", slug="only-in-english")
    page.save_revision().publish()
    return page


def test_switcher_falls_back_to_the_locale_home_for_untranslated_pages(client, untranslated_page):
    html = client.get(untranslated_page.url).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/sw/" lang="sw"' in switcher
    assert 'href="/es/" lang="es"' in switcher


def test_hreflang_lists_only_real_translations(client, untranslated_page):
    about = client.get("/en/about/").content.decode()
    for code in LANGUAGE_CODES:
        assert f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/about/">' in about
    assert 'hreflang="x-default" href="http://localhost/en/about/"' in about
    untranslated = client.get(untranslated_page.url).content.decode()
    assert 'rel="alternate"' not in untranslated


def test_main_navigation_follows_the_page_tree(client):
    html = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for label in ["About", "Organizer guide", "Learning circles", "Gatherings", "Stories"]:
        assert f">{label}</a>" in nav
    assert "Privacy" not in nav
    sw_nav = re.search(r'<nav class="main-nav".*?</nav>', client.get("/sw/").content.decode(), re.S).group(0)
    assert 'href="/sw/about/"' in sw_nav


def test_footer_links_the_accessibility_statement_and_privacy_page(client):
    html = client.get("/en/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    assert 'href="/en/accessibility/"' in footer
    assert 'href="/en/privacy/"' in footer
    assert "CC BY-SA 4.0" in footer
    sw_footer = re.search(r'<footer class="site-footer">.*?</footer>', client.get("/sw/").content.decode(), re.S)
    assert "Duara za kujifunza huendeshwa" in sw_footer.group(0)


def test_base_template_landmarks(client):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert 'media="print"' in html
    assert "<script" not in html, "public pages must not need JavaScript"


def test_sharing_tags_name_the_page_and_its_address(client):
    html = client.get("/en/about/").content.decode()
    assert '<link rel="canonical" href="http://localhost/en/about/">' in html
    assert '<meta property="og:url" content="http://localhost/en/about/">' in html
    assert '<meta property="og:type" content="website">' in html


def test_custom_404_page(client):
    response = client.get("/sw/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sw"' in html
    assert 'href="#main"' in html


def test_unprefixed_unknown_path_redirects_into_a_language(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 302
    assert response["Location"] == "/en/no-such-page/"


def test_api_lists_live_pages_only(client):
    home = HomePage.objects.get(locale__language_code="en")
    draft = StandardPageFactory(parent=home, title="Secret draft", slug="secret-draft", live=False)
    ids, offset, total = set(), 0, None
    while total is None or offset < total:
        response = client.get(f"/api/v2/pages/?limit=100&offset={offset}")
        assert response.status_code == 200
        listing = response.json()
        total = listing["meta"]["total_count"]
        ids |= {item["id"] for item in listing["items"]}
        offset += 100
    assert draft.pk not in ids
    assert home.pk in ids
    assert set(Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True)) == ids
    for endpoint in ("images", "documents"):
        assert client.get(f"/api/v2/{endpoint}/").status_code == 200


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert b"Disallow: /admin/" in response.content
    assert b"Sitemap: http://testserver/sitemap.xml" in response.content
