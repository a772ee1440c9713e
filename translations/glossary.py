"""Glossary checks: which agreed terms a translation uses, and where it renders one differently."""

import re
from dataclasses import dataclass

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from translations.models import GlossaryTerm


@dataclass
class Mismatch:
    term: GlossaryTerm
    source_text: str
    translated_text: str


def _contains(text, phrase):
    return re.search(rf"(?<!\w){re.escape(phrase)}", text, re.IGNORECASE) is not None


def check_translation(page):
    """(terms the page's English uses, mismatches) for a translated page; a fixed number of queries."""
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .order_by("-source__last_updated_at")
        .first()
    )
    if translation is None:
        return [], []
    terms = list(GlossaryTerm.objects.filter(locale_id=page.locale_id))
    if not terms:
        return [], []
    segments = StringSegment.objects.filter(source_id=translation.source_id).select_related("string")
    translated = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=page.locale_id, translation_of__segments__source_id=translation.source_id
        )
    }
    used, mismatches = {}, []
    for segment in segments:
        english = segment.string.data
        for term in terms:
            if not _contains(english, term.term):
                continue
            used[term.pk] = term
            text = translated.get((segment.string_id, segment.context_id))
            if text and not _contains(text, term.translation):
                mismatches.append(Mismatch(term, english, text))
    return list(used.values()), mismatches
