"""A translator submits from the translation editor in Chromium; the review section passes axe.

Only the section this app adds to wagtail-localize's editor is checked with axe (the rest is Wagtail's
and wagtail-localize's own markup); the admin needs a logged-in session, which check_page has not.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from conftest import AXE_TAGS
from guides.models import GuideChapterPage

pytestmark = pytest.mark.browser

PASSWORD = "a-browser-test-password"


def untouched_sw_chapter():
    sw = Locale.objects.get(language_code="sw")
    for chapter in GuideChapterPage.objects.filter(locale=sw).order_by("-path"):
        synced = Translation.objects.filter(source__object_id=chapter.translation_key, target_locale=sw, enabled=True)
        if synced.exists() and not WorkflowState.objects.for_instance(chapter).exists():
            return chapter
    raise AssertionError("no synced Kiswahili chapter")


def test_translator_submits_for_review_from_the_translation_editor(live_site, browser_page):
    from axe_playwright_python.sync_playwright import Axe

    translator = get_user_model().objects.get(username="translator-sw")
    translator.set_password(PASSWORD)
    translator.save()
    chapter = untouched_sw_chapter()
    page = browser_page
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("translator-sw")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_site}/admin/")
    page.goto(f"{live_site}/admin/pages/{chapter.pk}/edit/")
    section = page.locator("section[aria-labelledby=translation-review-heading]")
    assert section.count() == 1
    results = Axe().run(
        page,
        context="section[aria-labelledby=translation-review-heading]",
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}},
    )
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Submit for review in").click()
    page.wait_for_load_state("load")
    assert "awaiting review" in page.locator("section[aria-labelledby=translation-review-heading]").inner_text()
    assert WorkflowState.objects.for_instance(chapter).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
