"""Sending email through the task queue, after the database commit, with a record staff can see."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from home.models import OutboundEmail

MAX_ATTEMPTS = 3


def queue_email(to, subject, body_text, body_html="", attachments=(), topic="", language=""):
    """Record an email and deliver it through the task queue once the current transaction commits."""
    email = OutboundEmail.objects.create(
        to=to,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        attachments=list(attachments),
        topic=topic,
        language=language,
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email_id=email.pk))
    return email


@task()
def deliver_email(email_id):
    email = OutboundEmail.objects.filter(pk=email_id).exclude(status=OutboundEmail.Status.SENT).first()
    if email is None:
        return
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.body_text, from_email=settings.DEFAULT_FROM_EMAIL, to=[email.to]
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment.get("mimetype", "text/plain"))
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # any delivery failure is recorded, never raised to the form
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.status = OutboundEmail.Status.RETRYING if email.attempts < MAX_ATTEMPTS else OutboundEmail.Status.FAILED
    else:
        email.status = OutboundEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
    email.save(update_fields=["status", "attempts", "last_error", "sent_at"])


def retry_failed_emails():
    """Queue every email still waiting for a retry; returns how many."""
    pending = list(OutboundEmail.objects.filter(status=OutboundEmail.Status.RETRYING).values_list("pk", flat=True))
    for email_id in pending:
        deliver_email.enqueue(email_id=email_id)
    return len(pending)
