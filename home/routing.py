"""Routing from a home page in two queries, whatever the depth of the page.

Wagtail walks the tree one level at a time, two queries a level (the child by its slug, then its
specific type). Which page a path names changes only when content does, so it is kept with the
other parts of pages under the content generation: one cache read, then the page itself. What
follows the deepest page the path names (a routable page's own views) is routed by that page as
usual, and only paths that page serves are kept: made-up addresses (404s) add nothing to the cache.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from pagecache import generation

# Deeper paths than any page of the site are routed the usual way.
MAX_COMPONENTS = 8


def _answers_itself(model, live, rest):
    """Whether a page on the way answers the rest of the path with one of its own routes."""
    if not (live and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Http404:
        return False
    return True


def _page_to_route_from(home, components):
    """(pk, content type id, components it takes) of the page that routes the rest of the path, or None.

    That is the deepest page the path names, unless a live routable page on the way has a route of
    its own for the rest (Wagtail's routing tries those before the page's children)."""
    addresses = [home.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]
    pages = Page.objects.filter(path__startswith=home.path, depth__gt=home.depth, url_path__in=addresses)
    found = None
    rows = pages.order_by("depth").values_list("pk", "content_type_id", "depth", "live")
    for pk, content_type_id, depth, live in rows:
        taken = depth - home.depth
        found = pk, content_type_id, taken
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        if taken < len(components) and _answers_itself(model, live, components[taken:]):
            break
    return found


def route_from_home(home, request, components):
    """The route result for `components` below `home`, or None where Wagtail's own routing should decide."""
    if not components or len(components) > MAX_COMPONENTS:
        return None
    address = hashlib.sha256("/".join(components).encode()).hexdigest()
    key = f"route:{generation.current(request)}:{home.pk}:{address}"
    found = cache.get(key)
    kept = found is not None
    if not kept:
        found = _page_to_route_from(home, components)
        if found is None:
            return None
    pk, content_type_id, taken = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.select_related("locale").filter(pk=pk).first() if model else None
    if page is None:
        return None
    result = page.route(request, components[taken:])  # raises Http404 for what the page does not serve
    if not kept:
        cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return result
