from django.apps import AppConfig


class GatheringConfig(AppConfig):
    name = "gathering"
    default_auto_field = "django.db.models.BigAutoField"
