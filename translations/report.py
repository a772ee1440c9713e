"""Which translations need work, per locale, in a fixed number of queries.

wagtail-localize counts segments of the *last synced* source, so its own report
keeps saying "up to date" after the English page changed. Here a translation is
**stale** when its English page was published after its translation source was
last updated (synced), and **incomplete** when strings of that source have no
translation in the target locale yet.
"""

from django.conf import settings
from django.db.models import (
    Case,
    DateTimeField,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from home.roles import MODERATORS, reviewers_group_name, translators_group_name
from translations.status import with_progress

STALE = "stale"
INCOMPLETE = "incomplete"
STATUSES = (STALE, INCOMPLETE)


def _page_field(field_name, locale_ref):
    return Subquery(
        Page.objects.filter(translation_key=OuterRef("source__object_id"), locale_id=locale_ref).values(field_name)[:1]
    )


def page_translations(locale_ids=None, status=None):
    """Translations of pages with their progress, their English page and their translated page, newest change first."""
    translations = Translation.objects.filter(
        enabled=True,
        source__object_id__in=Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values(
            "translation_key"
        ),
    )
    if locale_ids is not None:
        translations = translations.filter(target_locale_id__in=locale_ids)
    rows = with_progress(translations).annotate(
        source_page_id=_page_field("pk", OuterRef("source__locale_id")),
        source_title=_page_field("title", OuterRef("source__locale_id")),
        source_published_at=_page_field("last_published_at", OuterRef("source__locale_id")),
        source_edited_at=_page_field("latest_revision_created_at", OuterRef("source__locale_id")),
        target_page_id=_page_field("pk", OuterRef("target_locale_id")),
        target_title=_page_field("title", OuterRef("target_locale_id")),
        target_edited_at=_page_field("latest_revision_created_at", OuterRef("target_locale_id")),
        synced_at=F("source__last_updated_at"),
        percent=Case(
            When(total_segments=0, then=Value(100.0)),
            default=ExpressionWrapper(100.0 * F("translated_segments") / F("total_segments"), FloatField()),
            output_field=FloatField(),
        ),
        is_stale=Case(
            When(source_published_at__gt=F("source__last_updated_at"), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        last_change=Case(
            When(source_edited_at__gt=F("target_edited_at"), then=F("source_edited_at")),
            default=F("target_edited_at"),
            output_field=DateTimeField(),
        ),
    )
    rows = rows.filter(target_page_id__isnull=False).select_related("target_locale")
    if status == STALE:
        rows = rows.filter(is_stale=1)
    elif status == INCOMPLETE:
        rows = rows.filter(translated_segments__lt=F("total_segments"))
    else:
        rows = rows.filter(Q(is_stale=1) | Q(translated_segments__lt=F("total_segments")))
    return rows.order_by("-is_stale", "target_locale__language_code", "source_title")


def locales_for(user):
    """The locales a user translates or reviews; staff who may publish anywhere see every translated locale."""
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return list(locales)
    groups = set(user.groups.values_list("name", flat=True))
    return [
        locale
        for locale in locales
        if translators_group_name(locale.language_code) in groups
        or reviewers_group_name(locale.language_code) in groups
    ]
