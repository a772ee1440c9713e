from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dashboard import views
from dashboard.access import can_open_dashboard
from dashboard.panels import MyCirclesPanel


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_open_dashboard(request.user)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    urls = [
        path("", views.index, name="index"),
        path("teams/<int:team_id>/", views.team, name="team"),
        path("teams/<int:team_id>/invite/", views.invite, name="invite"),
        path("teams/<int:team_id>/invitations/<int:invitation_id>/resend/", views.resend_invitation, name="resend"),
        path("teams/<int:team_id>/invitations/<int:invitation_id>/revoke/", views.revoke_invitation, name="revoke"),
        path("teams/<int:team_id>/digest/<str:week>/", views.digest, name="digest"),
        path("meetings/<int:meeting_id>/feedback/", views.feedback, name="feedback"),
        path("meetings/<int:meeting_id>/reminder/", views.reminder, name="reminder"),
    ]
    return [path("dashboard/", include((urls, "dashboard"), namespace="dashboard"))]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(_("Team dashboard"), reverse("dashboard:index"), icon_name="group", order=150)


@hooks.register("construct_homepage_panels")
def add_my_circles_panel(request, panels):
    panels.append(MyCirclesPanel())
