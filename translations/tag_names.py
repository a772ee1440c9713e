"""Tag names in the visitor's language (see translations.models.TagName)."""

from translations.models import TagName


def tag_names(language_code):
    """{tag slug: its name in `language_code`} for the tags named in that language, in one query."""
    return dict(TagName.objects.filter(locale__language_code=language_code).values_list("tag__slug", "name"))
