from django import template
from django.conf import settings

from translations.glossary import check_translation

register = template.Library()


@register.simple_tag
def translation_glossary(page):
    """(agreed terms the page uses, mismatches) for a page being translated; nothing for the source or an alias."""
    if page is None or page.locale.language_code == settings.LANGUAGE_CODE or getattr(page, "alias_of_id", None):
        return [], []
    return check_translation(page)
