"""Dates with the weekday, in each language's own order (Django has no named format for it)."""

from datetime import UTC, datetime

from django import template
from django.utils.dateformat import format as date_format
from django.utils.text import capfirst
from django.utils.translation import get_language

register = template.Library()

# `l` is the weekday name and `F` the month name, both translated by Django's catalogues.
WEEKDAY_DATE_FORMATS = {
    "en": "l j F Y",
    "sw": r"l, j F Y",
    "es": r"l j \d\e F \d\e Y",
    "fr": "l j F Y",
}


@register.filter
def weekday_date(value):
    if not value:
        return ""
    language = (get_language() or "en").split("-")[0]
    # Spanish and French write weekdays in lower case; the date stands on its own here, so it starts a sentence.
    return capfirst(date_format(value, WEEKDAY_DATE_FORMATS.get(language, WEEKDAY_DATE_FORMATS["en"])))


@register.filter
def machine_datetime(value):
    """A `datetime` attribute value HTML accepts: whole seconds in UTC (Django's "c" adds microseconds)."""
    if not value:
        return ""
    if not isinstance(value, datetime):
        return value.isoformat()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
