"""The first public journey, in Chromium: land on the site, switch language, follow the navigation."""

import pytest

pytestmark = pytest.mark.browser


def test_land_switch_to_kiswahili_and_follow_the_navigation(live_site, browser_page, check_page):
    page = browser_page
    page.goto(live_site + "/")
    page.wait_for_url(live_site + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    check_page(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Kiswahili").click()
    page.wait_for_url(live_site + "/sw/")
    assert page.locator("html").get_attribute("lang") == "sw"
    assert page.locator("h1").inner_text() == "Jifunzeni pamoja maktabani"
    check_page(page)

    page.get_by_role("navigation", name="Kuu").get_by_role("link", name="Kutuhusu").click()
    page.wait_for_url(live_site + "/sw/about/")
    assert page.locator("h1").inner_text() == "Kutuhusu"
    check_page(page)

    # Back to English on the same page, not the home page; the switcher's own
    # label is in Kiswahili now.
    page.get_by_role("navigation", name="Lugha").get_by_role("link", name="English").click()
    page.wait_for_url(live_site + "/en/about/")


def test_keyboard_user_can_skip_to_content(live_site, browser_page):
    page = browser_page
    page.goto(live_site + "/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0, "the skip link must become visible on focus"


@pytest.mark.parametrize("path", ["/en/privacy/", "/en/accessibility/", "/fr/", "/es/about/", "/en/search/?q=library"])
def test_public_pages_are_accessible_and_valid(live_site, nojs_page, check_page, path):
    nojs_page.goto(live_site + path)
    check_page(nojs_page)


def test_narrow_screen_has_no_horizontal_scroll(live_site, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_site + "/en/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
