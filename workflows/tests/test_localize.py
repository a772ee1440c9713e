"""Translation review holds: translators submit drafts, only the locale's reviewers publish."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from guides.models import GuideChapterPage
from home.models import HomePage, StandardPage
from workflows.tests.helpers import denied, emails_to, fresh, login, user, workflow_action

pytestmark = pytest.mark.django_db


def synced_chapter(code="sw"):
    """A translated chapter with no review yet (the demo submits one of them already)."""
    locale = Locale.objects.get(language_code=code)
    for chapter in GuideChapterPage.objects.filter(locale=locale).order_by("path"):
        synced = Translation.objects.filter(
            source__object_id=chapter.translation_key, target_locale=locale, enabled=True
        ).exists()
        if synced and not WorkflowState.objects.for_instance(chapter).exists():
            return chapter
    raise AssertionError("no synced chapter")


def translation_of(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale, enabled=True)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_translator_submits_a_draft_for_the_locales_review(client):
    chapter = synced_chapter()
    live_revision = chapter.live_revision_id
    login(client, "translator-sw")
    editor = client.get(edit_url(chapter)).content.decode()
    assert "Submit for review in" in editor
    assert denied(client.post(edit_url(chapter), {"action": "publish"}))
    assert fresh(chapter).live_revision_id == live_revision
    response = client.post(edit_url(chapter), {"action": "submit-for-review"})
    assert response.status_code == 302
    chapter = fresh(chapter)
    assert chapter.workflow_in_progress
    assert chapter.live_revision_id == live_revision
    assert chapter.latest_revision_id != live_revision
    assert emails_to(user("reviewer-sw"))
    assert not emails_to(user("translator-es"))
    assert not emails_to(user("moderator"))
    # Nobody else may act on it: not the Spanish translator, not a moderator.
    for username in ("translator-es", "moderator", "translator-sw"):
        login(client, username)
        assert denied(workflow_action(client, chapter, "approve")), username
    login(client, "reviewer-sw")
    assert "Submit for review in" not in client.get(edit_url(chapter)).content.decode()


def test_reviewer_needs_a_reason_to_approve_untranslated_text(client):
    chapter = synced_chapter()
    translation = translation_of(chapter)
    # One string loses its translation: the reviewer may not simply approve.
    segment = translation.source.stringsegment_set.first()
    StringTranslation.objects.filter(translation_of=segment.string, locale=chapter.locale).delete()
    login(client, "translator-sw")
    client.post(edit_url(chapter), {"action": "submit-for-review"})
    chapter = fresh(chapter)
    assert chapter.workflow_in_progress
    login(client, "reviewer-sw")
    assert "Approve with untranslated text" in client.get("/admin/").content.decode()
    assert denied(workflow_action(client, chapter, "approve"))
    workflow_action(client, chapter, "approve_with_reason", comment="")
    assert fresh(chapter).workflow_in_progress
    # Publishing directly from the translation editor is refused too.
    response = client.post(edit_url(chapter), {"action": "publish"})
    assert response.status_code == 302
    assert fresh(chapter).live_revision_id != fresh(chapter).latest_revision_id
    response = workflow_action(client, chapter, "approve_with_reason", comment="The quote stays in English.")
    assert response.status_code == 302
    chapter = fresh(chapter)
    assert not chapter.workflow_in_progress
    assert chapter.live_revision_id == chapter.latest_revision_id
    history = client.get(reverse("wagtailadmin_pages:history", args=[chapter.pk])).content.decode()
    assert "The quote stays in English." in history


def test_reviewer_approves_a_complete_translation(client):
    chapter = synced_chapter()
    translation = translation_of(chapter)
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=chapter.locale,
            context=segment.context,
            defaults={"data": segment.string.data + " (sw)"},
        )
    login(client, "translator-sw")
    client.post(edit_url(chapter), {"action": "submit-for-review"})
    login(client, "reviewer-sw")
    assert workflow_action(client, fresh(chapter), "approve").status_code == 302
    chapter = fresh(chapter)
    assert chapter.live_revision_id == chapter.latest_revision_id


def new_english_page():
    home = HomePage.objects.get(locale=Locale.get_default())
    page = StandardPage(title="Volunteer with us", slug="volunteer", intro="Help run a circle.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_translate_this_page_offers_only_the_translators_own_locale(client):
    page = new_english_page()
    sw, fr = Locale.objects.get(language_code="sw"), Locale.objects.get(language_code="fr")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    login(client, "translator-sw")
    form = client.get(url).content.decode()
    assert f'value="{sw.pk}"' in form
    assert f'value="{fr.pk}"' not in form
    response = client.post(url, {"locales": [fr.pk]})
    assert response.status_code == 200
    assert page.get_translation_or_none(fr) is None
    response = client.post(url, {"locales": [sw.pk]})
    assert response.status_code == 302
    translated = page.get_translation(sw)
    assert not translated.live


def live_revisions(source_page):
    return {p.locale.language_code: p.live_revision_id for p in source_page.get_translations().select_related("locale")}


@pytest.mark.parametrize("username", ["translator-sw", "reviewer-sw", "moderator", "translator-es"])
def test_sync_never_publishes_where_the_user_may_not(client, username):
    chapter = HomePage.objects.get(locale=Locale.get_default())  # translated into every language
    before = live_revisions(chapter)
    source = TranslationSource.objects.get_for_instance(chapter)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    login(client, username)
    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    after = live_revisions(chapter)
    for code in ("es", "fr"):
        assert after[code] == before[code], (username, code)
    if username != "reviewer-sw":
        assert after["sw"] == before["sw"]
