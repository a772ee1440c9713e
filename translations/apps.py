from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation as a first-class workflow: catalogues, fallbacks, stale report, PO round trip, glossary."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = "Translations"
