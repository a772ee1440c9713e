"""The frame of every page: main menu, language links and footer.

What they show is the same for every page of a site in a language (or, for the language links, for
every visitor of a page), so it is computed once and kept in the cache until the next change to
content (`pagecache.generation.kept_until_changed`); only what marks the current page is worked out
per request.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.models import FooterText, SiteSettings
from pagecache.generation import current, kept_until_changed
from translations.status import readable_pages
from translations.templatetags.translation_tags import untranslated_lang

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


@register.simple_tag(takes_context=True)
def site_version(context):
    """The site and the generation of its content: what a cached fragment of the frame depends on."""
    request = context["request"]
    site = _site(request)
    return f"{site.pk if site else 0}-{current(request)}"


def _homes(request, site):
    """The URL of each language's home page of the site: {language code: url}."""

    def compute():
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    return kept_until_changed(request, f"homes:{site.pk}", compute)


def _menu(request, site):
    """The active language's home page and its children shown in menus, as (id, path, title, url)."""

    def compute():
        home = site.root_page.localized
        items = home.get_children().live().public().in_menu()
        return [(page.pk, page.path, page.title, page.get_url(request)) for page in [home, *items]]

    return kept_until_changed(request, f"menu:{site.pk}:{get_language()}", compute)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = _site(request)
    current_page = context.get("page")
    if site is None:
        return {"home": None, "items": []}
    current_path = current_page.path if isinstance(current_page, Page) else None
    entries = [
        {
            "title": title,
            "url": url,
            "is_current": path == current_path,
            "is_ancestor": current_path is not None and current_path.startswith(path) and path != current_path,
        }
        for _pk, path, title, url in _menu(request, site)
    ]
    return {"home": entries[0], "items": entries[1:]}


@register.simple_tag(takes_context=True)
def home_sections(context):
    """The home page's cards: the sections the main menu lists, with their introductions, kept like the menu."""
    request = context["request"]
    page = context["page"]

    def compute():
        children = page.get_children().live().public().in_menu().specific()
        return [
            {
                "title": section.title,
                "url": section.get_url(request),
                "intro": getattr(section, "intro", ""),
                "lang": untranslated_lang(section),
            }
            for section in children
        ]

    return kept_until_changed(request, f"home-sections:{page.pk}", compute)


def _translations(request, site, page):
    """The versions of a page a visitor can read in their language: {language code: (url, full url)}."""

    def compute():
        # Aliases and half-done translations still show English: they are not offered as translations.
        versions = readable_pages(page.get_translations(inclusive=True).live()).select_related("locale")
        return {p.locale.language_code: (p.get_url(request), p.get_full_url(request)) for p in versions}

    return kept_until_changed(request, f"translations:{site.pk}:{page.pk}", compute)


def language_links(context):
    """One entry per language: the same page in that language, else that language's home page."""
    if "_language_links" in context:
        return context["_language_links"]
    request = context["request"]
    page = context.get("page")
    site = _site(request)
    homes = _homes(request, site) if site else {}
    translations = _translations(request, site, page) if site and isinstance(page, Page) else {}
    active = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        home_url = homes.get(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": target[0] if target else home_url or f"/{code}/",
                "full_url": target[1] if target else "",
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


def _readable(page):
    """A page the site settings point to, in the active language (the original where it is not
    translated), or None if it is not published."""
    return page.localized if page is not None and page.live else None


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
        "pages": [page for page in map(_readable, pages) if page is not None],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The privacy notice in the active language (the original where it is not translated), or ''."""
    request = context["request"]
    site = _site(request)

    def compute():
        page = _readable(SiteSettings.for_request(request).privacy_page)
        return page.get_url(request) if page is not None else ""

    return kept_until_changed(request, f"privacy-notice:{site.pk if site else 0}:{get_language()}", compute)
