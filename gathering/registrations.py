"""The one registration service: every change to a registration, whatever path it came by, goes through here.

Rules it keeps:
- registration is accepted only between opening and closing, and never once the gathering starts;
- public seats never exceed the capacity, also under concurrent submissions: every change locks the
  gathering's row first (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions
  serialise writers already), then counts;
- invitation codes hold their own seats outside the public capacity;
- the same email is one registration, updated when it comes again (a unique constraint settles races);
- a freed seat goes to the first person waiting: confirmed at once while the gathering is far away,
  offered for a limited time when it is close, and not at all after the promotion cutoff;
- every message goes out through the outbox after commit.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from gathering import notifications
from gathering.models import GatheringPage, InvitationCode, Registration

Status = Registration.Status
MANAGE_SALT = "gathering.registration.manage"
MANAGE_LINK_MAX_AGE = timedelta(days=400)
PERSONAL_FIELDS = [
    "name",
    "organisation",
    "role",
    "city",
    "country",
    "circles_facilitated",
    "dietary_needs",
    "accessibility_needs",
    "travel_support_requested",
    "travel_support_reason",
    "open_space_session",
    "photo_consent",
]


class RegistrationError(Exception):
    """A registration the rules refuse; the message is shown to the visitor."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Result:
    registration: Registration
    created: bool


# Signed links -------------------------------------------------------------------------------------


def _token_signature(pk, secret, issued):
    return salted_hmac(MANAGE_SALT, f"{pk}-{secret}-{issued}", algorithm="sha256").hexdigest()[:40]


def manage_token(registration):
    """A link token of letters, digits and dashes only (page URLs allow nothing else): id, time, signature."""
    issued = baseconv_encode(int(time.time()))
    signature = _token_signature(registration.pk, registration.manage_token.hex, issued)
    return f"{registration.pk}-{issued}-{signature}"


def registration_from_token(token):
    """The registration a signed link names, or None when it is tampered with, expired or withdrawn."""
    try:
        pk, issued, signature = token.split("-")
        age = time.time() - baseconv_decode(issued)
        pk = int(pk)
    except ValueError:
        return None
    if age > MANAGE_LINK_MAX_AGE.total_seconds():
        return None
    registration = Registration.objects.filter(pk=pk, anonymised_at__isnull=True).first()
    if registration is None:
        return None
    expected = _token_signature(registration.pk, registration.manage_token.hex, issued)
    if not constant_time_compare(expected, signature):
        return None
    return registration


def baseconv_encode(number):
    return signing.b62_encode(number)


def baseconv_decode(text):
    if not text.isalnum():
        raise ValueError(text)
    return signing.b62_decode(text)


# Locking and counting --------------------------------------------------------------------------------


def _lock(gathering):
    """Lock the source gathering's row for the rest of the transaction and return a fresh copy."""
    source = gathering.registration_source
    return GatheringPage.objects.select_for_update(of=("self",)).get(pk=source.pk)


def public_seats_taken(gathering):
    return Registration.objects.filter(
        gathering=gathering, invitation_code__isnull=True, status__in=[Status.CONFIRMED, Status.OFFERED]
    ).count()


def pre_event_seats_taken(gathering):
    return Registration.objects.filter(gathering=gathering, pre_event_confirmed=True).count()


def invited_seats_taken(code):
    return code.registrations.exclude(status__in=[Status.CANCELLED, Status.EXPIRED]).count()


def _first_waiting(gathering):
    return Registration.objects.filter(gathering=gathering, status=Status.WAITING).order_by("queued_at", "pk").first()


def _give_pre_event_seat(gathering, registration):
    if (
        registration.pre_event_requested
        and not registration.pre_event_confirmed
        and registration.status == Status.CONFIRMED
        and gathering.has_pre_event
        and pre_event_seats_taken(gathering) < gathering.pre_event_capacity
    ):
        registration.pre_event_confirmed = True
    if not registration.pre_event_requested or registration.status != Status.CONFIRMED:
        registration.pre_event_confirmed = False


def _check_window(gathering, now):
    state = gathering.registration_state(now)
    if state == "not_yet":
        opens = formats.date_format(timezone.localtime(gathering.registration_opens), "DATETIME_FORMAT")
        raise RegistrationError(_("Registration opens on %(date)s.") % {"date": opens}, "not_yet")
    if state in ("closed", "none"):
        raise RegistrationError(_("Registration for this gathering is closed."), "closed")


def _find_code(gathering, raw_code):
    code = (raw_code or "").strip().upper()
    if not code:
        return None
    found = InvitationCode.objects.filter(gathering=gathering, code=code).first()
    if found is None:
        raise RegistrationError(_("That invitation code is not valid for this gathering."), "bad_code")
    return found


# Registering -------------------------------------------------------------------------------------


def register(gathering, data, *, language="en", invitation_code="", now=None):
    """Register (or update) the person with data["email"]; returns a Result. Raises RegistrationError."""
    now = now or timezone.now()
    email = data["email"].strip().lower()
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _register_locked(gathering, email, data, language, invitation_code, now)
        except IntegrityError:
            # Two submissions for the same email raced past each other (only possible without the row
            # lock); the row exists now, so the next attempt updates it.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _register_locked(gathering, email, data, language, invitation_code, now):
    gathering = _lock(gathering)
    _check_window(gathering, now)
    code = _find_code(gathering, invitation_code)
    registration = Registration.objects.filter(gathering=gathering, email=email).first()
    created = registration is None
    if registration is not None and registration.status not in (Status.CANCELLED, Status.EXPIRED):
        # Same person again: update their answers, keep their place.
        _apply_details(registration, data)
        registration.language = language
        _give_pre_event_seat(gathering, registration)
        registration.save()
        notifications.send_update(gathering, registration)
        return Result(registration, created=False)

    if registration is None:
        registration = Registration(gathering=gathering, email=email)
    _apply_details(registration, data)
    registration.privacy_consent = True
    registration.language = language
    registration.offer_expires_at = None
    registration.pre_event_confirmed = False
    registration.invitation_code = None

    if code is not None and invited_seats_taken(code) < code.seats:
        registration.invitation_code = code
        registration.status = Status.CONFIRMED
    elif code is not None:
        raise RegistrationError(_("All places for that invitation code are taken."), "code_full")
    elif public_seats_taken(gathering) < gathering.capacity and _first_waiting(gathering) is None:
        registration.status = Status.CONFIRMED
    else:
        registration.status = Status.WAITING
        registration.queued_at = now
    if registration.status == Status.CONFIRMED:
        registration.queued_at = None
    _give_pre_event_seat(gathering, registration)
    registration.save()
    notifications.send_registered(gathering, registration)
    return Result(registration, created=created)


def _apply_details(registration, data):
    for field in PERSONAL_FIELDS:
        if field in data:
            setattr(registration, field, data[field] if data[field] is not None else "")
    if "pre_event_requested" in data:
        registration.pre_event_requested = bool(data["pre_event_requested"])
    if "answers" in data:
        registration.answers = data["answers"]
    if not registration.travel_support_requested:
        registration.travel_support_reason = ""


def update_details(registration, data, *, now=None):
    """Change a registration's answers from its manage page (email and status stay)."""
    with transaction.atomic():
        gathering = _lock(registration.gathering)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status in (Status.CANCELLED, Status.EXPIRED):
            raise RegistrationError(_("This registration is cancelled."), "cancelled")
        _apply_details(registration, data)
        _give_pre_event_seat(gathering, registration)
        registration.save()
        return registration


# Cancelling, promoting, offers ------------------------------------------------------------------------


def cancel(registration, *, now=None, notify=True):
    """Cancel a registration and give its seat to the next person waiting. Cancelling twice does nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        gathering = _lock(registration.gathering)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        registration.status = Status.CANCELLED
        registration.pre_event_confirmed = False
        registration.offer_expires_at = None
        registration.save()
        if notify:
            notifications.send_cancelled(gathering, registration)
        promote(gathering, now=now, locked=True)
        _fill_pre_event(gathering)
        return registration


def promotion_stopped(gathering, now):
    return now >= gathering.starts_at - timedelta(days=gathering.promotion_cutoff_days)


def promote(gathering, *, now=None, locked=False):
    """Move people up from the waiting list while public seats are free; returns who moved up."""
    now = now or timezone.now()
    if not locked:
        with transaction.atomic():
            return promote(_lock(gathering), now=now, locked=True)
    promoted = []
    if promotion_stopped(gathering, now):
        return promoted
    offering = now >= gathering.starts_at - timedelta(days=gathering.offer_window_days)
    while public_seats_taken(gathering) < gathering.capacity:
        registration = _first_waiting(gathering)
        if registration is None:
            break
        if offering:
            registration.status = Status.OFFERED
            registration.offer_expires_at = now + timedelta(hours=gathering.offer_hours)
            registration.save()
            notifications.send_offer(gathering, registration)
        else:
            registration.status = Status.CONFIRMED
            registration.queued_at = None
            _give_pre_event_seat(gathering, registration)
            registration.save()
            notifications.send_promoted(gathering, registration)
        promoted.append(registration)
    return promoted


def _fill_pre_event(gathering):
    """Give freed pre-event seats to confirmed people who asked for one, first come first served."""
    if not gathering.has_pre_event:
        return
    waiting = Registration.objects.filter(
        gathering=gathering, status=Status.CONFIRMED, pre_event_requested=True, pre_event_confirmed=False
    ).order_by("created_at", "pk")
    free = gathering.pre_event_capacity - pre_event_seats_taken(gathering)
    for registration in waiting[: max(free, 0)]:
        registration.pre_event_confirmed = True
        registration.save(update_fields=["pre_event_confirmed", "updated_at"])


def confirm_offer(registration, *, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        gathering = _lock(registration.gathering)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CONFIRMED:
            return registration
        if registration.status != Status.OFFERED or registration.offer_expires_at <= now:
            raise RegistrationError(_("This offer has expired, and the place has passed to someone else."), "expired")
        registration.status = Status.CONFIRMED
        registration.offer_expires_at = None
        registration.queued_at = None
        _give_pre_event_seat(gathering, registration)
        registration.save()
        notifications.send_registered(gathering, registration)
        return registration


def expire_offers(*, now=None):
    """Expire unconfirmed offers and pass each place on; safe to run as often as you like."""
    now = now or timezone.now()
    expired = []
    gathering_ids = (
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("gathering_id", flat=True)
        .distinct()
    )
    for gathering_id in list(gathering_ids):
        with transaction.atomic():
            gathering = GatheringPage.objects.select_for_update(of=("self",)).get(pk=gathering_id)
            for registration in Registration.objects.filter(
                gathering=gathering, status=Status.OFFERED, offer_expires_at__lte=now
            ):
                registration.status = Status.EXPIRED
                registration.save()
                notifications.send_offer_expired(gathering, registration)
                expired.append(registration)
            promote(gathering, now=now, locked=True)
    return expired


# Staff actions ------------------------------------------------------------------------------------


def move_to_waiting(registration, *, now=None):
    """Staff: put a confirmed person on the waiting list (at its end). The freed seat is not auto-filled."""
    now = now or timezone.now()
    with transaction.atomic():
        gathering = _lock(registration.gathering)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.WAITING:
            return registration
        registration.status = Status.WAITING
        registration.queued_at = now
        registration.offer_expires_at = None
        registration.pre_event_confirmed = False
        registration.invitation_code = None
        registration.save()
        notifications.send_moved_to_waiting(gathering, registration)
        return registration


def move_to_confirmed(registration, *, now=None):
    """Staff: confirm someone from the waiting list, if a public seat is free."""
    with transaction.atomic():
        gathering = _lock(registration.gathering)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Status.CONFIRMED:
            return registration
        if not registration.holds_public_seat and public_seats_taken(gathering) >= gathering.capacity:
            raise RegistrationError(
                _("The gathering is full. Move someone to the waiting list first."),
                "full",
            )
        registration.status = Status.CONFIRMED
        registration.queued_at = None
        registration.offer_expires_at = None
        _give_pre_event_seat(gathering, registration)
        registration.save()
        notifications.send_promoted(gathering, registration)
        return registration


def set_travel_support_granted(registration, granted=True):
    Registration.objects.filter(pk=registration.pk).update(travel_support_granted=granted, updated_at=timezone.now())


# Privacy ------------------------------------------------------------------------------------------


SENSITIVE_FIELDS = ["dietary_needs", "accessibility_needs"]


def purge_sensitive(*, now=None, days=None):
    """Blank dietary and accessibility answers `days` after each gathering ended; returns how many."""
    from gathering.models import purge_after_days

    now = now or timezone.now()
    days = purge_after_days() if days is None else days
    cutoff = timezone.localdate(now) - timedelta(days=days)
    pending = Registration.objects.filter(gathering__end_date__lt=cutoff, sensitive_purged_at__isnull=True)
    return pending.update(dietary_needs="", accessibility_needs="", sensitive_purged_at=now)


def anonymise(*, now=None, days=None):
    """Strip everything personal from registrations of gatherings that ended `days` ago; returns how many."""
    from gathering.models import anonymise_after_days

    now = now or timezone.now()
    days = anonymise_after_days() if days is None else days
    cutoff = timezone.localdate(now) - timedelta(days=days)
    count = 0
    for registration in Registration.objects.filter(gathering__end_date__lt=cutoff, anonymised_at__isnull=True):
        anonymise_registration(registration, now=now)
        count += 1
    return count


def anonymise_registration(registration, *, now=None):
    """Keep the row for the counts; remove everything that says who it was."""
    now = now or timezone.now()
    registration.email = f"anonymised-{registration.pk}@invalid"
    registration.name = str(_("Anonymised"))
    for field in ("organisation", "role", "city", "country", "dietary_needs", "accessibility_needs"):
        setattr(registration, field, "")
    registration.travel_support_reason = ""
    registration.open_space_session = ""
    registration.answers = {}
    registration.anonymised_at = now
    registration.sensitive_purged_at = registration.sensitive_purged_at or now
    registration.save()


def staff_filter(queryset, *, status="", travel="", pre_event="", q=""):
    if status:
        queryset = queryset.filter(status=status)
    if travel == "requested":
        queryset = queryset.filter(travel_support_requested=True)
    elif travel == "granted":
        queryset = queryset.filter(travel_support_granted=True)
    if pre_event == "yes":
        queryset = queryset.filter(pre_event_confirmed=True)
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(email__icontains=q) | Q(organisation__icontains=q))
    return queryset
