"""Create many live pages at once: treebeard paths computed here, one INSERT per batch.

`Page.add_child` costs several queries per page (it locks and re-reads the parent), which
makes 10,000 circles take many minutes. The benchmark data needs neither revisions nor
signals, so it writes the page rows directly, with the same tree fields `add_child` writes.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page


def _next_step(parent):
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    if last is None:
        return 1
    return Page._str2int(last[-Page.steplen :]) + 1


def add_children(parent, pages, rng, keys=None):
    """Insert `pages` (unsaved instances of one specific page model) as live children of `parent`.

    `keys` gives each page's translation_key (for translations of existing pages); otherwise
    keys come from `rng`, so every run builds the same data.
    """
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    step = _next_step(parent)
    depth = parent.depth + 1
    base_rows = []
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.draft_title = page.title
        page.translation_key = keys[offset] if keys else uuid.UUID(int=rng.getrandbits(128), version=4)
        base_rows.append(Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}))
    Page.objects.bulk_create(base_rows, batch_size=500)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
    # Django refuses bulk_create for multi-table models; insert the specific table's own columns.
    fields = list(model._meta.local_concrete_fields)
    model._base_manager.all()._batched_insert(pages, fields, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages
