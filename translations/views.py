from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail_localize.models import Translation

from translations.report import STATUSES, locales_for, page_translations


class TranslationsToUpdateView(ReportView):
    """Per locale: pages whose English changed since the last sync, and pages with strings still untranslated."""

    template_name = "translations/report.html"
    results_template_name = "translations/report_results.html"
    page_title = gettext_lazy("Translations to update")
    header_icon = "globe"
    index_url_name = "translations:report"
    index_results_url_name = "translations:report_results"
    paginate_by = 50
    list_export = [
        "target_locale.language_code",
        "source_title",
        "is_stale",
        "percent",
        "source_published_at",
        "synced_at",
        "target_edited_at",
    ]

    def dispatch(self, request, *args, **kwargs):
        self.locales = locales_for(request.user)
        if not self.locales:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        codes = {locale.language_code: locale for locale in self.locales}
        self.locale_code = self.request.GET.get("locale") if self.request.GET.get("locale") in codes else ""
        self.status = self.request.GET.get("status") if self.request.GET.get("status") in STATUSES else ""
        locales = [codes[self.locale_code]] if self.locale_code else self.locales
        return page_translations([locale.pk for locale in locales], self.status or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            locales=self.locales,
            locale_code=self.locale_code,
            status=self.status,
            statuses=[
                ("", _("All that need work")),
                ("stale", _("English changed")),
                ("incomplete", _("Untranslated strings")),
            ],
        )
        return context


@require_POST
def sync_and_edit(request, translation_id):
    """Bring a translation up to date with its English page, then open it in the translation editor."""
    translation = get_object_or_404(Translation.objects.select_related("source", "target_locale"), pk=translation_id)
    if translation.target_locale not in locales_for(request.user):
        raise PermissionDenied
    target = get_object_or_404(
        Page, translation_key=translation.source.object_id, locale_id=translation.target_locale_id
    )
    if not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation.source.update_from_db()
    save_draft(translation, target, request.user)
    messages.success(request, _("“%(title)s” now has the latest English text to translate.") % {"title": target.title})
    return redirect(reverse("wagtailadmin_pages:edit", args=[target.pk]))


def save_draft(translation, target, user):
    """Save the translation as a new draft of `target`, leaving what visitors see as it was.

    wagtail-localize writes the draft's fields into the page row too, which would show the
    new, still English, strings on the live page until the reviewer publishes.
    """
    live_revision = target.live_revision if target.live else None
    translation.save_target(user=user, publish=False)
    if live_revision is not None:
        target.refresh_from_db()
        live = live_revision.as_object()
        live.has_unpublished_changes = True
        live.save(clean=False, log_action=None)
