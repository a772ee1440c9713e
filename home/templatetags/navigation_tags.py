from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from home.models import FooterText, SiteSettings
from translations.status import readable_pages

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    if root is None:
        return {"home": None, "items": [], "current": current}
    home = root.localized
    items = home.get_children().live().public().in_menu()
    return {"home": home, "items": items, "current": current, "request": request}


def language_links(context):
    """One entry per language: the same page in that language, else that language's home page."""
    if "_language_links" in context:
        return context["_language_links"]
    request = context["request"]
    page = context.get("page")
    root = _site_root(request)
    locale_ids = {locale.language_code: locale.id for locale in Locale.objects.all()}
    homes = {}
    if root is not None:
        homes = {p.locale_id: p for p in root.get_translations(inclusive=True).live()}
    translations = {}
    if isinstance(page, Page):
        # Only versions a visitor can read in that language: aliases and half-done translations still show English.
        translations = {p.locale_id: p for p in readable_pages(page.get_translations(inclusive=True).live())}
    active = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        locale_id = locale_ids.get(code)
        target = translations.get(locale_id)
        fallback = homes.get(locale_id)
        chosen = target or fallback
        links.append(
            {
                "code": code,
                "name": name,
                "url": chosen.get_url(request) if chosen else f"/{code}/",
                "full_url": target.get_full_url(request) if target else "",
                "is_current": code == active,
                "is_translation": target is not None,
            }
        )
    context["_language_links"] = links
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    links = [link for link in language_links(context) if link["is_translation"]]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"links": links if len(links) > 1 else [], "default": default}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    """The footer text in the active language and the footer pages' translations."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    active = get_language()
    texts = {text.locale.language_code: text for text in FooterText.objects.select_related("locale")}
    pages = [site_settings.accessibility_page, site_settings.privacy_page]
    return {
        "footer": texts.get(active) or texts.get(settings.LANGUAGE_CODE),
        "site_settings": site_settings,
        "pages": [page.localized for page in pages if page is not None and page.live],
        "request": request,
    }
