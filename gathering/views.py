"""Public views of a gathering page: the page with its form, registering, and the signed manage page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gathering import registrations
from gathering.forms import RegistrationDetailsForm, RegistrationForm
from gathering.models import Registration
from home.spam import rate_limit_exceeded

RATE_SCOPE = "gathering-register"


def _render(page, request, form=None, status=200):
    if form is None and page.registration_state() == "open":
        form = RegistrationForm(gathering=page)
    response = page.render(request, context_overrides={"form": form})
    response.status_code = status
    return response


def gathering_page(page, request):
    return _render(page, request)


def register(page, request):
    if request.method != "POST":
        return redirect(page.url + "#register")
    form = RegistrationForm(request.POST, gathering=page)
    if rate_limit_exceeded(request, RATE_SCOPE):
        form.is_valid()
        form.add_error(None, _("Too many registrations from your connection. Please try again in a few minutes."))
        return _render(page, request, form, status=429)
    if not form.is_valid():
        return _render(page, request, form, status=400)
    try:
        result = registrations.register(
            page,
            form.details(),
            language=get_language() or page.locale.language_code,
            invitation_code=form.cleaned_data.get("invitation_code", ""),
        )
    except registrations.RegistrationError as error:
        form.add_error("invitation_code" if error.code.startswith("code") else None, error.message)
        return _render(page, request, form, status=400)
    registration = result.registration
    messages.success(request, _notice(registration, updated=not result.created))
    return redirect(f"{page.url}manage/{registrations.manage_token(registration)}/")


def _notice(registration, updated=False):
    if updated:
        return _("Your registration was updated. We sent you an email.")
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are registered. We sent you a confirmation email.")
    return _("The gathering is full, so you are on the waiting list. We sent you an email.")


def manage(page, request, token):
    response = _manage(page, request, token)
    add_never_cache_headers(response)
    return response


def _manage(page, request, token):
    registration = _registration_for(page, token)
    if registration is None:
        return _invalid_link(page, request)
    cancelled = registration.status in (Registration.Status.CANCELLED, Registration.Status.EXPIRED)
    if request.method == "POST" and not cancelled:
        form = RegistrationDetailsForm(request.POST, gathering=page)
        if form.is_valid():
            try:
                registrations.update_details(registration, form.details())
            except registrations.RegistrationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect(request.path)
        status = 400
    else:
        form = None if cancelled else RegistrationDetailsForm(gathering=page, initial=_initial(registration))
        status = 200
    return _manage_response(page, request, registration, form, token, status)


def _initial(registration):
    initial = {field: getattr(registration, field) for field in registrations.PERSONAL_FIELDS}
    initial["pre_event_requested"] = registration.pre_event_requested
    for key, value in (registration.answers or {}).items():
        initial[f"extra_{key}"] = value
    return initial


def _manage_response(page, request, registration, form, token, status=200):
    response = TemplateResponse(
        request,
        "gathering/manage.html",
        {
            "page": page,
            "self": page,
            "registration": registration,
            "position": registration.waiting_position(),
            "form": form,
            "token": token,
            "base_url": f"{page.url}manage/{token}/",
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _registration_for(page, token):
    """The registration a signed link names, if it belongs to this gathering."""
    registration = registrations.registration_from_token(token)
    if registration is None or registration.gathering_id != page.registration_source.pk:
        return None
    return registration


def _invalid_link(page, request):
    return TemplateResponse(request, "gathering/invalid_link.html", {"page": page, "self": page}, status=404)


def manage_action(page, request, token, action):
    response = _manage_action(page, request, token, action)
    add_never_cache_headers(response)
    return response


def _manage_action(page, request, token, action):
    """Cancel or confirm: a GET shows the button (mail scanners follow links), only the POST acts."""
    registration = _registration_for(page, token)
    if registration is None or action not in ("cancel", "confirm"):
        return _invalid_link(page, request)
    manage_url = f"{page.url}manage/{token}/"
    if request.method != "POST":
        return redirect(manage_url)
    try:
        if action == "cancel":
            registrations.cancel(registration)
            messages.success(request, _("Your registration is cancelled."))
        else:
            registrations.confirm_offer(registration)
            messages.success(request, _("Your place is confirmed. See you there!"))
    except registrations.RegistrationError as error:
        messages.error(request, error.message)
    return redirect(manage_url)
