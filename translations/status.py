"""How far each page is translated, in a fixed number of queries however many pages there are.

A page in a non-source locale is *translated* when it is live, is not an alias (the
untranslated copy locale synchronisation makes) and every string of its last synced
source has a translation. Anything else still shows English text, so the site says so,
marks it `lang="en"`, and leaves it out of `hreflang` alternates and the sitemap.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

SOURCE = "source"
ALIAS = "alias"
PARTIAL = "partial"
TRANSLATED = "translated"


def _count(queryset):
    return Coalesce(
        Subquery(queryset.values("source_id").annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        Value(0),
    )


def translated_string_exists(locale_ref):
    """Whether the segment (the outer row) has a translation in the locale `locale_ref` points to."""
    return Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_ref,
            has_error=False,
        )
    )


# A slug left as in English is no English text on the page: it does not count as untranslated.
NOT_TEXT = ["slug"]


def text_segments():
    return StringSegment.objects.exclude(context__path__in=NOT_TEXT)


def with_progress(translations):
    """Annotate a Translation queryset with `total_segments` and `translated_segments` (one query)."""
    segments = text_segments().filter(source_id=OuterRef("source_id"))
    translated = segments.filter(translated_string_exists(OuterRef(OuterRef("target_locale_id"))))
    return translations.annotate(total_segments=_count(segments), translated_segments=_count(translated))


def unfinished_translations():
    """{locale id: translation keys} of the translations that still have untranslated strings.

    Three grouped reads of the translation tables (a row per translated object, not per page),
    combined here: counting per translation in correlated subqueries cost a scan per row.
    """
    totals = dict(text_segments().values("source_id").annotate(n=Count("pk")).values_list("source_id", "n"))
    done = {
        (source_id, locale_id): n
        for source_id, locale_id, n in text_segments()
        .filter(string__translations__context=F("context"), string__translations__has_error=False)
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "string__translations__locale_id", "n")
    }
    keys = defaultdict(set)
    translations = Translation.objects.values_list("source_id", "target_locale_id", "source__object_id")
    for source_id, locale_id, key in translations:
        if done.get((source_id, locale_id), 0) < totals.get(source_id, 0):
            keys[locale_id].add(key)
    return keys


def readable_pages(pages):
    """Filter a Page queryset to the pages a visitor can read in their language.

    Leaves out aliases and pages whose translation still has untranslated strings. Runs one query
    (the unfinished translations) when called; the filter itself adds a condition per language.
    """
    unreadable = Q(pk__in=[])
    for locale_id, keys in unfinished_translations().items():
        unreadable |= Q(locale_id=locale_id, translation_key__in=keys)
    return pages.filter(alias_of__isnull=True).exclude(unreadable)


@dataclass
class PageState:
    state: str
    untranslated_fields: list = field(default_factory=list)

    @property
    def shows_english(self):
        return self.state in (ALIAS, PARTIAL)

    @property
    def all_english(self):
        return self.state == ALIAS


def page_state(page, language_codes=None):
    """The translation state of one page, with the fields still in English when only part is.

    `language_codes` ({locale id: language code}) spares reading the page's locale."""
    if page is None or not isinstance(page, Page):
        return PageState(SOURCE)
    language_code = language_codes[page.locale_id] if language_codes else page.locale.language_code
    if language_code == settings.LANGUAGE_CODE:
        return PageState(SOURCE)
    if page.alias_of_id:
        return PageState(ALIAS)
    translation = (
        with_progress(
            Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        )
        .order_by("-source__last_updated_at")
        .first()
    )
    if translation is None or translation.translated_segments >= translation.total_segments:
        return PageState(TRANSLATED)
    untranslated = (
        text_segments()
        .filter(source_id=translation.source_id)
        .exclude(translated_string_exists(page.locale_id))
        .values_list("context__path", flat=True)
    )
    fields = sorted({path.split(".")[0] for path in untranslated})
    return PageState(PARTIAL, fields)
