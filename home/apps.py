from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.roles import apply_roles_after_migrate

        post_migrate.connect(apply_roles_after_migrate, sender=self)
