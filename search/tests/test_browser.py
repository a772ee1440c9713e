"""Searching the site in Chromium with JavaScript off, and the story pages' accessibility."""

import pytest

pytestmark = pytest.mark.browser


def test_search_from_the_header_filter_by_section_and_open_a_result(live_site, nojs_page, check_page):
    page = nojs_page
    page.goto(live_site + "/en/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_label("Search the site").fill("learning circle")
    header_search.get_by_role("button", name="Search").click()
    page.wait_for_url(lambda url: url.startswith(live_site + "/en/search/?q=learning+circle"))
    assert page.get_by_role("status").inner_text().endswith("results for “learning circle”")
    check_page(page)

    page.get_by_role("link", name="Blog posts (").click()
    page.wait_for_url(lambda url: "section=" in url)
    sections = page.locator(".result-section").all_inner_texts()
    assert sections and set(sections) == {"BLOG POST"}
    first = page.locator(".results h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(lambda url: "/en/blog/" in url)
    assert page.locator("h1").inner_text() == title


def test_a_kiswahili_search_stays_in_kiswahili(live_site, nojs_page, check_page):
    page = nojs_page
    page.goto(live_site + "/sw/")
    header_search = page.get_by_role("banner").get_by_role("search")
    header_search.get_by_role("searchbox").fill("duara")
    header_search.get_by_role("button").click()
    page.wait_for_url(lambda url: url.startswith(live_site + "/sw/search/"))
    hrefs = page.locator(".results h2 a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs
    assert all(href.startswith("/sw/") for href in hrefs)
    check_page(page)


@pytest.mark.parametrize(
    "path", ["/en/blog/", "/en/blog/what-is-a-learning-circle/", "/sw/blog/", "/en/search/?q=zzzzqqq", "/en/search/"]
)
def test_story_and_search_pages_are_accessible_and_valid(live_site, nojs_page, check_page, path):
    response = nojs_page.goto(live_site + path)
    assert response.status == 200
    check_page(nojs_page)
