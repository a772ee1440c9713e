from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from guides.models import ResourceTopic


class ResourceTopicViewSet(SnippetViewSet):
    """The six needs that group the facilitator resources, translatable per locale."""

    model = ResourceTopic
    icon = "tag"
    menu_label = _("Resource topics")
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(ResourceTopicViewSet)
