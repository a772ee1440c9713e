from collections import defaultdict

from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from translations.status import readable_pages


class MultilingualPageSitemap(Sitemap):
    """Every live, public page of every language, each listing its translations as alternates.

    Wagtail's own sitemap covers only the default language's tree. Alias pages (untranslated
    copies made by locale synchronisation) are left out: they show English text under another
    language's address. Served in parts of `limit` addresses behind a sitemap index.
    """

    limit = 500
    # What an address, its alternates and lastmod need: loading whole pages took most of the time.
    fields = [
        "id",
        "path",
        "depth",
        "url_path",
        "translation_key",
        "locale__language_code",
        "last_published_at",
        "latest_revision_created_at",
    ]

    def items(self):
        site = self.get_wagtail_site()
        in_site = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_site |= Q(path__startswith=root.path)
        # Aliases and half-translated pages show English text under another language's address.
        return (
            readable_pages(Page.objects.live().public().filter(in_site))
            .select_related("locale")
            .order_by("path")
            .only(*self.fields)
        )

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of every part.
        return self.items().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        addresses = {}
        for item in self.items().filter(translation_key__in={p.translation_key for p in pages}):
            translations[item.translation_key].append(item)
            addresses[item.pk] = item.get_full_url(self.request)
        urls = []
        for item in pages:
            versions = translations[item.translation_key]
            alternates = [
                {"lang_code": version.locale.language_code, "location": addresses[version.pk]} for version in versions
            ]
            urls.append(
                {
                    "item": item,
                    "location": addresses[item.pk],
                    "lastmod": self.lastmod(item),
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
