"""Messages to registrants, in their own language, through the outbox (sent after commit)."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.calendar import build_calendar
from home.outbox import queue_email

TOPIC = "gathering"


def page_in_language(gathering, language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != gathering.locale_id:
        translated = gathering.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific
    return gathering


def manage_url(gathering, registration):
    from gathering.registrations import manage_token

    page = page_in_language(gathering, registration.language)
    return f"{page.full_url}manage/{manage_token(registration)}/"


def _send(gathering, registration, kind, subject, attach_calendar=False):
    with translation.override(registration.language):
        page = page_in_language(gathering, registration.language)
        context = {
            "registration": registration,
            "gathering": page,
            "kind": kind,
            "manage_url": manage_url(gathering, registration),
            "position": registration.waiting_position(),
        }
        body = render_to_string("gathering/email/registration.txt", context)
        attachments = []
        if attach_calendar:
            all_events = page.calendar_events()
            events = all_events[:1]
            if registration.pre_event_confirmed:
                events += [event for event in all_events if "-pre-event@" in event.uid]
            attachments.append(
                {
                    "filename": f"{page.slug}.ics",
                    "content": build_calendar(events, page.title).decode(),
                    "mimetype": "text/calendar",
                }
            )
        queue_email(
            registration.email,
            f"{subject}: {page.title}",
            body,
            attachments=attachments,
            topic=TOPIC,
            language=registration.language,
        )


def send_registered(gathering, registration):
    if registration.status == registration.Status.CONFIRMED:
        _send(gathering, registration, "confirmed", _subject_confirmed(registration), attach_calendar=True)
    else:
        _send(gathering, registration, "waiting", _subject_waiting(registration))


def _subject_confirmed(registration):
    with translation.override(registration.language):
        return _("Your place is confirmed")


def _subject_waiting(registration):
    with translation.override(registration.language):
        return _("You are on the waiting list")


def send_update(gathering, registration):
    with translation.override(registration.language):
        subject = _("Your registration was updated")
    _send(gathering, registration, "updated", subject)


def send_promoted(gathering, registration):
    with translation.override(registration.language):
        subject = _("A place is yours")
    _send(gathering, registration, "promoted", subject, attach_calendar=True)


def send_offer(gathering, registration):
    with translation.override(registration.language):
        subject = _("A place is free: please confirm")
    _send(gathering, registration, "offer", subject)


def send_offer_expired(gathering, registration):
    with translation.override(registration.language):
        subject = _("Your offer has expired")
    _send(gathering, registration, "offer_expired", subject)


def send_cancelled(gathering, registration):
    with translation.override(registration.language):
        subject = _("Your registration is cancelled")
    _send(gathering, registration, "cancelled", subject)


def send_moved_to_waiting(gathering, registration):
    with translation.override(registration.language):
        subject = _("You are on the waiting list")
    _send(gathering, registration, "moved_to_waiting", subject)
