from django.apps import AppConfig


class DashboardConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"
    verbose_name = "Organizer dashboard"

    def ready(self):
        from dashboard import signals  # noqa: F401
