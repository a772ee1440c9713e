"""Team invitations: a signed link, for one address, that works once and expires.

The link carries the invitation's id and a nonce that changes on every resend and on
revoke; the database says whether it is still open, so a used, revoked, resent or
expired link never works, whatever its signature.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from circles.models import TeamMember
from dashboard.models import INVITATION_DAYS, TeamInvitation, new_nonce
from home import roles
from home.outbox import queue_email

SALT = "dashboard.invitation"


class InvitationProblem(Exception):
    """Why a link can't be used; `reason` is one of the keys of REASONS."""

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def token(invitation):
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=SALT, compress=True)


def link(invitation):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("dashboard_invitation", args=[token(invitation)])


def read(value):
    """The open invitation a link is for, or InvitationProblem."""
    try:
        data = signing.loads(value, salt=SALT, max_age=timedelta(days=INVITATION_DAYS + 1))
    except signing.SignatureExpired as error:
        raise InvitationProblem("expired") from error
    except signing.BadSignature as error:
        raise InvitationProblem("invalid") from error
    if not isinstance(data, dict):
        raise InvitationProblem("invalid")
    invitation = TeamInvitation.objects.select_related("team").filter(pk=data.get("i")).first()
    if invitation is None or invitation.nonce != data.get("n"):
        # A resend or revoke changed the nonce: this is an older link.
        if invitation is not None and invitation.status == TeamInvitation.Status.REVOKED:
            raise InvitationProblem("revoked", invitation)
        raise InvitationProblem("invalid", invitation)
    status = invitation.current_status
    if status != TeamInvitation.Status.PENDING:
        raise InvitationProblem(status, invitation)
    return invitation


def invite(team, email, *, role=TeamMember.Role.FACILITATOR, message="", invited_by=None):
    """Invite `email`, or send the open invitation to that address again."""
    email = email.strip().lower()
    existing = TeamInvitation.objects.filter(team=team, email=email, status=TeamInvitation.Status.PENDING).first()
    if existing is not None:
        existing.role = role
        existing.message = message or existing.message
        existing.save(update_fields=["role", "message"])
        return resend(existing)
    invitation = TeamInvitation.objects.create(
        team=team, email=email, role=role, message=message, invited_by=invited_by
    )
    send(invitation)
    return invitation


def send(invitation):
    language = invitation.team.locale.language_code if invitation.team.locale_id else settings.LANGUAGE_CODE
    with translation.override(language):
        inviter = invitation.invited_by.get_full_name() if invitation.invited_by else ""
        body = render_to_string(
            "dashboard/email/invitation.txt",
            {"invitation": invitation, "team": invitation.team, "inviter": inviter, "link": link(invitation)},
        )
        subject = _("You are invited to join %(team)s") % {"team": invitation.team.title}
    queue_email(invitation.email, subject, body, topic="team-invitation", language=language)
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])


def resend(invitation):
    """A new link with a new expiry date; the old link stops working."""
    invitation.nonce = new_nonce()
    invitation.status = TeamInvitation.Status.PENDING
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    invitation.save(update_fields=["nonce", "status", "expires_at"])
    send(invitation)
    return invitation


def revoke(invitation):
    invitation.status = TeamInvitation.Status.REVOKED
    invitation.nonce = new_nonce()
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "nonce", "responded_at"])


def _close(invitation, status, user=None):
    """Mark the invitation answered, once: a second request finds it already closed."""
    changed = TeamInvitation.objects.filter(
        pk=invitation.pk, status=TeamInvitation.Status.PENDING, nonce=invitation.nonce
    ).update(status=status, accepted_by=user, responded_at=timezone.now())
    if not changed:
        raise InvitationProblem("used", invitation)


@transaction.atomic
def accept(invitation, user):
    """Add `user` to the team; their address must be the invited one."""
    if (user.email or "").strip().lower() != invitation.email:
        raise InvitationProblem("mismatch", invitation)
    _close(invitation, TeamInvitation.Status.ACCEPTED, user)
    role = invitation.role if invitation.role in TeamMember.Role.values else TeamMember.Role.FACILITATOR
    member = TeamMember.objects.filter(team=invitation.team, user=user).first()
    if member is None:
        TeamMember.objects.create(team=invitation.team, user=user, role=role, sort_order=_next_position(invitation))
    elif role == TeamMember.Role.ORGANIZER and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    # The admin needs the role's group to let them in; page permissions follow the membership.
    group_name = roles.TEAM_ORGANIZERS if role == TeamMember.Role.ORGANIZER else roles.FACILITATORS
    group = Group.objects.filter(name=group_name).first()
    if group is not None:
        user.groups.add(group)
    return invitation


def _next_position(invitation):
    last = TeamMember.objects.filter(team=invitation.team).order_by("-sort_order").first()
    return (last.sort_order or 0) + 1 if last else 0


def decline(invitation):
    _close(invitation, TeamInvitation.Status.DECLINED)
