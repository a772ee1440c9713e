"""sw, es and fr follow the English tree: untranslated English pages appear there as copies to translate."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db
OTHER_LANGUAGES = ("sw", "es", "fr")


def test_every_english_page_has_a_page_in_every_other_language():
    english = set(
        Page.objects.filter(locale__language_code="en", depth__gt=1).values_list("translation_key", flat=True)
    )
    for code in OTHER_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert LocaleSynchronization.objects.get(locale=locale).sync_from.language_code == "en"
        keys = set(Page.objects.filter(locale=locale).values_list("translation_key", flat=True))
        assert english <= keys, f"missing in {code}"


def test_the_demo_translates_some_pages_and_leaves_the_rest_as_copies():
    kiswahili = Page.objects.filter(locale__language_code="sw")
    assert kiswahili.filter(alias_of__isnull=True).count() >= 8  # home, guide, chapters, indexes, gathering...
    assert kiswahili.filter(alias_of__isnull=False).exists()


def test_an_untranslated_copy_follows_the_english_page_and_says_it_is_english(client):
    english_home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=english_home, slug="opening-hours", title="Opening hours", intro="Mondays.")
    page.save_revision().publish()
    call_command("load_demo", verbosity=0)  # pages made in code get their copies when the demo runs again
    copy = Page.objects.get(translation_key=page.translation_key, locale__language_code="sw").specific
    assert copy.alias_of_id == page.pk
    html = client.get(copy.url).content.decode()
    assert "Mondays." in html and 'lang="en"' in html
    page.intro = "Mondays and Thursdays."
    page.save_revision().publish()
    assert "Mondays and Thursdays." in client.get(copy.url).content.decode()
