"""A cache of whole public pages for anonymous visitors.

Only GET requests without a session or messages cookie (so nobody signed in and nobody with a
pending notice) are answered from the cache, and only plain 200 responses that set no cookie but
the CSRF one, show no notice and do not ask to stay private are stored. The key holds the host,
the scheme, the language the request asks for (its URL prefix, else what LocaleMiddleware would
choose: the language cookie or Accept-Language) and the full path with its query. The generation
number (generation.py) is stored with the page, not in its key: with Redis a hit reads both in one
round trip, and a page from an older generation is a miss that the new rendering replaces.

It sits right after WhiteNoise, before sessions, CSRF, authentication and the rest: a hit is
answered without them. A miss passes through all of them, so what is stored is the response with
every header they added (security headers, Content-Security-Policy, Vary, Content-Language,
X-Frame-Options), and a hit returns the same headers.

Pages with forms carry two values that belong to one visitor: the CSRF token and the signed
moment the form was shown (the spam time trap). They are stored as placeholders and filled in
fresh for every visitor, with Django's CSRF machinery setting the visitor's own CSRF cookie, so a
cached form still submits and no token is shared. Vary: Cookie on a stored page is about exactly
these cookies: a request with a session or a notice never reaches the cache.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_request

from home.spam import form_started_token
from pagecache import generation

HEADER = "X-Page-Cache"
FRESH_FIELDS = {
    b"csrfmiddlewaretoken": lambda request: get_token(request),
    b"form_started": lambda request: form_started_token(),
}
HIDDEN_VALUE = re.compile(rb'(<input type="hidden" name="(' + b"|".join(FRESH_FIELDS) + rb')" value=")[^"]*(")')
PLACEHOLDER = b"\x00pagecache\x00"
FILL = re.compile(re.escape(PLACEHOLDER) + rb"(" + b"|".join(FRESH_FIELDS) + rb")" + re.escape(PLACEHOLDER))
CSRF_PLACEHOLDER = PLACEHOLDER + b"csrfmiddlewaretoken" + PLACEHOLDER
# Recomputed on a hit: the filled-in values need not have the length of the stored ones.
NOT_STORED_HEADERS = {"content-length"}
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


def shows_a_notice(request):
    notices = getattr(request, "_messages", None)
    return notices is not None and len(notices) > 0


def storable(request, response):
    if response.status_code != 200 or response.streaming or shows_a_notice(request):
        return False
    # The CSRF cookie is the visitor's own and is set afresh on every hit; any other is someone's state.
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    return not PRIVATE_DIRECTIVES.search(response.get("Cache-Control", "")) and get_max_age(response) != 0


def cache_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{get_language_from_request(request, check_path=True)}:{digest}"


def pack(response, number):
    content = HIDDEN_VALUE.sub(rb"\1" + PLACEHOLDER + rb"\2" + PLACEHOLDER + rb"\3", response.content)
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in NOT_STORED_HEADERS]
    return {"generation": number, "status": response.status_code, "headers": headers, "content": content}


def rebuild(request, stored):
    content = stored["content"]
    csrf = CsrfViewMiddleware(lambda request: None) if CSRF_PLACEHOLDER in content else None
    if csrf is not None:
        # Reads the visitor's CSRF cookie, if any, so their token matches the cookie they hold.
        csrf.process_request(request)
    if PLACEHOLDER in content:
        content = FILL.sub(lambda match: FRESH_FIELDS[match.group(1)](request).encode(), content)
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(content))
    if csrf is not None:
        csrf.process_response(request, response)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = cache_key(request)
        number, stored = generation.current_and_cached(request, key)
        if stored is not None and stored.get("generation") == number:
            response = rebuild(request, stored)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and storable(request, response):
            cache.set(key, pack(response, number), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response
