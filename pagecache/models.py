"""The page cache's generation: one number, raised whenever anything a public page shows changes.

It lives in the database, not the cache: the raise commits with the change that caused it (so no
request can cache the old content under the new number), and every app server and worker sees it,
also when each keeps its own local-memory cache.
"""

from django.db import models
from django.db.models import F


class CacheGeneration(models.Model):
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("value", flat=True).first() or 0

    @classmethod
    def advance(cls):
        if not cls.objects.filter(pk=1).update(value=F("value") + 1):
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
