"""Spam protection for public forms without a third-party CAPTCHA: a honeypot, a signed time
trap and a per-address rate limit kept in Django's cache (atomic in local memory and in Redis)."""

import ipaddress
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

TIME_TRAP_SALT = "home.spam.form-started"


def form_started_token(seconds_ago=0):
    """The signed moment a form was shown, as its hidden `form_started` field carries it."""
    return signing.dumps(time.time() - seconds_ago, salt=TIME_TRAP_SALT)


class SpamProtectedForm(forms.Form):
    """Mix into a public form; render `{% include "includes/spam_fields.html" %}` inside it."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_started"].initial = form_started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your submission looks automated and was not saved."), code="honeypot")
        try:
            started = float(
                signing.loads(
                    cleaned.get("form_started") or "", salt=TIME_TRAP_SALT, max_age=settings.FORM_MAX_AGE_SECONDS
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again."), code="expired"
            ) from None
        age = time.time() - started
        if age > settings.FORM_MAX_AGE_SECONDS:
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again."), code="expired"
            )
        if age < settings.FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your answers and send the form again."), code="too_fast"
            )
        return cleaned


def client_address(request):
    """The client's IP address, or None when the request carries no valid one (as in a test client's login)."""
    # Behind the reverse proxy the app only sees the proxy; it appends the client's address.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and settings.TRUST_X_FORWARDED_FOR:
        candidate = forwarded.split(",")[-1].strip()
    else:
        candidate = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def rate_limit_exceeded(request, scope, limit=None, window_seconds=None):
    """Count one attempt for this address and scope; True once the limit for the window is passed."""
    limit = limit or settings.FORM_RATE_LIMIT
    window_seconds = window_seconds or settings.FORM_RATE_WINDOW_SECONDS
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        count = 1
    return count > limit
