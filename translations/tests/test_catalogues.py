"""Interface strings: every catalogue complete, dates in each language's own order, emails in the page's language."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from translations.templatetags.locale_dates import machine_datetime, weekday_date

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def catalogue(code):
    return polib.pofile(str(Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po"))


def test_interface_strings_live_in_one_catalogue_per_language():
    """App-level catalogues were merged into locale/, so a translator has one file per language."""
    base = Path(settings.BASE_DIR)
    stray = [
        str(path.relative_to(base))
        for path in base.glob("*/locale/*/LC_MESSAGES/*.po")
        if path.parts[len(base.parts)] not in {"locale", ".venv", "node_modules"}
    ]
    assert stray == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(code):
    po = catalogue(code)
    assert len(po) > 500, "run `make messages`: the catalogue looks empty"
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code):
    """A missing %(name)s would raise or lose a value at run time."""
    for entry in catalogue(code).translated_entries():
        if entry.msgid_plural:
            expected = set(PLACEHOLDER.findall(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= expected | set(PLACEHOLDER.findall(entry.msgid)), entry.msgid
        else:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Ruka hadi maudhui makuu"),  # never Kiswahili on the English site
        ("sw", "Ruka hadi maudhui makuu"),
        ("es", "Saltar al contenido principal"),
        ("fr", "Aller au contenu principal"),
    ],
)
@pytest.mark.django_db
def test_pages_show_the_compiled_interface_strings(client, code, text):
    html = client.get(f"/{code}/").content.decode()
    assert (text in html) == (code != "en")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "Tuesday 3 March 2026"),
        ("sw", "Jumanne, 3 Machi 2026"),
        ("es", "Martes 3 de marzo de 2026"),
        ("fr", "Mardi 3 mars 2026"),
    ],
)
def test_dates_follow_each_language(code, expected):
    with translation.override(code):
        assert weekday_date(datetime.date(2026, 3, 3)) == expected


def test_kiswahili_has_its_own_date_formats():
    with translation.override("sw"):
        rendered = Template('{{ day|date:"DATE_FORMAT" }} {{ day|date:"SHORT_DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 3, 3)})
        )
    assert rendered == "3 Machi 2026 03/03/2026"


@pytest.mark.django_db
def test_circle_email_is_in_the_language_of_the_page():
    from wagtail.models import Locale

    from circles.models import LearningCirclePage

    english, kiswahili = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="sw")
    # A Kiswahili page of an English-speaking circle writes in Kiswahili: the learner read that page.
    assert LearningCirclePage(language="en", locale=kiswahili).email_language() == "sw"
    # On the English source, a circle that meets in Kiswahili still writes in Kiswahili.
    assert LearningCirclePage(language="sw", locale=english).email_language() == "sw"
    assert LearningCirclePage(language="so", locale=english).email_language() == "en"


def test_machine_datetimes_are_valid_html_values():
    moment = datetime.datetime(2026, 11, 23, 15, 8, 27, 175641, tzinfo=datetime.UTC)
    assert machine_datetime(moment) == "2026-11-23T15:08:27Z"
    assert machine_datetime(datetime.date(2026, 3, 3)) == "2026-03-03"
