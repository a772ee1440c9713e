"""The course database: free learning resources that circles use, moderated like pages."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class CourseTopic(TaggedItemBase):
    content_object = ParentalKey("circles.Course", on_delete=models.CASCADE, related_name="tagged_items")


class Course(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel
):
    class Format(models.TextChoices):
        COURSE = "course", _("Online course")
        BOOK = "book", _("Book")
        VIDEO = "video", _("Video")
        ARTICLE = "article", _("Article")
        INTEREST_GROUP = "interest_group", _("Interest group")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(
        _("provider"), max_length=120, blank=True, help_text=_("Who made it, e.g. GCFLearnFree.")
    )
    link = models.URLField(_("link"), max_length=500)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.COURSE)
    caption = models.TextField(
        _("caption"), max_length=500, help_text=_("What learners get out of it, in 500 characters or fewer.")
    )
    topics = ClusterTaggableManager(through=CourseTopic, blank=True, verbose_name=_("topics"))
    language = models.CharField(
        _("language"), max_length=10, default="en", help_text=_("Language code, e.g. en or sw.")
    )
    licence = models.CharField(_("licence"), max_length=120, blank=True, help_text=_("For example CC BY-SA 4.0."))
    self_paced = models.BooleanField(_("self-paced"), default=True, help_text=_("Learners can start at any time."))

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="course")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="course",
        for_concrete_model=False,
    )

    panels = [
        "title",
        MultiFieldPanel(["provider", "link", "format", "language", "licence", "self_paced"], heading=_("Details")),
        "caption",
        FieldPanel("topics"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("caption"),
        index.SearchField("provider"),
        index.FilterField("live"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("caption"),
        SynchronizedField("provider"),
        SynchronizedField("link"),
        SynchronizedField("format"),
        SynchronizedField("language"),
        SynchronizedField("licence"),
        SynchronizedField("self_paced"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions
