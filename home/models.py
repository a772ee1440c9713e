from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.blocks import BodyStreamBlock
from home.routing import route_from_home
from pagecache.generation import kept_until_changed


class CustomImage(AbstractImage):
    """Wagtail's image plus the credit and licence that reused photos need."""

    credit = models.CharField(_("credit"), max_length=255, blank=True, help_text=_("Photographer or source."))
    licence = models.CharField(_("licence"), max_length=120, blank=True, help_text=_("For example CC BY-SA 4.0."))

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_customimage", "Can choose image")]


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def parent_of_type(page, model):
    """The page's parent if it is a `model`, as that model, in one query; else None."""
    return model.objects.filter(path=page.path[: -page.steplen]).first()


class IntroMixin(models.Model):
    """A short lead paragraph shown under the title and in listings."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences under the title."))

    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(IntroMixin, Page):
    hero_image = models.ForeignKey(
        "home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "guides.GuideIndexPage",
        "guides.ResourceIndexPage",
        "circles.CircleIndexPage",
        "circles.CourseIndexPage",
        "circles.TeamPage",
        "gathering.GatheringIndexPage",
        "blog.BlogIndexPage",
    ]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, "intro", "hero_image", "body"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        return route_from_home(self, request, path_components) or super().route(request, path_components)


class StandardPage(IntroMixin, Page):
    """About, privacy, accessibility statement and other plain pages."""

    body = StreamField(BodyStreamBlock(), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, "intro", "body"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=40, help_text=_("For example Mastodon or YouTube."))
    url = blocks.URLBlock()

    class Meta:
        icon = "link-external"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Facts about the organisation that are the same in every language."""

    organisation_name = models.CharField(max_length=120, default="Peer 2 Peer University")
    contact_email = models.EmailField(blank=True)
    forum_url = models.URLField(_("community forum URL"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The accessibility statement, linked from every page's footer."),
    )

    panels = [
        MultiFieldPanel(["organisation_name", "contact_email", "forum_url"], heading=_("Organisation")),
        MultiFieldPanel(["privacy_page", "accessibility_page"], heading=_("Footer pages")),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """Every public page reads them: kept in the cache until the next change to content.
        The admin edits them through `for_site`, uncached."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            site_settings = kept_until_changed(request, f"site-settings:{site.pk}", lambda: cls.for_site(site))
            site_settings._request = request
            setattr(request, attribute, site_settings)
        return getattr(request, attribute)


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's words, one per language, so translators can localise them."""

    body = RichTextField(features=["bold", "italic", "link"])
    licence_note = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Shown under the footer text, e.g. the Creative Commons licence of the content."),
    )

    panels = ["body", "licence_note"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return str(_("Footer text ({locale})")).format(locale=self.locale.language_code)


class OutboundEmail(models.Model):
    """One email the site sends, kept so that staff can see whether it went out.

    Forms store their data first and queue email afterwards: a failed delivery never
    loses a signup or a registration, and shows up here as failed.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Failed, will retry")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(
        default=list, blank=True, help_text=_("A list of {filename, content, mimetype} of text attachments.")
    )
    topic = models.CharField(_("topic"), max_length=80, blank=True, help_text=_("What the message is about."))
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outbox")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"
