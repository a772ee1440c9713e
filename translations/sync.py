"""Locale synchronisation: every content language's page tree follows the source language's.

wagtail-localize copies each English page that has no translation yet into the other trees as an
alias (an untranslated copy that follows the English page on every publish), so a new English page
appears at once under /sw/, /es/ and /fr/ for translators to translate. Copies are made when a page
is created in the admin; pages created in code (the demo, imports) are copied by running this again.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree


def synchronise_locale(code):
    """Make `code`'s tree follow the source language's, and copy what is missing from it now."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locale, created = Locale.objects.get_or_create(language_code=code)
    sync = LocaleSynchronization.objects.filter(locale=locale).first()
    if sync is None or sync.sync_from_id != source.pk:
        sync = sync or LocaleSynchronization(locale=locale)
        sync.sync_from = source
        sync.save()  # wagtail-localize copies the tree when the synchronisation is saved
    else:
        synchronize_tree(source, locale)
    return locale, created


def synchronise_all_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            synchronise_locale(code)
