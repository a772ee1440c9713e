"""The learner's journey in Chromium: find a circle, sign up, leave; with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def sign_up(page, live_site, email):
    page.goto(live_site + "/en/circles/")
    page.get_by_label("City").select_option("Nakuru")
    page.get_by_label("Status").select_option("upcoming")
    page.get_by_role("button", name="Show circles").click()
    page.wait_for_url(lambda url: "city=Nakuru" in url)
    page.get_by_role("link", name="Start a small business").click()
    page.wait_for_url(lambda url: url.endswith("/en/knls/entrepreneurship-nakuru/"))
    page.get_by_label("Your name").fill("Wanjiru")
    page.get_by_label("Email").fill(email)
    page.get_by_label("What do you hope to achieve?").fill("Open a tailoring shop")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(lambda url: "/thanks/" in url)
    assert page.locator("h1").inner_text() == "You are signed up"


def test_signup_journey_with_javascript(live_site, browser_page, check_page):
    page = browser_page
    sign_up(page, live_site, "wanjiru.js@example.org")
    check_page(page)
    # Refreshing the thank-you page does not submit again.
    page.reload()
    assert page.locator("h1").inner_text() == "You are signed up"


def test_signup_journey_without_javascript_shows_errors_then_succeeds(live_site, nojs_page):
    page = nojs_page
    page.goto(live_site + "/en/knls/entrepreneurship-nakuru/")
    page.get_by_label("Your name").fill("Otieno")
    page.get_by_label("Email").fill("otieno@example.org")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("Please agree so that the facilitators can contact you.")).to_be_visible()
    assert page.get_by_label("Your name").input_value() == "Otieno"
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url(re.compile(r"/thanks/\?t="))
    assert page.locator("h1").inner_text() == "You are signed up"


def test_manage_link_lets_a_learner_leave(live_site, nojs_page):
    from circles import links
    from circles.models import LearningCirclePage, Signup

    circle = LearningCirclePage.objects.get(slug="entrepreneurship-nakuru", locale__language_code="en")
    signup = Signup.objects.filter(circle=circle, status="confirmed").exclude(email=None).first()
    nojs_page.goto(live_site + circle.url + f"signup/{links.manage_token(signup)}/")
    nojs_page.get_by_role("button", name="Leave this circle and remove my details").click()
    expect(nojs_page.get_by_text("your details have been removed")).to_be_visible()
    assert Signup.objects.get(pk=signup.pk).email is None


@pytest.mark.parametrize(
    "path",
    [
        "/en/circles/",
        "/sw/circles/",
        "/en/courses/",
        "/fr/courses/",
        "/en/knls/",
        "/sw/knls/",
        "/en/knls/public-speaking-buruburu/",
        "/en/chicago/negocio-chicago/",
        "/en/circles/?city=Nairobi&status=upcoming&open=1",
    ],
)
def test_circle_pages_are_accessible_and_valid(live_site, nojs_page, check_page, path):
    nojs_page.goto(live_site + path)
    check_page(nojs_page)
