from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from pagecache.generation import kept_until_changed
from translations.status import page_state
from translations.tag_names import cached_tag_names

register = template.Library()


def _language_codes():
    return dict(Locale.objects.values_list("pk", "language_code"))


@register.simple_tag(takes_context=True)
def page_translation_state(context):
    """The current page's translation state, computed once per request (see translations.status)."""
    if "_page_translation_state" not in context:
        request = context.get("request")
        codes = kept_until_changed(request, "locale-codes", _language_codes)
        context["_page_translation_state"] = page_state(context.get("page"), codes)
    return context["_page_translation_state"]


@register.simple_tag(takes_context=True)
def lang_if_untranslated(context, field_name):
    """` lang="en"` on an element whose field is still in English on a partly translated page."""
    if field_name in page_translation_state(context).untranslated_fields:
        return mark_safe(' lang="en"')
    return ""


@register.filter
def untranslated_lang(page):
    """` lang="en"` on a listed page that is an untranslated copy (an alias) of an English page."""
    if getattr(page, "alias_of_id", None):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag(takes_context=True)
def tag_name(context, slug, name):
    """A tag's name in the active language, else `name`; the names are kept until content changes."""
    return cached_tag_names(context.get("request")).get(slug, name)
