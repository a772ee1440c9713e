"""Team invitations, meeting feedback and weekly digests held about a person."""

from django.contrib.auth import get_user_model

from accounts.personal_data import ERASED
from dashboard.models import MeetingFeedback, TeamDigest, TeamInvitation


def _invitations(email):
    return TeamInvitation.objects.filter(email__iexact=email.strip()).select_related("team")


def _users(email):
    return list(get_user_model().objects.filter(email__iexact=email.strip()))


def export(email):
    users = _users(email)
    return {
        "invitations": [
            {
                "team": invitation.team.title,
                "role": invitation.role,
                "status": invitation.current_status,
                "message": invitation.message,
                "invited": invitation.created_at.isoformat(),
                "expires": invitation.expires_at.isoformat(),
                "answered": invitation.responded_at.isoformat() if invitation.responded_at else None,
            }
            for invitation in _invitations(email).order_by("created_at")
        ],
        "meeting_feedback": [
            {
                "circle": feedback.circle.title,
                "meeting": feedback.meeting.date.isoformat(),
                "rating": feedback.rating,
                "attendance": feedback.attendance,
                "reflection": feedback.reflection,
            }
            for feedback in MeetingFeedback.objects.filter(facilitator__in=users)
            .select_related("circle", "meeting")
            .order_by("created_at")
        ],
    }


def erase(email):
    users = _users(email)
    names = {email.strip().lower()} | {user.get_full_name() for user in users if user.get_full_name()}
    invitations = _invitations(email).delete()[0]
    # The team keeps the figures (rating, attendance); who gave them and their own words go.
    feedback = MeetingFeedback.objects.filter(facilitator__in=users).update(facilitator=None, reflection="")
    digests = 0
    for digest in TeamDigest.objects.all().only("pk", "body_text").iterator():
        body = digest.body_text
        for name in names:
            body = body.replace(name, ERASED)
        if body != digest.body_text:
            TeamDigest.objects.filter(pk=digest.pk).update(body_text=body)
            digests += 1
    return {"invitations": invitations, "meeting_feedback": feedback, "digests": digests}
