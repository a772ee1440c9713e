"""What empties the page cache: any change to content a public page or listing can show.

Rather than tracking which pages show what (a circle shows on its team page, the circle index,
search, the sitemap and the home page's figures), every change raises one generation number
(generation.py) and all cached pages and fragments expire at once. Publishing is rare next to
reading, so the cost is a few cold pages after each change; in exchange no page is ever stale after a publish.
"""

from django.apps import apps as registry
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from pagecache import generation

# Page fields that saving a draft, locking or a workflow step changes: no public effect.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_id",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "locked_by_id",
}


def content_model(sender):
    """True for models whose rows can appear on a public page (the real model, not a migration's copy)."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.apps is not registry:
        return False
    label = f"{meta.app_label}.{meta.model_name}"
    if label in settings.PAGE_CACHE_IGNORE_MODELS:
        return False
    return meta.app_label in settings.PAGE_CACHE_CONTENT_APPS


def advance(**kwargs):
    generation.advance()


def on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not content_model(sender):
        return
    if isinstance(instance, Page) and update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    advance()


def on_delete(sender, **kwargs):
    if content_model(sender):
        advance()


def on_m2m(sender, action, **kwargs):
    if action.startswith("post_") and content_model(sender):
        advance()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(advance, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(on_save, dispatch_uid="pagecache-save")
    post_delete.connect(on_delete, dispatch_uid="pagecache-delete")
    m2m_changed.connect(on_m2m, dispatch_uid="pagecache-m2m")
