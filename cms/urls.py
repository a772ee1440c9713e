from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api_router
from search import views as search_views
from search.sitemaps import MultilingualPageSitemap

SITEMAPS = {"pages": MultilingualPageSitemap}


def page_calendar(request, page_path):
    """Serve `<page>/calendar.ics` through the page's own route: Wagtail's page URLs allow no dot."""
    return wagtail_views.serve(request, page_path + "calendar.ics/")


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_part"}, name="sitemap"
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "search/sitemap_part.xml"},
        name="sitemap_part",
    ),
    path("robots.txt", search_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.BENCH_REFERENCE_VIEW:
    from bench.views import minimal

    urlpatterns.append(path("bench/minimal/", minimal))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("team-invitation/", include("dashboard.urls")),
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$", page_calendar, name="page_calendar"),
    path("", include(wagtail_urls)),
)
