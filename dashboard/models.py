"""What the organizer dashboard keeps: invitations, reminders, meeting feedback and weekly digests."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_DAYS = 14


def new_nonce():
    return secrets.token_urlsafe(12)


class TeamInvitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        REVOKED = "revoked", _("Revoked")
        # Never stored: a pending invitation past its date shows as expired.
        EXPIRED = "expired", _("Expired")

    team = models.ForeignKey("circles.TeamPage", on_delete=models.CASCADE, related_name="invitations")
    # Lower-cased on save; the link only works for this address.
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, default="facilitator")
    message = models.TextField(_("personal message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # Changes on every resend and on revoke, so that an older link stops working.
    nonce = models.CharField(max_length=32, default=new_nonce)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.email} → {self.team_id}"

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        if not self.expires_at:
            self.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
        super().save(*args, **kwargs)

    @property
    def current_status(self):
        if self.status == self.Status.PENDING and self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.status

    def get_current_status_display(self):
        return self.Status(self.current_status).label

    @property
    def is_open(self):
        return self.current_status == self.Status.PENDING


class MeetingReminder(models.Model):
    """The reminder for one meeting: the facilitator's own words, and when it went out.

    Keyed on the meeting row, whose primary key stays the same when the circle's page
    is edited and published again, so an edited text survives later changes to the circle.
    The meeting may be deleted (cancelled): the row keeps the circle and the time learners
    were last told, to tell them about the cancellation.
    """

    circle = models.ForeignKey("circles.LearningCirclePage", on_delete=models.CASCADE, related_name="+")
    meeting = models.OneToOneField(
        "circles.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="reminder"
    )
    message = models.TextField(
        _("message"),
        blank=True,
        help_text=_("Your own words at the top of the reminder. The time, place and links are added for you."),
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The start time learners were last told about; a different one means the meeting moved.
    announced_start = models.DateTimeField(null=True, blank=True)
    cancellation_sent_at = models.DateTimeField(_("cancellation sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting reminder")
        verbose_name_plural = _("meeting reminders")

    def __str__(self):
        return f"{self.circle_id}: {self.meeting or self.announced_start}"


class ReminderDelivery(models.Model):
    """One learner got one reminder: the unique constraint makes a second impossible."""

    reminder = models.ForeignKey(MeetingReminder, on_delete=models.CASCADE, related_name="deliveries")
    signup = models.ForeignKey("circles.Signup", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reminder", "signup"], name="dashboard_one_reminder_each")]


class MeetingFeedback(models.Model):
    meeting = models.OneToOneField("circles.Meeting", on_delete=models.CASCADE, related_name="feedback")
    circle = models.ForeignKey("circles.LearningCirclePage", on_delete=models.CASCADE, related_name="+")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("how did it go? (1 to 5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    attendance = models.PositiveSmallIntegerField(
        _("learners who came"), validators=[MaxValueValidator(500)], help_text=_("How many learners were there.")
    )
    reflection = models.TextField(
        _("reflection"), max_length=4000, blank=True, help_text=_("What worked, what you would change, anything else.")
    )
    created_at = models.DateTimeField(_("given"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")

    def __str__(self):
        return f"{self.meeting}: {self.rating}/5"


class FeedbackRequest(models.Model):
    """The facilitator was asked for feedback on this meeting (once)."""

    meeting = models.OneToOneField("circles.Meeting", on_delete=models.CASCADE, related_name="feedback_request")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)


class TeamDigest(models.Model):
    """The weekly summary as it was sent, one per team and week (Monday)."""

    team = models.ForeignKey("circles.TeamPage", on_delete=models.CASCADE, related_name="digests")
    week_start = models.DateField(_("week of"))
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-week_start"]
        verbose_name = _("team digest")
        verbose_name_plural = _("team digests")
        constraints = [models.UniqueConstraint(fields=["team", "week_start"], name="dashboard_one_digest_per_week")]

    def __str__(self):
        return f"{self.team_id} {self.week_start}"
