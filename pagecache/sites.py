"""The Wagtail site of each request, looked up once per host until content changes.

Wagtail finds the site with a query of its own (and loads its root page) on every request, then loads
the root page again as its specific type to route from it. Sites change as rarely as pages, and saving
one raises the generation like any content (`wagtailcore` is a content app), so the site is kept with
the other parts of pages (`kept_until_changed`), its root page already specific.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from pagecache.generation import kept_until_changed


def _find(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() refuses a host outside ALLOWED_HOSTS (a 400), so only allowed hosts are kept.
        hostname = split_domain_port(request.get_host())[0]
        key = f"site:{hostname}:{request.get_port()}"
        request._wagtail_site = kept_until_changed(request, key, lambda: _find(request))
        return self.get_response(request)
