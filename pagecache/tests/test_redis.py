import os

import pytest
import redis

from pagecache.redis import PooledClientRedisCache

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_cache():
    cache = PooledClientRedisCache(REDIS_URL, {"KEY_PREFIX": "pooled-client-test"})
    try:
        cache.get("probe")
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield cache
    cache.delete_many(["kept", "counter"])


def test_one_client_serves_every_call_and_behaves_like_djangos(redis_cache, monkeypatch):
    built = []
    original = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    redis_cache.set("kept", {"page": b"<html>"}, 30)
    assert redis_cache.get("kept") == {"page": b"<html>"}
    assert redis_cache.get_many(["kept", "missing"]) == {"kept": {"page": b"<html>"}}
    redis_cache.set("counter", 1, 30)
    assert redis_cache.incr("counter") == 2
    # The fixture's first call built the client; Django's own would build one per call here.
    assert built == []
