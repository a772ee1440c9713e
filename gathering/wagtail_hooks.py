from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from gathering import admin_views
from gathering.models import InvitationCode


class StaffMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def registration_urls():
    return [
        path("gathering/registrations/", admin_views.index, name="gathering_registrations"),
        path(
            "gathering/registrations/<int:pk>/action/",
            admin_views.action,
            name="gathering_registration_action",
        ),
    ]


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return StaffMenuItem(
        _("Registrations"),
        reverse("gathering_registrations"),
        icon_name="group",
        order=850,
        permission="gathering.view_registration",
    )


class InvitationCodeViewSet(ModelViewSet):
    """Codes that reserve seats for sponsored attendees; visible to gathering staff only."""

    model = InvitationCode
    icon = "key"
    menu_label = _("Invitation codes")
    add_to_admin_menu = True
    menu_order = 860
    list_display = ["code", "gathering", "seats", "note", "created_at"]
    list_filter = ["gathering"]
    search_fields = ["code", "note"]
    form_fields = ["gathering", "code", "seats", "note"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_invitation_codes():
    return InvitationCodeViewSet("invitation_codes")
