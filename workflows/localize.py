"""wagtail-localize, held to the locale's review.

Its permission to translate is global and its editor only publishes. Here:
- "Translate this page" offers only the locales whose tree the user may edit;
- "Sync translated pages" publishes only where the user may publish, and only complete translations;
- the translation editor gets "Submit for review": the translation is saved as a draft and starts the
  page's workflow (Translation review on every non-English tree), and "Publish" is refused while strings
  are untranslated (a reviewer approves those through the review, with a reason).
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from workflows.models import TranslationReviewTask

SUBMIT_FOR_REVIEW = "submit-for-review"


def editable_locale_ids(user):
    """Locales whose page tree this user may edit: the locale's top page grants it."""
    if user.is_superuser:
        return set(Locale.objects.values_list("pk", flat=True))
    return {home.locale_id for home in Page.objects.filter(depth=2) if home.permissions_for_user(user).can_edit()}


def can_publish_translation(user, translation):
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(target)))


def untranslated(translation):
    total, translated = translation.get_progress()
    return total - translated


class LocaleLimitedFormMixin:
    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=editable_locale_ids(self.request.user))
        return form


class SubmitPageTranslation(LocaleLimitedFormMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslation(LocaleLimitedFormMixin, SubmitSnippetTranslationView):
    pass


class UpdateTranslations(UpdateTranslationsView):
    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        self.object.update_from_db()
        enabled = self.object.translations.filter(enabled=True).select_related("source", "target_locale")
        held_back = []
        for translation in enabled:
            if publish and can_publish_translation(self.request.user, translation) and not untranslated(translation):
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.request.user, publish=True)
                continue
            if publish:
                held_back.append(translation.target_locale.get_display_name())
            with contextlib.suppress(ValidationError):
                translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: list(enabled)})
        messages.success(self.request, self.get_success_message())
        if held_back:
            messages.warning(
                self.request,
                _(
                    "Not published in %(locales)s: you may not publish there, or strings are untranslated. "
                    "The updated text waits for that language's translators and reviewers."
                )
                % {"locales": ", ".join(sorted(held_back))},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


def edit_translation_guard(request, page):
    """Runs before wagtail-localize's translation editor takes over the page editor."""
    if request.method != "POST" or request.POST.get("action") not in ("publish", SUBMIT_FOR_REVIEW):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    perms = page.permissions_for_user(request.user)
    missing = untranslated(translation)
    if request.POST["action"] == "publish":
        if not perms.can_publish():
            raise PermissionDenied
        if missing:
            messages.error(
                request,
                _(
                    "%(count)s strings are untranslated. Submit the translation for review; a reviewer may "
                    "approve it with a reason."
                )
                % {"count": missing},
            )
            return redirect(edit_url)
        return None
    return submit_for_review(request, page, translation, edit_url)


def submit_for_review(request, page, translation, edit_url):
    if page.workflow_in_progress:
        messages.error(request, _("This translation is already awaiting review."))
        return redirect(edit_url)
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        messages.error(request, _("No review workflow applies to this page; ask a moderator."))
        return redirect(edit_url)
    try:
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)
            page = Page.objects.get(pk=page.pk).specific
            workflow.start(page, request.user)
    except ValidationError:
        messages.error(request, _("The translation has errors; fix them and submit again."))
        return redirect(edit_url)
    messages.success(
        request,
        _("'%(title)s' was saved as a draft and submitted for review in %(locale)s.")
        % {"title": page.get_admin_display_title(), "locale": page.locale.get_display_name()},
    )
    return redirect(edit_url)


def review_context(page, user):
    """What the translation editor shows under the strings: the review state and its button."""
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    return {
        "in_review": page.workflow_in_progress,
        "untranslated": untranslated(translation) if translation else 0,
        "can_submit": page.permissions_for_user(user).can_edit() and not page.workflow_in_progress,
        "submit_action": SUBMIT_FOR_REVIEW,
        "task_name": TranslationReviewTask._meta.verbose_name,
    }
