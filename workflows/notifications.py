"""Email the approvers of a circle or translation when something is submitted to them.

Wagtail emails the groups of its own group-approval task; these tasks find their approvers from the
page, so they get the same email (Wagtail's templates, with the admin links) through this notifier.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier


class ScopedTaskSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        from workflows.models import ScopedApprovalTask

        return isinstance(instance, self.valid_classes) and isinstance(instance.task.specific, ScopedApprovalTask)

    def get_recipient_users(self, task_state, **kwargs):
        triggering_user = kwargs.get("user")
        obj = task_state.workflow_state.content_object
        recipients = task_state.task.specific.get_approvers(obj)
        if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
            recipients = recipients | get_user_model().objects.filter(is_superuser=True, is_active=True)
        if triggering_user is not None:
            recipients = recipients.exclude(pk=triggering_user.pk)
        return set(recipients.distinct())
