"""Honest fallbacks: English under another language says so, and stays out of hreflang and the sitemap."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

from home.factories import StandardPageFactory
from home.localize import translate
from home.models import HomePage

pytestmark = pytest.mark.django_db

INTRO = "Plain words about the reading room."


@pytest.fixture
def english_page():
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Reading room", slug="reading-room", intro=INTRO)
    page.save_revision().publish()
    return page


def switcher(html):
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


def test_live_status_is_not_synced_on_translate():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_untranslated_copy_says_so_and_is_marked_english(client, english_page, read_sitemap):
    alias = english_page.copy_for_translation(Locale.objects.get(language_code="sw"), copy_parents=False, alias=True)
    html = client.get(alias.url).content.decode()
    assert alias.url == "/sw/reading-room/"
    assert '<html lang="sw"' in html
    assert '<main id="main" tabindex="-1" lang="en">' in html
    assert 'class="translation-notice" role="note" lang="sw"' in html
    assert "Ukurasa huu bado haujatafsiriwa kwa Kiswahili" in html
    # Not a translation: the switcher on the English page goes to the Kiswahili home, hreflang leaves it out.
    english = client.get("/en/reading-room/").content.decode()
    assert 'href="/sw/" lang="sw"' in switcher(english)
    assert 'hreflang="sw"' not in english.split("</head>")[0]
    assert "/sw/reading-room/" not in read_sitemap()


def test_partly_translated_page_marks_the_english_parts(client, english_page, read_sitemap):
    partial = translate(english_page, "es", {"Reading room": "Sala de lectura"})
    html = client.get(partial.url).content.decode()
    assert '<main id="main" tabindex="-1">' in html  # the page as a whole is Spanish
    assert "Partes de esta página aún no están traducidas al español" in html
    assert "<h1>Sala de lectura</h1>" in html
    assert f'<p class="lead" lang="en">{INTRO}</p>' in html
    english = client.get("/en/reading-room/").content.decode()
    assert 'hreflang="es"' not in english.split("</head>")[0]
    assert 'href="/es/" lang="es"' in switcher(english)
    assert partial.url not in read_sitemap()


def test_finished_translation_joins_hreflang_and_the_sitemap(client, english_page, read_sitemap):
    done = translate(english_page, "fr", {"Reading room": "Salle de lecture", INTRO: "Quelques mots sur la salle."})
    html = client.get(done.url).content.decode()
    assert "translation-notice" not in html
    assert '<p class="lead">Quelques mots sur la salle.</p>' in html
    english = client.get("/en/reading-room/").content.decode()
    head = english.split("</head>")[0]
    assert f'<link rel="alternate" hreflang="fr" href="http://localhost{done.url}">' in head
    assert f'href="{done.url}" lang="fr"' in switcher(english)
    assert done.url in read_sitemap()


def test_language_switcher_query_count_does_not_grow_with_translations(
    client, english_page, django_assert_max_num_queries
):
    client.get("/en/reading-room/")  # warm per-process caches
    cache.clear()  # the language links are counted as first computed, before and after
    with django_assert_max_num_queries(40) as few:
        client.get("/en/reading-room/")
    for code, text in [("sw", "Chumba cha kusoma"), ("es", "Sala de lectura"), ("fr", "Salle de lecture")]:
        translate(english_page, code, {"Reading room": text})
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/reading-room/")
