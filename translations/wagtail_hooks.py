from django.conf import settings
from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from translations import urls
from translations.glossary import check_translation
from translations.models import GlossaryTerm, TagName
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


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    list_display = ["term", "translation", "locale", "note"]
    list_filter = ["locale"]
    search_fields = ["term", "translation"]
    add_to_admin_menu = True
    menu_order = 290


register_snippet(GlossaryViewSet)


class TagNamePermissionPolicy(ModelPermissionPolicy):
    """Names come with their tag (English) or by translating one; nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [action for action in actions if action != "add"])


register_permission_policy(TagName, TagNamePermissionPolicy(TagName))


class TagNameViewSet(SnippetViewSet):
    model = TagName
    icon = "tag"
    menu_label = _("Tag names")
    list_display = ["name", "tag", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    copy_view_enabled = False


register_snippet(TagNameViewSet)


@hooks.register("after_edit_page")
def warn_about_glossary_on_submit(request, page):
    """After a translation is saved or submitted: a warning per string that renders a glossary term differently.

    The editor itself shows the glossary beside the strings (templates/wagtail_localize/admin/edit_translation.html).
    """
    if page.locale.language_code == settings.LANGUAGE_CODE or page.alias_of_id:
        return
    _used, mismatches = check_translation(page)
    for mismatch in mismatches:
        messages.warning(
            request,
            _("The glossary translates “%(term)s” as “%(agreed)s”, but this translation says: “%(text)s”")
            % {"term": mismatch.term.term, "agreed": mismatch.term.translation, "text": mismatch.translated_text},
        )
