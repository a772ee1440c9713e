"""Email is recorded first and delivered after commit; a failed delivery is kept and visible to staff."""

import pytest
from django.core import mail
from django.core.management import call_command

from home.models import OutboundEmail
from home.outbox import queue_email

pytestmark = pytest.mark.django_db


def test_email_is_sent_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(
            "learner@example.org",
            "You joined a learning circle",
            "See you on Monday.",
            attachments=[{"filename": "meeting.ics", "content": "BEGIN:VCALENDAR", "mimetype": "text/calendar"}],
            topic="signup",
        )
        assert len(mail.outbox) == 0, "nothing may be sent before the data is committed"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["learner@example.org"]
    assert mail.outbox[0].attachments[0][0] == "meeting.ics"
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.sent_at is not None


def test_a_failed_delivery_is_recorded_and_retried(django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "home.tests.failing_email_backend.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email("learner@example.org", "Hello", "Body", topic="signup")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.RETRYING
    assert "SMTP server is down" in email.last_error
    call_command("retry_outbox", verbosity=0)
    call_command("retry_outbox", verbosity=0)
    email.refresh_from_db()
    assert email.attempts == 3
    assert email.status == OutboundEmail.Status.FAILED

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email.status = OutboundEmail.Status.RETRYING
    email.save()
    call_command("retry_outbox", verbosity=0)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_staff_see_the_outbox_in_the_admin(admin_client):
    OutboundEmail.objects.create(to="a@example.org", subject="Welcome", body_text="x", status="failed")
    response = admin_client.get("/admin/outbox/")
    assert response.status_code == 200
    assert b"Welcome" in response.content


def test_non_staff_do_not_see_the_outbox(client, django_user_model):
    user = django_user_model.objects.get(username="editor")
    client.force_login(user)
    assert client.get("/admin/outbox/").status_code in (302, 403)
