"""Tag names in the visitor's language (see translations.models.TagName)."""

from django.utils.translation import get_language

from pagecache.generation import kept_until_changed
from translations.models import TagName


def tag_names(language_code):
    """{tag slug: its name in `language_code`} for the tags named in that language, in one query."""
    return dict(TagName.objects.filter(locale__language_code=language_code).values_list("tag__slug", "name"))


def cached_tag_names(request):
    """`tag_names` of the active language, kept in the cache until content changes."""
    language = get_language()
    return kept_until_changed(request, f"tag-names:{language}", lambda: tag_names(language))
