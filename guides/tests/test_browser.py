"""Reading the guide and filtering resources in Chromium, checked with axe and the HTML checker."""

import pytest

pytestmark = pytest.mark.browser


def test_read_the_guide_chapter_by_chapter_then_print_it(live_site, nojs_page, check_page):
    page = nojs_page
    page.goto(live_site + "/en/guide/")
    assert page.locator("h1").inner_text() == "Organizer guide"
    check_page(page)

    page.get_by_role("link", name="Gather a team").click()
    page.wait_for_url(live_site + "/en/guide/gather-a-team/")
    assert "Step 2" in page.locator(".guide-chapter__kicker").inner_text()
    check_page(page)

    page.locator(".toc").get_by_role("link", name="Reach out to potential facilitators").click()
    page.wait_for_url(lambda url: url.endswith("#reach-out-to-potential-facilitators"))

    page.get_by_role("navigation", name="Chapters").get_by_role("link", name="Onboard facilitators").click()
    page.wait_for_url(live_site + "/en/guide/onboard-facilitators/")
    assert page.locator(".agenda__total").inner_text() == "2 hours"
    check_page(page)

    page.get_by_role("link", name="Print the whole guide").click()
    page.wait_for_url(live_site + "/en/guide/print/")
    headings = page.locator(".guide-print__chapter > h2").all_inner_texts()
    assert headings[1:] == [
        "Orient yourself to P2PU",
        "Gather a team",
        "Onboard facilitators",
        "Support your facilitators",
        "Grow your programme",
        "Participate in the global community",
    ]
    check_page(page)

    # Printing: no navigation, a page break before each chapter, link targets written out.
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".guide-print__chapter").nth(2).evaluate("e => getComputedStyle(e).breakBefore") == "page"
    link_after = page.locator('.guide-print__chapter a[href^="https://community"]').first.evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert "https://community.p2pu.org" in link_after


def test_filter_resources_without_javascript(live_site, nojs_page, check_page):
    page = nojs_page
    page.goto(live_site + "/en/facilitate/")
    check_page(page)
    page.get_by_role("navigation", name="What do you need?").get_by_role("link", name="Promote and assess").click()
    page.wait_for_url(lambda url: url.endswith("/en/facilitate/?topic=promote"))
    page.get_by_role("navigation", name="Kind of resource").get_by_role("link", name="Activity").click()
    page.wait_for_url(lambda url: url.endswith("/en/facilitate/?topic=promote&kind=activity"))
    titles = page.locator(".resource-card h3").all_inner_texts()
    assert titles == ["Find out what your community wants to learn with the Q-method"]
    assert page.locator("#results-heading").inner_text() == "1 resource"
    check_page(page)

    page.get_by_role("link", name="Find out what your community wants to learn with the Q-method").click()
    assert page.locator("h1").inner_text() == "Find out what your community wants to learn with the Q-method"
    check_page(page)


def test_copy_the_sample_email_with_javascript(live_site, chromium):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_site + "/en/guide/gather-a-team/")
    button = page.get_by_role("button", name="Copy this email")
    assert button.is_visible()
    button.click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Would you help start learning circles at our library?")
    assert "Hi there," in copied
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/sw/guide/",
        "/sw/guide/orient-yourself/",
        "/sw/guide/print/",
        "/fr/facilitate/",
        "/sw/facilitate/plus-delta-activity/",
        "/es/facilitate/?topic=reflect",
    ],
)
def test_guide_and_resources_in_other_languages_are_accessible_and_valid(live_site, nojs_page, check_page, path):
    nojs_page.goto(live_site + path)
    assert nojs_page.locator("html").get_attribute("lang") == path.split("/")[1]
    check_page(nojs_page)
