from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation as a first-class workflow: catalogues, fallbacks, stale report, PO round trip, glossary."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "translations"
    verbose_name = "Translations"

    def ready(self):
        from django.db.models.signals import post_save
        from taggit.models import Tag

        from translations.models import name_new_tag

        post_save.connect(name_new_tag, sender=Tag, dispatch_uid="translations.name_new_tag")
