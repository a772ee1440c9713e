from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from circles import admin_views
from circles.models import Course


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "doc-full"
    menu_label = _("Courses")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "provider", "format", "language"]
    list_filter = ["format", "language", "self_paced"]
    search_fields = ["title", "provider"]
    list_export = ["title", "provider", "link", "format", "language", "licence", "self_paced"]


register_snippet(CourseViewSet)


class SignupsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_signups(request.user)


@hooks.register("register_admin_urls")
def register_signup_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("<int:circle_id>/", admin_views.circle_signups, name="circle"),
        path("<int:circle_id>/signups.csv", admin_views.circle_signups_csv, name="csv"),
        path("<int:circle_id>/remove/<int:signup_id>/", admin_views.remove_signup, name="remove"),
    ]
    return [path("circle-signups/", include((urls, "circles_signups"), namespace="circles_signups"))]


@hooks.register("register_admin_menu_item")
def register_signups_menu_item():
    return SignupsMenuItem(_("Signups"), reverse("circles_signups:index"), icon_name="group", order=260)
