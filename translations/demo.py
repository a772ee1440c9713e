"""Demo content for translation: an English page changed after it was translated, so the report shows it."""

from django.db.models import OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from guides.models import ResourceIndexPage

CHANGED_INTRO = (
    "Videos, slides, worksheets, activities and more, for everyone who runs a learning circle. "
    "New this season: sample agendas for a first meeting."
)


def change_english_after_translation(home):
    """Publish a new English intro on the resource index, once, after its translations exist."""
    index = ResourceIndexPage.objects.child_of(home).filter(slug="facilitate").first()
    if index is None or index.intro == CHANGED_INTRO:
        return index
    index.intro = CHANGED_INTRO
    index.save_revision().publish()
    return index


def resync_sources(keep_stale):
    """Sync the sources of pages other demos republished after translating them (e.g. to add a link).

    Only the one page the demo changed on purpose stays stale, so the report shows exactly it.
    """
    published = Page.objects.filter(translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id"))
    sources = TranslationSource.objects.annotate(
        published_at=Subquery(published.values("last_published_at")[:1]),
        page_id=Subquery(published.values("pk")[:1]),
    ).filter(page_id__isnull=False)
    for source in sources:
        if source.published_at and source.published_at > source.last_updated_at and source.page_id != keep_stale:
            source.update_from_db()


def load(home):
    index = ResourceIndexPage.objects.child_of(home).filter(slug="facilitate").first()
    resync_sources(keep_stale=index.pk if index and index.intro == CHANGED_INTRO else None)
    changed = change_english_after_translation(home)
    if changed is not None:
        resync_sources(keep_stale=changed.pk)
