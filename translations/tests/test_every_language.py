"""Every page type renders in every language, translated or not yet."""

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page

from home.localize import translate

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def page_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label not in {"wagtailcore"}
    ]


@pytest.mark.parametrize("model", page_types(), ids=lambda model: model.__name__)
def test_every_page_type_renders_in_every_language(client, model):
    english = model.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    assert english is not None, f"the demo has no {model.__name__}"
    for code in LANGUAGE_CODES:
        page = english.get_translation_or_none(Locale.objects.get(language_code=code))
        if page is None:
            parent = english.get_parent().get_translation_or_none(Locale.objects.get(language_code=code))
            if parent is None:
                continue  # its parent is not translated yet, so neither can it be
            page = translate(english, code, {})  # started, still in English: the honest fallback shows
        page = page.specific
        if not page.live:
            page.get_latest_revision().publish()
            page.refresh_from_db()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{code}" dir="ltr">' in html
        if code != settings.LANGUAGE_CODE:
            translated = page.alias_of_id is None and "translation-notice" not in html
            assert translated or 'class="translation-notice"' in html


@pytest.mark.parametrize("code", ["sw", "es", "fr"])
def test_demo_translates_the_main_pages_fully(client, code):
    """The home page, guide, two chapters, resources, circles, gatherings and the upcoming gathering."""
    paths = {
        "home": "",
        "guide": "guide",
        "chapter": "guide/orient-yourself",
        "chapter2": "guide/join-the-global-community",
        "resources": "facilitate",
        "circles": "circles",
        "gatherings": "gatherings",
        "upcoming": "gatherings/nairobi-2027",
    }
    for name, slug in paths.items():
        english = Page.objects.get(url_path=f"/home/{slug}/" if slug else "/home/")
        page = english.get_translation(Locale.objects.get(language_code=code))
        html = client.get(page.url).content.decode()
        assert "translation-notice" not in html, name
        assert page.title != english.title or name == "upcoming", name
