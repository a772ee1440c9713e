from collections import defaultdict
from urllib.parse import quote

from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.timezone import localtime
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pagecache.generation import kept_until_changed
from translations.status import readable_pages


class MultilingualPageSitemap(Sitemap):
    """Every live, public page of every language, each listing its translations as alternates.

    Wagtail's own sitemap covers only the default language's tree. Alias pages (untranslated
    copies made by locale synchronisation) are left out: they show English text under another
    language's address. Served in parts of `limit` addresses behind a sitemap index.

    Addresses are worked out from rows, not pages: a part lists hundreds of pages and their translations,
    and building a page object and reversing its URL for each took most of the time. A page's
    address is its language's home address followed by the rest of its `url_path`, which is what
    `Page.get_full_url` gives for a page under the site's root in that language.
    """

    limit = 200

    def _homes(self):
        """{home path: (home url_path, full address, language code)} for the site's root in each language."""
        if not hasattr(self, "_home_rows"):
            site = self.get_wagtail_site()
            homes = site.root_page.get_translations(inclusive=True).select_related("locale")
            self._home_rows = {
                home.path: (home.url_path, home.get_full_url(self.request), home.locale.language_code) for home in homes
            }
            # The homes are siblings: a page's home is the start of its path, this long.
            self._home_path_length = len(site.root_page.path)
        return self._home_rows

    def items(self):
        if not hasattr(self, "_items_queryset"):
            in_site = Q()
            for path in self._homes():
                in_site |= Q(path__startswith=path)
            # Aliases and half-translated pages show English text under another language's address.
            self._items_queryset = (
                readable_pages(Page.objects.live().public().filter(in_site))
                .order_by("path")
                .values_list("path", "url_path", "translation_key", "last_published_at", "latest_revision_created_at")
            )
        return self._items_queryset.all()

    def lastmod(self, row):
        return row[3] or row[4]

    def _kept(self, name, compute):
        """What the sitemap shows changes only with content: each part is worked out once until then."""
        return kept_until_changed(self.request, f"sitemap:{self.get_wagtail_site().pk}:{name}", compute)

    def _count(self):
        return self._kept("count", lambda: self.items().count())

    @property
    def paginator(self):
        # The sitemap index only asks how many parts there are.
        return Paginator(range(self._count()), self.limit)

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of every part.
        return self._kept(
            "latest",
            lambda: self.items().aggregate(latest=Max(Coalesce("last_published_at", "latest_revision_created_at")))[
                "latest"
            ],
        )

    def _address(self, path, url_path):
        """(full address, language code) of the page at `path`."""
        home_url_path, home_address, language_code = self._homes()[path[: self._home_path_length]]
        rest = quote(url_path[len(home_url_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
        return home_address + rest, language_code

    def _urls(self, page, protocol, domain):
        part = self._kept(f"part:{page}", lambda: self._part(page))
        if part["latest"]:
            self.latest_lastmod = part["latest"]
        return part["urls"]

    def _part(self, page):
        paginator = Paginator(self.items(), self.limit)
        paginator.count = self._count()
        rows = list(paginator.page(page).object_list)
        # The part's pages and their translations, each page's address worked out once.
        addresses, versions = {}, defaultdict(list)
        in_part = self.items().filter(translation_key__in={row[2] for row in rows})
        for path, url_path, key in in_part.values_list("path", "url_path", "translation_key"):
            addresses[path], language_code = self._address(path, url_path)
            versions[key].append({"lang_code": language_code, "location": addresses[path]})
        urls = []
        for row in rows:
            alternates = versions[row[2]]
            lastmod = self.lastmod(row)
            urls.append(
                {
                    "location": addresses[row[0]],
                    "lastmod": lastmod,
                    "day": localtime(lastmod).date().isoformat() if lastmod else "",
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        return {"urls": urls, "latest": max(lastmods) if lastmods else None}
