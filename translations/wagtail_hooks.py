from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from translations import urls
from translations.report import locales_for


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [path("translations/", include(urls, namespace="translations"))]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(locales_for(request.user))


@hooks.register("register_reports_menu_item")
def register_translations_report():
    return TranslatorsMenuItem(
        _("Translations to update"), reverse("translations:report"), name="translations-to-update", icon_name="globe"
    )
