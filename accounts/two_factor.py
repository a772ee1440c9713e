"""Two-step verification (TOTP) for the Wagtail admin, with django-otp."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIX = "/admin/"
# Reachable before verification: signing in and out, and the verification pages themselves.
OPEN_ADMIN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/admin/two-step/", "/admin/jsi18n/")


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def safe_next(request, default="wagtailadmin_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


class AdminTwoFactorMiddleware:
    """Admin users with a device verify it after signing in; with ADMIN_REQUIRE_2FA everyone sets one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(OPEN_ADMIN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            query = f"?next={request.get_full_path()}" if request.method == "GET" else ""
            if user_has_device(user, confirmed=True):
                return redirect(reverse("two_step_verify") + query)
            if settings.ADMIN_REQUIRE_2FA:
                return redirect(reverse("two_step_setup") + query)
        return self.get_response(request)
