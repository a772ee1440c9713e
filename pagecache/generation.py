"""The generation number every cached page and fragment is keyed by: where it is read, how it is raised.

Every change raises the number in the database (`CacheGeneration`), inside the transaction of the
change, so it is the one signal every worker and server sees. Reading it costs a query per request.

Where the page cache is shared by all workers (Redis, `PAGE_CACHE_GENERATION_IN_CACHE`), requests read
a counter kept in that cache instead, and a change raises it twice: at once, and again when its
transaction commits. A page rendered between the two (from data not yet committed) is stored under a
number nobody reads any more. If the counter is lost (eviction, a flush), it starts again from the
clock, a number no stored page has. With a local-memory cache per worker there is no shared place
to put the counter, so the database is read.
"""

import time

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction

from pagecache.models import CacheGeneration

KEY = "generation"
REQUEST_ATTRIBUTE = "_page_cache_generation"
FRAGMENTS_ATTRIBUTE = "_page_cache_fragments"


def _shared_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _read():
    if not settings.PAGE_CACHE_GENERATION_IN_CACHE:
        return CacheGeneration.current()
    cache = _shared_cache()
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, time.time_ns(), timeout=None)
        value = cache.get(KEY)
    return value


def current(request=None):
    """The generation, read once per request."""
    if request is None:
        return _read()
    if not hasattr(request, REQUEST_ATTRIBUTE):
        setattr(request, REQUEST_ATTRIBUTE, _read())
    return getattr(request, REQUEST_ATTRIBUTE)


def current_and_cached(request, key):
    """The generation, and what the page cache holds under `key`.

    Where the counter lives in the page cache, both come back in one round trip."""
    cache = _shared_cache()
    if settings.PAGE_CACHE_GENERATION_IN_CACHE and not hasattr(request, REQUEST_ATTRIBUTE):
        found = cache.get_many([KEY, key])
        if KEY in found:
            setattr(request, REQUEST_ATTRIBUTE, found[KEY])
            return found[KEY], found.get(key)
    return current(request), cache.get(key)


def _raise_shared_counter():
    cache = _shared_cache()
    try:
        cache.incr(KEY)
    except ValueError:
        cache.add(KEY, time.time_ns(), timeout=None)


def advance():
    CacheGeneration.advance()
    if settings.PAGE_CACHE_GENERATION_IN_CACHE:
        _raise_shared_counter()
        transaction.on_commit(_raise_shared_counter)


def kept_until_changed(request, name, compute):
    """`compute()`, kept in the default cache until the next change to content (under this generation).

    Read from the cache once per request: a page asks for the same part (tag names, say) many times.
    """
    kept = request.__dict__.setdefault(FRAGMENTS_ATTRIBUTE, {}) if request is not None else {}
    if name in kept:
        return kept[name]
    key = f"fragment:{current(request)}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    kept[name] = value
    return value
