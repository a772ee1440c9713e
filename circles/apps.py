from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "circles"
    default_auto_field = "django.db.models.BigAutoField"
