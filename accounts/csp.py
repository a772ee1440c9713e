from csp.middleware import CSPMiddleware
from django.conf import settings


def uses_admin_policy(request):
    """The Wagtail admin, and public pages viewed by someone who sees the admin's userbar on them."""
    if request.path_info.startswith(("/admin/", "/django-admin/")):
        return True
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


class SiteCSPMiddleware(CSPMiddleware):
    """A strict policy for the public site and a looser one for the admin, whose scripts are inline."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and uses_admin_policy(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
