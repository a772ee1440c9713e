"""The one way in for signups: the public form, the admin and any future API all call these.

Capacity and duplicates are decided while the circle's row is locked
(`select_for_update` on PostgreSQL; SQLite runs with IMMEDIATE transactions, which
serialise writers), so the limit is never exceeded under concurrent submissions and the
same email never gets a second row for the same circle.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from circles import links
from circles.calendars import circle_ics
from circles.models import LearningCirclePage, MeetingRSVP, Signup, Status
from home.outbox import queue_email

PERSONAL_FIELDS = ("name", "mobile", "goals", "contribution", "custom_answer")
ANSWER_FIELDS = (*PERSONAL_FIELDS, "consent", "news_opt_in")


class SignupClosed(Exception):
    """The circle does not take signups now."""


@dataclass
class SignupResult:
    signup: Signup
    created: bool

    @property
    def waiting(self):
        return self.signup.status == Signup.Status.WAITING


def _lock_circle(circle):
    queryset = LearningCirclePage.objects.filter(pk=circle.pk)
    if connection.features.has_select_for_update:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get()


def _has_room(circle):
    if circle.signup_limit is None:
        return True
    return Signup.objects.filter(circle=circle, status=Signup.Status.CONFIRMED).count() < circle.signup_limit


def sign_up(circle, *, email, name, **answers):
    """Sign `email` up for `circle`, or update their answers if they are signed up already.

    `circle` may be any language's page of the circle: the signup belongs to the original, and
    the learner's emails come in the language of the page they used.
    """
    email = email.strip().lower()
    fields = {key: answers.get(key, "") for key in ANSWER_FIELDS if key in answers}
    fields["name"] = name.strip()
    if circle.signup_circle.pk != circle.pk:
        fields["language"] = circle.email_language()
    for attempt in range(2):
        try:
            with transaction.atomic():
                locked = _lock_circle(circle.signup_circle)
                existing = Signup.objects.filter(circle=locked, email=email).first()
                if existing is not None:
                    for key, value in fields.items():
                        setattr(existing, key, value)
                    existing.save()
                    send_confirmation(existing, locked)
                    return SignupResult(existing, created=False)
                if not locked.accepts_signups:
                    raise SignupClosed
                status = Signup.Status.CONFIRMED if _has_room(locked) else Signup.Status.WAITING
                signup = Signup.objects.create(circle=locked, email=email, status=status, **fields)
                send_confirmation(signup, locked)
                return SignupResult(signup, created=True)
        except IntegrityError:
            # Another request created the row between our check and insert; the second try updates it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def leave(signup):
    """Remove the learner from the circle and their personal data from the signup; promote the next in line."""
    with transaction.atomic():
        circle = _lock_circle(signup.circle)
        signup = Signup.objects.get(pk=signup.pk)
        if signup.status == Signup.Status.LEFT:
            return None
        was_confirmed = signup.status == Signup.Status.CONFIRMED
        for field in PERSONAL_FIELDS:
            setattr(signup, field, "")
        signup.email = None
        signup.news_opt_in = False
        signup.status = Signup.Status.LEFT
        signup.left_at = timezone.now()
        signup.save()
        MeetingRSVP.objects.filter(signup=signup).delete()
        promoted = None
        if was_confirmed and circle.status != Status.COMPLETED:
            promoted = promote_next(circle)
        return promoted


def retention_days():
    return getattr(settings, "CIRCLE_SIGNUP_RETENTION_DAYS", 180)


def anonymise_ended(*, days, now=None):
    """Remove learners' details from circles whose last meeting was more than `days` days ago.

    The rows stay, without anything that says who they were, so a team's figures
    (learners signed up, RSVPs) don't change. Returns how many signups were anonymised.
    """
    cutoff = (now or timezone.now()).date() - timedelta(days=days)
    ended = LearningCirclePage.objects.annotate(last_meeting=Max("meetings__date")).filter(last_meeting__lt=cutoff)
    still_personal = Signup.objects.filter(circle__in=ended.values("pk")).exclude(
        email=None, **dict.fromkeys(PERSONAL_FIELDS, "")
    )
    return still_personal.update(email=None, news_opt_in=False, **dict.fromkeys(PERSONAL_FIELDS, ""))


def promote_next(circle):
    """Give the first learner on the waiting list a place if there is room; tell them by email."""
    if not _has_room(circle):
        return None
    first = Signup.objects.filter(circle=circle, status=Signup.Status.WAITING).order_by("pk").first()
    if first is None:
        return None
    first.status = Signup.Status.CONFIRMED
    first.save(update_fields=["status", "updated_at"])
    send_promotion(first, circle)
    return first


def record_rsvp(signup, meeting, attending):
    rsvp, _created = MeetingRSVP.objects.update_or_create(
        signup=signup, meeting=meeting, defaults={"attending": attending}
    )
    return rsvp


def learner_page(signup, circle):
    """The language of `signup`'s emails, and the page of `circle` in it, which their links lead to."""
    signup.circle = circle
    language = signup.email_language()
    return language, circle.in_language(language)


def _absolute_url(page):
    return page.full_url or (settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (page.url or ""))


def signed_links(signup, page, meeting):
    """The yes and no RSVP links for `meeting` (a meeting of the original circle) on `page`."""
    base = _absolute_url(page)
    return tuple(
        f"{base}{page.reverse_subpage('rsvp', args=[links.rsvp_token(signup, meeting, attending)])}"
        for attending in (True, False)
    )


def manage_link(signup, page):
    return f"{_absolute_url(page)}{page.reverse_subpage('manage', args=[links.manage_token(signup)])}"


def _email_context(signup, circle, page):
    upcoming = [m for m in circle.meeting_list if m.end > timezone.now()]
    return {
        "signup": signup,
        "circle": page,
        "next_meeting": circle.next_meeting,
        "meetings": circle.meeting_list,
        "manage_url": manage_link(signup, page),
        "rsvp_links": [(meeting, *signed_links(signup, page, meeting)) for meeting in upcoming],
        "facilitators": circle.facilitator_names(),
    }


def _send(signup, circle, template, subject, topic):
    language, page = learner_page(signup, circle)
    with translation.override(language):
        context = _email_context(signup, circle, page)
        body = render_to_string(template, context)
        queue_email(
            signup.email,
            str(subject).format(title=page.title),
            body,
            attachments=[
                {
                    "filename": "learning-circle.ics",
                    "content": circle_ics(circle, page=page).decode(),
                    "mimetype": "text/calendar",
                }
            ],
            topic=topic,
            language=language,
        )


def send_confirmation(signup, circle):
    if signup.status == Signup.Status.WAITING:
        subject = gettext_lazy("You are on the waiting list for {title}")
    else:
        subject = gettext_lazy("You are signed up for {title}")
    _send(signup, circle, "circles/email/signup.txt", subject, "circle-signup")


def send_promotion(signup, circle):
    subject = gettext_lazy("A place opened up for you in {title}")
    _send(signup, circle, "circles/email/promoted.txt", subject, "circle-promotion")
