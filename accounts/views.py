import base64

import segno
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin import messages

from accounts.forms import TokenForm
from accounts.two_factor import confirmed_device, safe_next


@never_cache
def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect("two_step_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"form": form, "next": safe_next(request), "header_title": _("Two-step verification")},
    )


@never_cache
def setup(request):
    """Add an authenticator app: scan the code (or type the key), then confirm with a current code."""
    if confirmed_device(request.user) is not None and not request.user.is_verified():
        return redirect("two_step_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=request.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-step verification is on for your account."))
        return redirect(safe_next(request))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("Code to scan"))
    return TemplateResponse(
        request,
        "accounts/setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": base64.b32encode(device.bin_key).decode("ascii").rstrip("="),
            "next": safe_next(request),
            "header_title": _("Set up two-step verification"),
        },
    )
