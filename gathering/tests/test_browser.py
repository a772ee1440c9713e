"""The registration journey in Chromium, with JavaScript on and off, plus axe and HTML checks."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def upcoming_path(language="en"):
    from gathering.models import GatheringPage

    return GatheringPage.objects.get(slug__startswith="nairobi-", locale__language_code=language).url


@pytest.mark.parametrize("path", ["/en/gatherings/", "/fr/gatherings/", "/en/gatherings/kansas-city-2018/"])
def test_gathering_pages_are_accessible_and_valid(live_site, nojs_page, check_page, path):
    nojs_page.goto(live_site + path)
    check_page(nojs_page)


def test_upcoming_gathering_in_two_languages_is_accessible_and_valid(live_site, nojs_page, check_page):
    for language in ("en", "sw"):
        nojs_page.goto(live_site + upcoming_path(language))
        check_page(nojs_page)


@pytest.mark.parametrize("page_fixture", ["browser_page", "nojs_page"])
def test_register_confirm_manage_cancel(live_site, request, check_page, page_fixture):
    page = request.getfixturevalue(page_fixture)
    email = f"journey-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(live_site + upcoming_path())
    page.get_by_role("textbox", name=re.compile("^Your name")).fill("Journey Tester")
    page.get_by_role("textbox", name=re.compile("^Email")).fill(email)
    page.get_by_label("Facilitation practice").check()
    page.get_by_label(re.compile("I agree that my answers are stored")).check()
    page.get_by_role("button", name="Register").click()

    page.wait_for_url(lambda url: "/manage/" in url)
    assert page.get_by_role("heading", name="Your registration", exact=True).is_visible()
    assert page.get_by_text("you are on the waiting list").is_visible()
    assert page.get_by_text(re.compile(r"You are number \d+ on the waiting list")).is_visible()
    check_page(page)

    page.reload()  # a refresh shows the page again and submits nothing
    page.get_by_label("Dietary needs").fill("No nuts")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()

    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()
    assert page.get_by_text("Status: Cancelled").is_visible()
