from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from home.models import OutboundEmail


class OutboxViewSet(ModelViewSet):
    """Read-only list of outgoing email and whether it was delivered."""

    model = OutboundEmail
    icon = "mail"
    menu_label = _("Outbox")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["subject", "to", "topic", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "topic"]
    search_fields = ["to", "subject"]
    list_export = ["to", "subject", "topic", "language", "status", "attempts", "last_error", "created_at", "sent_at"]
    inspect_view_enabled = True
    form_fields = ["status"]
    copy_view_enabled = False


outbox_viewset = OutboxViewSet("outbox")


@hooks.register("register_admin_viewset")
def register_outbox():
    return outbox_viewset
