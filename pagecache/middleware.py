"""A cache of whole public pages for anonymous visitors.

Only GET requests without a session or messages cookie (so nobody signed in and nobody with a
pending notice) are answered from the cache, and only plain 200 responses that set no cookie and
do not ask to stay private are stored. The key holds the generation number (see invalidation.py),
the host, the scheme, the active language and the full path with its query.

Pages with forms carry two values that belong to one visitor: the CSRF token and the signed
moment the form was shown (the spam time trap). They are stored as placeholders and filled in
fresh for every visitor, so a cached form still submits, and no token is shared.

It sits last in MIDDLEWARE: on a hit every other middleware still runs on the way out (the CSRF
cookie, security headers, the Content-Security-Policy).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_max_age
from django.utils.translation import get_language

from home.spam import form_started_token
from pagecache.models import CacheGeneration

HEADER = "X-Page-Cache"
FRESH_FIELDS = {
    b"csrfmiddlewaretoken": lambda request: get_token(request),
    b"form_started": lambda request: form_started_token(),
}
HIDDEN_VALUE = re.compile(rb'(<input type="hidden" name="(' + b"|".join(FRESH_FIELDS) + rb')" value=")[^"]*(")')
PLACEHOLDER = b"\x00pagecache\x00"
FILL = re.compile(re.escape(PLACEHOLDER) + rb"(" + b"|".join(FRESH_FIELDS) + rb")" + re.escape(PLACEHOLDER))
NOT_STORED_HEADERS = {"set-cookie", "content-length"}
PRIVATE_DIRECTIVES = re.compile(r"\b(private|no-store|no-cache)\b")


def eligible(request):
    if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDE_PREFIXES)):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A session means a signed-in user or a visitor with state of their own; messages are theirs alone.
    return not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages"))


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if PRIVATE_DIRECTIVES.search(response.get("Cache-Control", "")) or get_max_age(response) == 0:
        return False
    return "cookie" not in response.get("Vary", "").lower()


def cache_key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation}:{get_language()}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = cache_key(request, CacheGeneration.current())
        stored = cache.get(key)
        if stored is not None:
            response = self.rebuild(request, stored)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            cache.set(key, self.pack(response), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def pack(response):
        content = HIDDEN_VALUE.sub(rb"\1" + PLACEHOLDER + rb"\2" + PLACEHOLDER + rb"\3", response.content)
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in NOT_STORED_HEADERS]
        return {"status": response.status_code, "headers": headers, "content": content}

    @staticmethod
    def rebuild(request, stored):
        content = stored["content"]
        if PLACEHOLDER in content:
            content = FILL.sub(lambda match: FRESH_FIELDS[match.group(1)](request).encode(), content)
        response = HttpResponse(content, status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return response
