"""The "my circles" panel on the admin home, for facilitators."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.admin.ui.components import Component

from circles.models import LearningCirclePage, Meeting, Signup, Status
from dashboard.models import MeetingFeedback, MeetingReminder
from dashboard.overview import _count
from home.localize import originals


class MyCirclesPanel(Component):
    name = "my_circles"
    template_name = "dashboard/admin/my_circles_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        user = request.user
        circles = list(
            originals(LearningCirclePage.objects.filter(facilitators__user=user))
            .distinct()
            .annotate(confirmed=_count(Signup.Status.CONFIRMED), waiting=_count(Signup.Status.WAITING))
            .prefetch_related("meetings")
            .order_by("title", "pk")
        )
        circles = [circle for circle in circles if circle.status != Status.COMPLETED]
        now = timezone.now()
        ids = [circle.pk for circle in circles]
        sent = set(
            MeetingReminder.objects.filter(meeting__circle_id__in=ids, sent_at__isnull=False).values_list(
                "meeting_id", flat=True
            )
        )
        without_feedback = set(
            Meeting.objects.filter(circle_id__in=ids, date__lte=now.date() + timedelta(days=1))
            .exclude(Exists(MeetingFeedback.objects.filter(meeting=OuterRef("pk"))))
            .values_list("pk", flat=True)
        )
        for circle in circles:
            circle.upcoming = circle.next_meeting
            circle.reminder_editable = circle.upcoming is not None and circle.upcoming.pk not in sent
            past = [m for m in circle.meeting_list if m.start <= now and m.pk in without_feedback]
            circle.feedback_due = past[-1] if past else None
        context["circles"] = circles
        return context
