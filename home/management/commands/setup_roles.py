from django.core.management.base import BaseCommand

from home.roles import apply_roles


class Command(BaseCommand):
    help = "Create every role's group with its permissions (idempotent; also runs after migrate)."

    def handle(self, *args, **options):
        groups = apply_roles()
        for name, group in sorted(groups.items()):
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
