from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("two-step/verify/", views.verify, name="two_step_verify"),
        path("two-step/setup/", views.setup, name="two_step_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    return {
        "url": reverse("two_step_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Protect your account with a code from an authenticator app."),
    }
