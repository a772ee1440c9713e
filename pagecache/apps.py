from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from pagecache import invalidation

        invalidation.connect()
        # A release runs `migrate`: what the old code cached (pages, fragments, kept answers) is not read again.
        post_migrate.connect(invalidation.advance, sender=self, dispatch_uid="pagecache-release")
