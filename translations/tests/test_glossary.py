"""The glossary: translators see the agreed terms in the editor and are warned when a translation differs."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.factories import StandardPageFactory
from home.localize import translate
from home.models import HomePage
from translations.glossary import check_translation
from translations.models import GlossaryTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_page():
    page = StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"),
        slug="glossary-check",
        title="Start a learning circle",
        intro="Every Learning Circle needs a facilitator.",
    )
    page.save_revision().publish()
    return page


def test_demo_glossary_covers_the_key_terms_in_every_language():
    for code in ("sw", "es", "fr"):
        terms = set(GlossaryTerm.objects.filter(locale__language_code=code).values_list("term", flat=True))
        assert {"learning circle", "facilitator", "organizer", "team", "gathering"} <= terms


def test_a_translation_that_differs_from_the_glossary_is_flagged(english_page):
    page = translate(
        english_page,
        "sw",
        {
            "Start a learning circle": "Anzisha mduara wa kujifunza",
            "Every Learning Circle needs a facilitator.": "Kila kikundi cha masomo kinahitaji mwalimu.",
        },
    )
    used, mismatches = check_translation(page)
    assert {term.term for term in used} == {"learning circle", "facilitator"}
    assert sorted(m.term.term for m in mismatches) == ["facilitator", "learning circle"]
    assert all(m.translated_text == "Kila kikundi cha masomo kinahitaji mwalimu." for m in mismatches)


def test_translator_sees_the_glossary_and_the_warning_in_the_editor(client, english_page):
    page = translate(english_page, "sw", {"Start a learning circle": "Anzisha kikundi cha masomo"})
    client.force_login(get_user_model().objects.get(username="translator-sw"))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    html = response.content.decode()
    # A panel beside the strings, after the editor, listing each agreed term the page uses.
    start = html.index('<aside class="translation-glossary"')
    panel = html[start : html.index("</aside>", start)]
    assert html.index("js-translation-editor") < html.index('<aside class="translation-glossary"')
    terms = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)(?:<small>|</dd>)", panel)
    assert terms == [("learning circle", "mduara wa kujifunza"), ("facilitator", "mwezeshaji")]
    assert "Si mwalimu" in panel  # the reviewers' note on "facilitator"
    assert "but this translation says: “Anzisha kikundi cha masomo”" in panel
    assert "translations/glossary.css" in html
    assert not list(response.context["messages"])  # in the panel, not as notices


def test_the_glossary_panel_is_not_shown_on_english_pages(admin_client, english_page):
    html = admin_client.get(f"/admin/pages/{english_page.pk}/edit/").content.decode()
    assert "translation-glossary" not in html


def test_reviewers_keep_the_glossary_and_translators_only_read_it(client):
    sw = Locale.objects.get(language_code="sw")
    translator = get_user_model().objects.get(username="translator-sw")
    reviewer = get_user_model().objects.get(username="reviewer-sw")
    assert translator.has_perm("translations.view_glossaryterm")
    assert not translator.has_perm("translations.change_glossaryterm")
    assert reviewer.has_perm("translations.change_glossaryterm")
    client.force_login(translator)
    listing = client.get("/admin/snippets/translations/glossaryterm/", {"locale": sw.pk})
    assert listing.status_code == 200
    assert "mwezeshaji" in listing.content.decode()
