"""The translations-to-update report: stale and incomplete translations per locale, for that locale's translators."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from guides.models import ResourceIndexPage
from home.localize import translate
from home.models import HomePage
from translations.demo import CHANGED_INTRO

pytestmark = pytest.mark.django_db

URL = "/admin/translations/"


def rows(response):
    html = response.content.decode()
    return re.findall(r'<tr class="translation-row" data-locale="(\w+)">\s*<td><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def user():
    return lambda name: get_user_model().objects.get(username=name)


def test_stale_report_lists_exactly_the_page_changed_after_translation(client, user):
    client.force_login(user("admin"))
    response = client.get(URL, {"status": "stale"})
    assert response.status_code == 200
    assert sorted(rows(response)) == [
        ("es", "Facilitator resources"),
        ("fr", "Facilitator resources"),
        ("sw", "Facilitator resources"),
    ]
    assert "English changed" in response.content.decode()


def test_translator_sees_only_their_own_locale(client, user):
    client.force_login(user("translator-sw"))
    assert {code for code, _title in rows(client.get(URL))} == {"sw"}
    assert {code for code, _title in rows(client.get(URL, {"locale": "es"}))} == {"sw"}  # not theirs: ignored


def test_people_who_do_not_translate_cannot_open_it(client, user):
    client.force_login(user("editor"))
    response = client.get(URL)  # Wagtail's admin turns a refusal into a redirect with a message
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_sync_brings_the_new_english_in_as_strings_to_translate(client, user):
    client.force_login(user("translator-sw"))
    index = ResourceIndexPage.objects.get(locale__language_code="en", slug="facilitate")
    sw_index = index.get_translation(Locale.objects.get(language_code="sw"))
    translation_id = re.search(r'action="/admin/translations/(\d+)/sync/"', client.get(URL).content.decode()).group(1)
    response = client.post(f"{URL}{translation_id}/sync/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{sw_index.pk}/edit/"
    assert rows(client.get(URL, {"status": "stale"})) == []
    incomplete = client.get(URL, {"status": "incomplete"}).content.decode()
    assert "Facilitator resources" in incomplete
    # The new English text waits as a draft for the Kiswahili translator; the live page is unchanged.
    sw_index.refresh_from_db()
    assert sw_index.get_latest_revision().as_object().intro == CHANGED_INTRO
    assert sw_index.intro != CHANGED_INTRO
    # Every locale now lists it among pages with untranslated strings, e.g. Spanish.
    assert ("es", "Facilitator resources") in rows(_admin_report(client, user, "es", "incomplete"))


def test_a_translator_cannot_sync_another_locale(client, user):
    from wagtail_localize.models import Translation

    index = ResourceIndexPage.objects.get(locale__language_code="en", slug="facilitate")
    spanish = Translation.objects.get(source__object_id=index.translation_key, target_locale__language_code="es")
    client.force_login(user("translator-sw"))
    assert client.post(f"{URL}{spanish.pk}/sync/")["Location"] == "/admin/"
    assert ("es", "Facilitator resources") in rows(_admin_report(client, user, "es", "stale"))


def _admin_report(client, user, code, status):
    client.force_login(user("admin"))
    return client.get(URL, {"locale": code, "status": status})


def test_report_query_count_does_not_grow_with_rows(client, user, django_assert_max_num_queries):
    client.force_login(user("admin"))
    client.get(URL)
    with django_assert_max_num_queries(60) as baseline:
        client.get(URL)
    # Counted now: the connection keeps the last 9,000 queries only, and adding pages makes thousands.
    baseline_count = len(baseline.captured_queries)
    home = HomePage.objects.get(locale__language_code="en")
    from home.factories import StandardPageFactory

    for number in range(5):
        page = StandardPageFactory(parent=home, slug=f"half-done-{number}", title=f"Half done {number}")
        page.save_revision().publish()
        for code in ("sw", "es", "fr"):
            translate(page, code, {f"Half done {number}": f"{code} {number}"})
    client.get(URL)  # parts kept until content changes (the site, the menu) are read again once
    with django_assert_max_num_queries(baseline_count):
        response = client.get(URL)
    assert len(rows(response)) >= 15
