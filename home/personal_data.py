"""Email the site sent to a person (the outbox)."""

from home.models import OutboundEmail

ERASED = "[erased]"


def export(email):
    messages = OutboundEmail.objects.filter(to__iexact=email).order_by("created_at")
    return {
        "emails": [
            {"subject": m.subject, "topic": m.topic, "status": m.status, "created_at": m.created_at.isoformat()}
            for m in messages
        ]
    }


def erase(email):
    messages = OutboundEmail.objects.filter(to__iexact=email)
    # The delivery record stays for the outbox's counts; address and content go.
    count = messages.update(to="erased@invalid", subject=ERASED, body_text=ERASED, body_html="", attachments=[])
    return {"emails": count}
