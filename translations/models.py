from django.db import models
from django.utils.translation import gettext_lazy as _


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
