"""The main page types pass axe and the HTML checker in every language; so does the translations report."""

import pytest

pytestmark = pytest.mark.browser

PATHS = [
    "",
    "guide/",
    "guide/orient-yourself/",
    "facilitate/",
    "circles/",
    "gatherings/",
    "gatherings/nairobi-2027/",
]


@pytest.mark.parametrize("code", ["en", "sw", "es", "fr"])
def test_main_pages_are_accessible_and_valid_in_every_language(live_site, browser_page, check_page, code):
    import re

    from wagtail.models import Locale, Page

    locale = Locale.objects.get(language_code=code)
    for path in PATHS:
        english = Page.objects.get(url_path=f"/home/{path}")
        page = english.get_translation(locale)
        response = browser_page.goto(live_site + page.url)
        assert response.status == 200, page.url
        assert browser_page.locator("html").get_attribute("lang") == code
        assert re.search(r"\S", browser_page.locator("h1").inner_text())
        check_page(browser_page)


def test_untranslated_copy_is_accessible(live_site, browser_page, check_page):
    from wagtail.models import Locale

    from home.factories import StandardPageFactory
    from home.models import HomePage

    english = StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"), slug="browser-alias", title="Only in English"
    )
    english.save_revision().publish()
    alias = english.copy_for_translation(Locale.objects.get(language_code="sw"), alias=True)
    browser_page.goto(live_site + alias.url)
    assert browser_page.get_by_role("note").inner_text().startswith("Ukurasa huu bado haujatafsiriwa")
    assert browser_page.locator("main").get_attribute("lang") == "en"
    check_page(browser_page)


def test_translations_report_is_accessible(live_site, browser_page, check_page):
    from django.contrib.auth import get_user_model

    translator = get_user_model().objects.get(username="translator-sw")
    translator.set_password("translate-the-guide")  # demo users have no password outside development
    translator.save()
    page = browser_page
    page.goto(live_site + "/admin/login/?next=/admin/translations/")
    page.fill("input[name=username]", "translator-sw")
    page.fill("input[name=password]", "translate-the-guide")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/translations/")
    assert page.get_by_role("table").get_by_text("Facilitator resources").count() >= 1
    check_page(page)
