from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po (project and apps) to .mo in pure Python, so GNU gettext is not needed."

    def handle(self, *args, **options):
        # The project's catalogues, and those an app keeps in its own locale/ folder (e.g. circles/locale).
        # Installed packages ship their own compiled catalogues: never touch those.
        app_paths = [
            Path(app.path) / "locale"
            for app in apps.get_app_configs()
            if Path(app.path).resolve().is_relative_to(settings.BASE_DIR.resolve())
            and "site-packages" not in Path(app.path).resolve().parts
        ]
        for locale_path in [*settings.LOCALE_PATHS, *app_paths]:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                if options["verbosity"] > 1:
                    self.stdout.write(f"compiled {mo_path}")
