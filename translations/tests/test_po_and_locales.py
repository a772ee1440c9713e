"""PO files out and back in without loss, adding a region with one command, machine translation off."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import LocaleSynchronization, Translation

from home.factories import StandardPageFactory
from home.localize import translate
from home.models import HomePage

pytestmark = pytest.mark.django_db

BODY = '<p>Meet <b>weekly</b> at the <a href="https://example.org/library">library</a> &amp; bring “tea”.</p>'


def test_po_round_trip_is_lossless_and_publishing_shows_the_translation(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(
        parent=home,
        slug="po-trip",
        title="Weekly meetings",
        intro="Line one, and line two.",
        body=[("paragraph", RichText(BODY))],
    )
    page.save_revision().publish()
    draft = translate(page, "sw", {}, publish=False)  # started, nothing translated yet
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="sw")

    client.force_login(get_user_model().objects.get(username="translator-sw"))
    download = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert download.status_code == 200
    exported = polib.pofile(download.content.decode())
    assert {entry.msgid for entry in exported} >= {"Weekly meetings", "Line one, and line two."}
    answers = {
        "Weekly meetings": "Mikutano ya kila wiki",
        "Line one, and line two.": "Mstari wa kwanza, na mstari wa pili.",
    }
    for entry in exported:
        if entry.msgid in answers:
            entry.msgstr = answers[entry.msgid]
        elif "<a" in entry.msgid:
            # Rich text keeps its markup as numbered placeholders: the translator moves them, never rewrites them.
            assert '<a id="a1">library</a>' in entry.msgid
            entry.msgstr = entry.msgid.replace("Meet", "Kutana").replace("library", "maktaba")
            answers[entry.msgid] = entry.msgstr
    upload = SimpleUploadedFile("po-trip-sw.po", str(exported).encode(), content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302

    # Lossless: downloading again gives the same entries with exactly the uploaded translations.
    again = polib.pofile(client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").content.decode())
    assert [(e.msgctxt, e.msgid) for e in again] == [(e.msgctxt, e.msgid) for e in exported]
    assert {e.msgid: e.msgstr for e in again if e.msgstr} == answers

    # Publishing (what the locale's reviewer does) shows the translated text, markup intact.
    translation.save_target(publish=False)
    draft.refresh_from_db()
    draft.get_latest_revision().publish()
    html = client.get(draft.get_url()).content.decode()
    assert "<h1>Mikutano ya kila wiki</h1>" in html
    assert "Mstari wa kwanza, na mstari wa pili." in html
    assert '<b>weekly</b> at the <a href="https://example.org/library">maktaba</a> &amp; bring “tea”' in html
    assert "translation-notice" not in html


def test_machine_translation_is_off_by_default():
    assert get_machine_translator() is None


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
)
def test_the_dummy_translator_can_be_turned_on():
    assert get_machine_translator().display_name == "Dummy translator"


LANGUAGES_WITH_AMHARIC = [("en", "English"), ("sw", "Kiswahili"), ("es", "Español"), ("fr", "Français"), ("am", "አማርኛ")]


@override_settings(LANGUAGES=LANGUAGES_WITH_AMHARIC, WAGTAIL_CONTENT_LANGUAGES=LANGUAGES_WITH_AMHARIC)
def test_add_locale_creates_the_locale_its_tree_and_its_groups():
    call_command("add_locale", "am", verbosity=0)
    amharic = Locale.objects.get(language_code="am")
    assert LocaleSynchronization.objects.get(locale=amharic).sync_from.language_code == "en"
    # The English tree appears in Amharic as untranslated copies, to be translated one by one.
    english_paths = set(
        Page.objects.filter(locale__language_code="en", depth__gt=1).values_list("translation_key", flat=True)
    )
    amharic_pages = Page.objects.filter(locale=amharic)
    assert set(amharic_pages.values_list("translation_key", flat=True)) == english_paths
    assert all(page.alias_of_id for page in amharic_pages)
    amharic_home = HomePage.objects.get(locale=amharic)
    translators, reviewers = Group.objects.get(name="Translators (am)"), Group.objects.get(name="Reviewers (am)")
    assert translators.permissions.filter(codename="access_admin").exists()
    assert set(
        GroupPagePermission.objects.filter(group=translators, page=amharic_home).values_list(
            "permission__codename", flat=True
        )
    ) >= {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(
        group=reviewers, page=amharic_home, permission__codename="publish_page"
    ).exists()
    assert not GroupPagePermission.objects.filter(group=translators, permission__codename="publish_page").exists()
    # Run again: nothing new.
    count = Page.objects.count()
    call_command("add_locale", "am", verbosity=0)
    assert Page.objects.count() == count


def test_add_locale_refuses_unknown_languages():
    with pytest.raises(CommandError, match="not a content language"):
        call_command("add_locale", "xx", verbosity=0)
    assert not Locale.objects.filter(language_code="xx").exists()
