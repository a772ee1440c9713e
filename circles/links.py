"""Signed links in emails: manage a signup, answer an RSVP.

`django.core.signing` compares signatures in constant time. A manage link works
until the circle has ended, an RSVP link until its meeting starts.
"""

import base64
import binascii

from django.core import signing
from django.utils import timezone

MANAGE_SALT = "circles.signup.manage"
RSVP_SALT = "circles.signup.rsvp"
THANKS_SALT = "circles.signup.thanks"
THANKS_MAX_AGE = 60 * 30


class LinkInvalid(Exception):
    pass


class LinkExpired(Exception):
    pass


def _dumps(data, salt):
    # Wagtail's page URLs allow only letters, digits, "-" and "_" in a path segment.
    signed = signing.dumps(data, salt=salt, compress=True)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def manage_token(signup):
    return _dumps({"s": signup.pk, "c": signup.circle_id}, MANAGE_SALT)


def rsvp_token(signup, meeting, attending):
    return _dumps({"s": signup.pk, "m": meeting.pk, "a": 1 if attending else 0}, RSVP_SALT)


def thanks_token(signup, created):
    return _dumps({"s": signup.pk, "n": 1 if created else 0}, THANKS_SALT)


def _load(token, salt, max_age=None):
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise LinkInvalid from error
    try:
        data = signing.loads(signed, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    if not isinstance(data, dict):
        raise LinkInvalid
    return data


def read_manage(token, circle):
    """The signup a manage link is for; the link must belong to this circle."""
    from circles.models import Signup

    data = _load(token, MANAGE_SALT)
    if data.get("c") != circle.pk:
        raise LinkInvalid
    signup = Signup.objects.filter(pk=data.get("s"), circle=circle).first()
    if signup is None:
        raise LinkInvalid
    return signup


def read_rsvp(token, circle):
    from circles.models import Meeting, Signup

    data = _load(token, RSVP_SALT)
    signup = Signup.objects.filter(pk=data.get("s"), circle=circle).first()
    meeting = Meeting.objects.filter(pk=data.get("m"), circle=circle).first()
    if signup is None or meeting is None or data.get("a") not in (0, 1):
        raise LinkInvalid
    meeting.circle = circle
    if meeting.start <= timezone.now():
        raise LinkExpired
    return signup, meeting, bool(data["a"])


def read_thanks(token, circle):
    from circles.models import Signup

    data = _load(token, THANKS_SALT, max_age=THANKS_MAX_AGE)
    signup = Signup.objects.filter(pk=data.get("s"), circle=circle).first()
    if signup is None:
        raise LinkInvalid
    return signup, bool(data.get("n"))
