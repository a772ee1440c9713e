"""The organizer guide (an index with ordered chapters and a printable view) and the
facilitator resources library (filterable by topic and kind)."""

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from guides.blocks import GuideStreamBlock
from home.blocks import BodyStreamBlock
from home.models import IntroMixin, parent_of_type
from pagecache.answers import in_order, kept_answer, kept_page, page_of_ids
from pagecache.generation import kept_until_changed

WORDS_PER_MINUTE = 200
RESOURCES_PER_PAGE = 12
SLUG_PARAMETER = re.compile(r"[-\w]{1,80}")


def count_words(raw):
    """Words in a StreamField's raw data: every string value, markup removed."""
    if isinstance(raw, str):
        return len(strip_tags(raw).split())
    if isinstance(raw, Mapping):
        # Skip ids, block types and choice values; count only the content.
        return sum(count_words(value) for key, value in raw.items() if key not in {"id", "type", "level", "kind"})
    if isinstance(raw, Sequence):
        return sum(count_words(item) for item in raw)
    return 0


# ---------------------------------------------------------------------------
# The organizer guide


class GuideContributor(Orderable):
    """One name in the guide's credits, in the order editors give them."""

    page = ParentalKey("guides.GuideIndexPage", on_delete=models.CASCADE, related_name="contributors")
    name = models.CharField(_("name"), max_length=120)

    panels = ["name"]

    def __str__(self):
        return self.name


class GuideIndexPage(RoutablePageMixin, IntroMixin, Page):
    welcome = RichTextField(
        _("welcome letter"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The letter that opens the guide."),
    )
    signatory_name = models.CharField(_("signed by"), max_length=120, blank=True)
    signatory_role = models.CharField(
        _("signatory's role"), max_length=160, blank=True, help_text=_("For example: Director, KNLS.")
    )
    version_label = models.CharField(_("version"), max_length=40, blank=True, help_text=_("For example: 2.0."))
    version_date = models.DateField(_("version date"), null=True, blank=True)
    licence_name = models.CharField(
        _("licence"), max_length=120, blank=True, help_text=_("For example: Creative Commons BY-SA 4.0.")
    )
    licence_url = models.URLField(_("licence address"), blank=True)
    attribution = models.TextField(
        _("attribution"), blank=True, help_text=_("Who wrote the guide and when, as it should be credited.")
    )
    supporters = RichTextField(
        _("funders and supporters"), blank=True, features=["bold", "italic", "link"], help_text=_("Who supported it.")
    )
    credits_note = models.TextField(
        _("credits note"), blank=True, help_text=_("A sentence shown above the list of contributors.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuideChapterPage"]
    max_count_per_parent = 1
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("welcome"),
        index.SearchField("attribution"),
    ]
    content_panels = [
        *Page.content_panels,
        "intro",
        MultiFieldPanel(["welcome", FieldRowPanel(["signatory_name", "signatory_role"])], heading=_("Welcome letter")),
        MultiFieldPanel(
            [
                FieldRowPanel(["version_label", "version_date"]),
                FieldRowPanel(["licence_name", "licence_url"]),
                "attribution",
                "supporters",
            ],
            heading=_("Version, licence and supporters"),
        ),
        MultiFieldPanel(["credits_note", InlinePanel("contributors", label=_("Contributors"))], heading=_("Credits")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("intro"),
        TranslatableField("welcome"),
        SynchronizedField("signatory_name"),
        TranslatableField("signatory_role"),
        SynchronizedField("version_label"),
        SynchronizedField("version_date"),
        TranslatableField("licence_name"),
        SynchronizedField("licence_url"),
        TranslatableField("attribution"),
        TranslatableField("supporters"),
        TranslatableField("credits_note"),
        SynchronizedField("contributors"),
    ]

    class Meta:
        verbose_name = _("organizer guide")
        verbose_name_plural = _("organizer guides")

    def chapters(self):
        return GuideChapterPage.objects.child_of(self).live().public().order_by("path")

    def step_numbers(self):
        """{translation_key: step number} from the chapters' order in the source-language guide.

        Translations keep the number of the chapter they translate, even when only some
        chapters are translated yet.
        """
        source = self
        default_locale = Locale.get_default()
        if self.locale_id != default_locale.pk:
            source = (
                GuideIndexPage.objects.filter(translation_key=self.translation_key, locale=default_locale).first()
                or self
            )
        keys = (
            GuideChapterPage.objects.child_of(source).live().order_by("path").values_list("translation_key", flat=True)
        )
        return {key: number for number, key in enumerate(keys, start=1)}

    def kept_step_numbers(self, request):
        """The step numbers, worked out once until content changes: every chapter's page shows its own."""
        return kept_until_changed(request, f"guide-steps:{self.pk}", self.step_numbers)

    def numbered_chapters(self, request):
        chapters = list(self.chapters())
        numbers = self.kept_step_numbers(request)
        for chapter in chapters:
            chapter.step = numbers.get(chapter.translation_key)
        return chapters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.numbered_chapters(request)
        return context

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template="guides/guide_print.html", context_overrides={"print_view": True})


class GuideChapterPage(Page):
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, shown in the guide's contents."))
    quote_text = models.TextField(_("opening quote"), blank=True)
    quote_author = models.CharField(_("quote by"), max_length=120, blank=True)
    quote_role = models.CharField(_("their role"), max_length=160, blank=True)
    body = StreamField(GuideStreamBlock(), blank=True)

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("quote_text"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        "summary",
        MultiFieldPanel(
            ["quote_text", FieldRowPanel(["quote_author", "quote_role"])],
            heading=_("Opening quote"),
            help_text=_(
                "The step number comes from the chapter's position in the guide; reorder chapters to change it."
            ),
        ),
        "body",
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("summary"),
        TranslatableField("quote_text"),
        SynchronizedField("quote_author"),
        TranslatableField("quote_role"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    @property
    def intro(self):
        # Listings, search results and the meta description read `intro`.
        return self.summary

    @property
    def reading_minutes(self):
        words = count_words(self.body.raw_data) + count_words([self.summary, self.quote_text])
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def sections(self, prefix=""):
        """The body as [(block, anchor)]: headings get unique anchors, other blocks None.

        `prefix` keeps anchors unique when several chapters share one page (the printable guide).
        """
        seen = Counter()
        items = []
        for block in self.body:
            anchor = None
            if block.block_type == "heading":
                base = prefix + (slugify(block.value.get("text") or "") or "section")
                seen[base] += 1
                anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
            items.append((block, anchor))
        return items

    @property
    def print_sections(self):
        return self.sections(prefix=f"{self.slug}-")

    def table_of_contents(self, prefix=""):
        """[(anchor, text, level)] for the chapter's headings, in order."""
        return [
            (anchor, block.value.get("text"), block.value.get("level"))
            for block, anchor in self.sections(prefix)
            if anchor
        ]

    @property
    def step(self):
        if not hasattr(self, "_step"):
            guide = self.get_parent().specific
            self._step = guide.step_numbers().get(self.translation_key)
        return self._step

    @step.setter
    def step(self, value):
        self._step = value

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = GuideChapterPage.objects.sibling_of(self).live().public().order_by("path")
        context["previous_chapter"] = siblings.filter(path__lt=self.path).last()
        context["next_chapter"] = siblings.filter(path__gt=self.path).first()
        # Specific, for its routes; read by path, as a preview (e.g. from a review email) has no routed parent.
        guide = parent_of_type(self, GuideIndexPage) or self.get_parent().specific
        context["guide"] = guide
        if isinstance(guide, GuideIndexPage):
            self.step = guide.kept_step_numbers(request).get(self.translation_key)
        context["sections"] = self.sections()
        context["toc"] = self.table_of_contents()
        return context


# ---------------------------------------------------------------------------
# Facilitator resources


class ResourceTopic(TranslatableMixin, models.Model):
    """One of the needs facilitators have, used to group the resources."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in filter addresses; the same in every language.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = ["name", "slug", "description", "sort_order"]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("resource topic")
        verbose_name_plural = _("resource topics")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_resource_topic_slug")]

    def __str__(self):
        return self.name


class ResourceKind(models.TextChoices):
    VIDEO = "video", _("Video")
    SLIDES = "slides", _("Slides")
    INFOGRAPHIC = "infographic", _("Infographic")
    FLYER = "flyer", _("Flyer")
    SURVEY = "survey", _("Survey or form")
    WORKSHEET = "worksheet", _("Worksheet")
    ACTIVITY = "activity", _("Activity")
    FORUM_THREAD = "forum-thread", _("Forum thread")
    COURSE = "course", _("Course")
    HANDBOOK = "handbook", _("Handbook")


class ResourceIndexPage(IntroMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.ResourcePage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    content_panels = [*Page.content_panels, "intro"]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("facilitator resource library")
        verbose_name_plural = _("facilitator resource libraries")

    def resources(self):
        return ResourcePage.objects.child_of(self).live().public()

    def topics(self):
        """The topics in the page's language; English ones where a topic isn't translated yet."""
        default = Locale.get_default()
        topics = {}
        for topic in ResourceTopic.objects.filter(locale__in={self.locale_id, default.pk}):
            if topic.slug not in topics or topic.locale_id == self.locale_id:
                topics[topic.slug] = topic
        return sorted(topics.values(), key=lambda topic: (topic.sort_order, topic.name))

    @staticmethod
    def clean_choice(value, allowed):
        value = (value or "").strip()
        return value if value in allowed and SLUG_PARAMETER.fullmatch(value) else ""

    def filtered(self, request):
        """The filter menus with counts, and which resources the page of results asked for shows.

        Both change only with content: they are worked out once for each choice until then."""
        topics = kept_until_changed(
            request, f"resource-topics:{self.pk}", lambda: [(topic.slug, topic.name) for topic in self.topics()]
        )
        topic_names = dict(topics)
        active_topic = self.clean_choice(request.GET.get("topic"), topic_names)
        active_kind = self.clean_choice(request.GET.get("kind"), set(ResourceKind.values))
        page_number = (request.GET.get("page") or "")[:20]

        def counted():
            resources = self.resources()
            by_kind = resources.filter(topics__slug=active_topic).distinct() if active_topic else resources
            by_topic = resources.filter(kind=active_kind) if active_kind else resources
            # Each menu counts what its choices would show, given the other filter.
            topic_counts = dict(
                by_topic.filter(topics__isnull=False)
                .order_by()
                .values_list("topics__slug")
                .annotate(n=Count("pk", distinct=True))
            )
            kind_counts = dict(by_kind.order_by().values_list("kind").annotate(n=Count("pk")))
            # Every resource has one kind: the kinds' counts add up to the total and give the results' count.
            kind_total = sum(kind_counts.values())
            results = by_kind.filter(kind=active_kind) if active_kind else by_kind
            return {
                **page_of_ids(
                    results.order_by("title", "pk").values_list("pk", flat=True),
                    RESOURCES_PER_PAGE,
                    page_number,
                    kind_counts.get(active_kind, 0) if active_kind else kind_total,
                ),
                "topic_counts": topic_counts,
                "kind_counts": kind_counts,
                "topic_total": by_topic.count(),
                "kind_total": kind_total,
            }

        found = kept_answer(request, "resource-page", (self.pk, active_topic, active_kind, page_number), counted)
        # The ids were chosen among this library's live, public resources under this generation.
        shown = in_order(ResourcePage.objects.prefetch_related("topics"), found["ids"])
        for resource in shown:
            resource.topic_labels = [topic_names.get(topic.slug, topic.name) for topic in resource.topics.all()]
        return {
            "resources": kept_page(shown, found["number"], RESOURCES_PER_PAGE, found["count"]),
            "topic_menu": [(slug, name, found["topic_counts"].get(slug, 0)) for slug, name in topics],
            "kind_menu": [(value, label, found["kind_counts"].get(value, 0)) for value, label in ResourceKind.choices],
            "topic_total": found["topic_total"],
            "kind_total": found["kind_total"],
            "active_topic": active_topic,
            "active_kind": active_kind,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filtered(request))
        return context


LANGUAGE_CHOICES = [
    ("en", "English"),
    ("sw", "Kiswahili"),
    ("es", "Español"),
    ("fr", "Français"),
    ("other", _("Other")),
]


class ResourceRelation(Orderable):
    """A resource an editor links from another as related."""

    page = ParentalKey("guides.ResourcePage", on_delete=models.CASCADE, related_name="related_links")
    resource = models.ForeignKey("guides.ResourcePage", on_delete=models.CASCADE, related_name="+")

    panels = ["resource"]


class ResourcePage(Page):
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    topics = ParentalManyToManyField(
        ResourceTopic, blank=True, related_name="resources", help_text=_("The needs this resource helps with.")
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, shown in the resource list."))
    body = StreamField(BodyStreamBlock(), blank=True)
    link_url = models.URLField(_("link"), blank=True, help_text=_("Where the resource lives, if on another site."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Or: a file to download."),
    )
    video_url = models.URLField(
        _("video address"), blank=True, help_text=_("Or: the address of a video (YouTube, Vimeo, …).")
    )
    resource_language = models.CharField(
        _("language of the resource"), max_length=10, choices=LANGUAGE_CHOICES, default="en"
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration in minutes"), null=True, blank=True, help_text=_("How long it takes to watch, read or do.")
    )
    licence = models.CharField(_("licence"), max_length=120, blank=True, help_text=_("For example: CC BY-SA 4.0."))

    parent_page_types = ["guides.ResourceIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            ["kind", FieldPanel("topics", widget=forms.CheckboxSelectMultiple), "resource_language"],
            heading=_("Catalogue"),
        ),
        "summary",
        MultiFieldPanel(
            ["link_url", "document", "video_url"],
            heading=_("Where to find it"),
            help_text=_("Fill in exactly one of link, document or video."),
        ),
        FieldRowPanel(["duration_minutes", "licence"]),
        "body",
        InlinePanel("related_links", label=_("Related resources")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        SynchronizedField("kind"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("link_url"),
        SynchronizedField("document"),
        SynchronizedField("video_url"),
        SynchronizedField("resource_language"),
        SynchronizedField("duration_minutes"),
        TranslatableField("licence"),
        SynchronizedField("related_links"),
    ]

    class Meta:
        verbose_name = _("facilitator resource")
        verbose_name_plural = _("facilitator resources")

    @property
    def intro(self):
        return self.summary

    def clean(self):
        super().clean()
        filled = [name for name in ("link_url", "document", "video_url") if getattr(self, name)]
        if len(filled) != 1:
            message = _("Give exactly one of: a link, a document or a video address.")
            raise ValidationError(dict.fromkeys(("link_url", "document", "video_url"), message))

    @property
    def target_url(self):
        if self.document_id:
            return self.document.url
        return self.video_url or self.link_url

    def topic_list(self):
        """This resource's topics, named in its own language where a translation exists."""
        slugs = [topic.slug for topic in self.topics.all()]
        localized = {t.slug: t for t in ResourceTopic.objects.filter(slug__in=slugs, locale_id=self.locale_id)}
        return [localized.get(topic.slug, topic) for topic in self.topics.all()]

    def related_resources(self):
        """Chosen related resources in this page's language; else others sharing a topic."""
        chosen_keys = [link.resource.translation_key for link in self.related_links.select_related("resource")]
        siblings = ResourcePage.objects.sibling_of(self, inclusive=False).live().public()
        if chosen_keys:
            by_key = {page.translation_key: page for page in siblings.filter(translation_key__in=chosen_keys)}
            return [by_key[key] for key in chosen_keys if key in by_key]
        slugs = [topic.slug for topic in self.topics.all()]
        return list(siblings.filter(topics__slug__in=slugs).distinct().order_by("title")[:3])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_list"] = self.topic_list()
        context["related_resources"] = self.related_resources()
        return context
