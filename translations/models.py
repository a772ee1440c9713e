from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class GlossaryTerm(models.Model):
    """The agreed translation of a key term in one locale, kept by that locale's reviewers."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="glossary_terms")
    term = models.CharField(_("English term"), max_length=100, help_text=_("For example: learning circle."))
    translation = models.CharField(_("agreed translation"), max_length=100)
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("When to use it, or what to avoid."))

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["locale__language_code", "term"]
        constraints = [models.UniqueConstraint(fields=["locale", "term"], name="one_agreed_translation_per_term")]

    def __str__(self):
        return f"{self.term} → {self.translation}"


class TagName(TranslatableMixin, models.Model):
    """What a tag (a blog post's tag, a course's topic) is called in one language.

    Tags are shared by every language, and wagtail-localize ignores the many-to-many fields
    that hold them; so each tag gets an English name here when it is created, which
    translators translate like any other snippet. A tag without a name in the visitor's
    language shows its own.
    """

    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("tag", read_only=True), "name"]
    translatable_fields = [SynchronizedField("tag"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag name")
        verbose_name_plural = _("tag names")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["tag", "locale"], name="one_tag_name_per_locale")]

    def __str__(self):
        return self.name


def name_new_tag(sender, instance, created, raw=False, **kwargs):
    """Give every tag its source-language name, and keep it equal to the tag's own."""
    if raw:
        return
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if locale is None:
        return
    TagName.objects.update_or_create(tag=instance, locale=locale, defaults={"name": instance.name})
