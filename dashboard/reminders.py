"""Meeting reminders for learners, notices when a reminded meeting moves or is cancelled,
and feedback requests for facilitators.

Every function here is safe to run again at any time: who got what is recorded
before the email is queued, under unique constraints, so nobody gets anything twice.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from circles import signups
from circles.models import LearningCirclePage, Meeting, Signup
from dashboard.models import FeedbackRequest, MeetingReminder, ReminderDelivery
from home.calendar import build_calendar
from home.localize import originals
from home.outbox import queue_email

REMINDER_LEAD = timedelta(days=2)
# How long after a meeting its facilitator is still asked for feedback.
FEEDBACK_WINDOW = timedelta(days=3)


def due_at(meeting):
    """When the reminder for `meeting` goes out.

    Two days before, on the circle's own clock (18:00 on Monday → 18:00 on Saturday,
    whatever daylight saving does in between), but never before the previous meeting
    has ended, so a learner is never reminded of a meeting before the one before it.
    """
    circle = meeting.circle
    local_start = meeting.start
    two_days_before = (local_start.replace(tzinfo=None) - REMINDER_LEAD).replace(tzinfo=circle.zone)
    earlier = [
        m for m in circle.meeting_list if (m.date, m.start_time, m.pk) < (meeting.date, meeting.start_time, meeting.pk)
    ]
    if earlier:
        return max(two_days_before, earlier[-1].end)
    return two_days_before


def default_message(circle, meeting, language=None):
    with translation.override(language or circle.email_language()):
        return _("See you at the next meeting of “%(title)s”. Bring a friend, a question, or both!") % {
            "title": circle.title
        }


def _meeting_ics(circle, meeting, cancelled=False, page=None):
    from circles.calendars import meeting_events

    uid = f"meeting-{meeting.pk}@"
    events = [event for event in meeting_events(circle, page=page) if event.uid.startswith(uid)]
    for event in events:
        event.cancelled = cancelled
    return build_calendar(events, name=(page or circle).title).decode()


def render_reminder(circle, meeting, message, signup, page=None, language=None):
    """The reminder for `signup` (None for the facilitator's preview), worded as `page`, in `language`."""
    page = page or circle
    language = language or circle.email_language()
    context = {
        "circle": page,
        "meeting": meeting,
        "message": message or default_message(page, meeting, language),
        "signup": signup,
        "facilitators": circle.facilitator_names(),
    }
    if signup is not None:
        context["yes_url"], context["no_url"] = signups.signed_links(signup, page, meeting)
        context["leave_url"] = signups.manage_link(signup, page)
    with translation.override(language):
        return render_to_string("dashboard/email/reminder.txt", context)


def _learners(circle):
    return list(
        Signup.objects.filter(circle=circle, status=Signup.Status.CONFIRMED)
        .exclude(email=None)
        .exclude(email="")
        .order_by("pk")
    )


def _deliver(reminder, signup):
    """Record the delivery first; a second run (or a racing one) finds it and sends nothing."""
    try:
        with transaction.atomic():
            ReminderDelivery.objects.create(reminder=reminder, signup=signup)
    except IntegrityError:
        return False
    return True


def send_reminders(now=None):
    """Send every reminder that is due now; returns the number of emails queued."""
    now = now or timezone.now()
    # Local dates differ from UTC ones by less than a day; the exact check is per meeting.
    candidates = (
        Meeting.objects.filter(
            date__gte=(now - timedelta(days=1)).date(),
            date__lte=(now + REMINDER_LEAD + timedelta(days=1)).date(),
            circle__in=originals(LearningCirclePage.objects.live()),
        )
        .select_related("circle")
        .prefetch_related("circle__meetings")
        .order_by("date", "start_time", "pk")
    )
    queued = 0
    for meeting in candidates:
        circle = meeting.circle
        if not due_at(meeting) <= now < meeting.start:
            continue
        reminder, _created = MeetingReminder.objects.get_or_create(meeting=meeting, defaults={"circle": circle})
        for signup in _learners(circle):
            if not _deliver(reminder, signup):
                continue
            language, page = signups.learner_page(signup, circle)
            with translation.override(language):
                subject = _("Reminder: %(title)s on %(when)s") % {
                    "title": page.title,
                    "when": meeting.start.strftime("%d.%m. %H:%M"),
                }
            body = render_reminder(circle, meeting, reminder.message, signup, page, language)
            queue_email(
                signup.email,
                subject,
                body,
                attachments=[
                    {
                        "filename": "meeting.ics",
                        "content": _meeting_ics(circle, meeting, page=page),
                        "mimetype": "text/calendar",
                    }
                ],
                topic="meeting-reminder",
                language=language,
            )
            queued += 1
        if reminder.sent_at is None:
            reminder.sent_at = now
            reminder.announced_start = meeting.start
            reminder.save(update_fields=["sent_at", "announced_start"])
    return queued


def _recipients(reminder):
    return list(
        Signup.objects.filter(pk__in=reminder.deliveries.values("signup_id"), status=Signup.Status.CONFIRMED).exclude(
            email=None
        )
    )


def _change_notice(circle, page, meeting, reminder, language):
    """Subject, body and calendar update telling a learner that a reminded meeting moved or was cancelled."""
    with translation.override(language):
        if meeting is None:
            subject = _("Cancelled: %(title)s") % {"title": page.title}
            template = "dashboard/email/cancelled.txt"
        else:
            subject = _("New time: %(title)s") % {"title": page.title}
            template = "dashboard/email/moved.txt"
        # Naive, so templates show the circle's wall clock rather than the server's zone.
        old_start = reminder.announced_start.astimezone(circle.zone).replace(tzinfo=None)
        body = render_to_string(template, {"circle": page, "meeting": meeting, "old_start": old_start})
    attachments = []
    if meeting is not None:
        ics = _meeting_ics(circle, meeting, page=page)
        attachments = [{"filename": "meeting.ics", "content": ics, "mimetype": "text/calendar"}]
    return subject, body, attachments


def notify_changes(now=None, circle=None):
    """Tell learners when a meeting they were reminded of has moved or been cancelled."""
    now = now or timezone.now()
    reminders = MeetingReminder.objects.filter(
        sent_at__isnull=False, cancellation_sent_at__isnull=True, announced_start__gt=now
    ).select_related("circle", "meeting")
    if circle is not None:
        reminders = reminders.filter(circle=circle)
    queued = 0
    for reminder in reminders:
        circle_page = reminder.circle
        meeting = reminder.meeting
        if meeting is not None:
            meeting.circle = circle_page
            if meeting.start == reminder.announced_start:
                continue
        with transaction.atomic():
            # Claim the change first, so a run in parallel does not tell anyone twice.
            claimed = MeetingReminder.objects.filter(
                pk=reminder.pk, announced_start=reminder.announced_start, cancellation_sent_at__isnull=True
            )
            if meeting is None:
                changed = claimed.update(cancellation_sent_at=now)
            else:
                changed = claimed.update(announced_start=meeting.start)
            if not changed:
                continue
            for signup in _recipients(reminder):
                language, page = signups.learner_page(signup, circle_page)
                subject, body, attachments = _change_notice(circle_page, page, meeting, reminder, language)
                queue_email(
                    signup.email, subject, body, attachments=attachments, topic="meeting-change", language=language
                )
                queued += 1
    return queued


def send_feedback_requests(now=None):
    """Ask the facilitators of each meeting that ended lately for their feedback, once."""
    now = now or timezone.now()
    candidates = (
        Meeting.objects.filter(
            date__gte=(now - FEEDBACK_WINDOW - timedelta(days=1)).date(),
            date__lte=now.date() + timedelta(days=1),
            circle__in=originals(LearningCirclePage.objects.live()),
            feedback_request__isnull=True,
            feedback__isnull=True,
        )
        .select_related("circle")
        .prefetch_related("circle__facilitators__user")
    )
    queued = 0
    for meeting in candidates:
        circle = meeting.circle
        if not (now - FEEDBACK_WINDOW <= meeting.end <= now):
            continue
        users = [f.user for f in circle.facilitators.all() if f.user_id and f.user.email and f.user.is_active]
        try:
            with transaction.atomic():
                FeedbackRequest.objects.create(meeting=meeting, recipients=len(users))
        except IntegrityError:
            continue
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("dashboard:feedback", args=[meeting.pk])
        language = circle.email_language()
        for user in users:
            with translation.override(language):
                subject = _("How did the meeting of %(title)s go?") % {"title": circle.title}
                body = render_to_string(
                    "dashboard/email/feedback_request.txt",
                    {"circle": circle, "meeting": meeting, "user": user, "url": url},
                )
            queue_email(user.email, subject, body, topic="meeting-feedback", language=language)
            queued += 1
    return queued


def circle_changed(circle):
    """Called when a circle is published: tell learners about moved or cancelled meetings."""
    if isinstance(circle, LearningCirclePage):
        notify_changes(circle=circle)
