"""Signups and RSVPs: personal data kept out of pages and their revisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Signup(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        LEFT = "left", _("Left")

    circle = models.ForeignKey("circles.LearningCirclePage", on_delete=models.CASCADE, related_name="signups")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    name = models.CharField(_("name"), max_length=120, blank=True)
    # Lower-cased by the signup service; emptied (NULL) when the learner leaves.
    email = models.EmailField(_("email"), null=True, blank=True)
    mobile = models.CharField(_("mobile"), max_length=40, blank=True)
    goals = models.TextField(_("what they hope to achieve"), blank=True)
    contribution = models.TextField(_("how they will help peers"), blank=True)
    custom_answer = models.TextField(_("answer to the circle's question"), blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    news_opt_in = models.BooleanField(_("wants news"), default=False)
    language = models.CharField(
        _("email language"),
        max_length=10,
        blank=True,
        help_text=_("The language of the page they signed up on; empty means the circle's own."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["circle", "pk"]
        verbose_name = _("signup")
        verbose_name_plural = _("signups")
        constraints = [models.UniqueConstraint(fields=["circle", "email"], name="circles_one_signup_per_email")]
        indexes = [models.Index(fields=["circle", "status"])]

    def __str__(self):
        return self.name or str(_("Learner who left"))

    def email_language(self):
        return self.language or self.circle.email_language()

    @property
    def waiting_position(self):
        if self.status != self.Status.WAITING:
            return None
        return Signup.objects.filter(circle_id=self.circle_id, status=self.Status.WAITING, pk__lt=self.pk).count() + 1


class MeetingRSVP(models.Model):
    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="rsvps")
    meeting = models.ForeignKey("circles.Meeting", on_delete=models.CASCADE, related_name="rsvps")
    attending = models.BooleanField(_("attending"))
    answered_at = models.DateTimeField(_("answered"), auto_now=True)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [models.UniqueConstraint(fields=["signup", "meeting"], name="circles_one_rsvp_per_meeting")]
