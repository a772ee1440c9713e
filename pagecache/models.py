"""The page cache's generation: one number, raised whenever anything a public page shows changes.

It lives in the database, not the cache: the raise commits with the change that caused it (so no
request can cache the old content under the new number), and every app server and worker sees it,
also when each keeps its own local-memory cache.
"""

from django.db import connections, models, router
from django.db.models import F


class CacheGeneration(models.Model):
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    @classmethod
    def current(cls):
        # Read on every request, cache hits included: a plain statement costs a fraction of an ORM query.
        connection = connections[router.db_for_read(cls)]
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM pagecache_cachegeneration WHERE id = %s", [1])
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def advance(cls):
        if not cls.objects.filter(pk=1).update(value=F("value") + 1):
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
