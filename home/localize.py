"""Translating pages and snippets through wagtail-localize's own models.

The demo content and tests use this instead of copying pages by hand, so every
translation has a TranslationSource that translators can later update and sync.
"""

from django.db.models import Exists, OuterRef
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pagecache.generation import kept_until_changed


def translate(instance, language_code, strings, publish=True, user=None):
    """Create or update the `language_code` translation of `instance`.

    `strings` maps each source segment's text to its translation; segments left
    out keep the source text (wagtail-localize's fallback). Returns the translated
    object.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if not isinstance(instance, Page):
        translation.save_target(user=user, publish=True)
        return instance.get_translation(locale)
    # wagtail-localize defers publishing to the end of the transaction, and publishing a stale
    # copy of the page then overwrites tree fields changed since; publish the draft here instead.
    translation.save_target(user=user, publish=False)
    target = instance.get_translation(locale)
    if publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


# Locale synchronisation gives every English page an alias in each other language, and translating
# one turns it into a page of its own; all of them share the translation key. The original is
# the first of them, so whatever belongs to the thing itself (signups, registrations, RSVPs,
# reminders) hangs off that one page, whichever language a visitor used.


def original(page):
    """The page `page`'s aliases and translations were copied from (`page` itself if none)."""
    model = type(page)
    return model.objects.filter(translation_key=page.translation_key).order_by("pk").first() or page


def original_for_request(page, request):
    """`original(page)`, without a query where `page` is its own original: which page is the original
    changes only when content does, so it is kept until then."""
    model = type(page)
    key = f"original:{model._meta.label_lower}:{page.translation_key}"
    pk = kept_until_changed(request, key, lambda: original(page).pk)
    return page if pk == page.pk else original(page)


def originals(queryset):
    """`queryset` without aliases and translations: one row per page as its authors made it."""
    earlier = queryset.model.objects.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return queryset.exclude(Exists(earlier))
