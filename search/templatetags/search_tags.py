import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

MIN_TERM_LENGTH = 2


@register.filter
def highlight(text, query):
    """Escape `text` and wrap each word of `query` found in it in <mark>."""
    text = escape(text or "")
    terms = {term for term in re.findall(r"\w+", query or "") if len(term) >= MIN_TERM_LENGTH}
    if not terms:
        return mark_safe(text)  # noqa: S308 - escaped above
    longest_first = sorted((re.escape(escape(term)) for term in terms), key=len, reverse=True)
    pattern = re.compile("|".join(longest_first), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", text))  # noqa: S308


@register.filter
def section_name(page):
    return page.specific_class._meta.verbose_name if page.specific_class else ""


@register.filter
def summary(page):
    return page.search_description or getattr(page, "intro", "") or getattr(page, "summary", "") or ""
