"""Headers, cookies, sign-in lockout, two-step verification and upload rules."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db
PASSWORD = "a-sturdy-test-password-91"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_superuser("security-editor", "security@example.org", PASSWORD)
    return user


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_public_pages_send_a_strict_policy_and_safe_headers(client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";") if directive.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_has_its_own_looser_policy(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    html = response.content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.io" not in html


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_https_gets_hsts_and_secure_cookies(editor):
    client = Client()
    assert client.get("/en/").status_code == 301
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    login_page = client.get("/admin/login/", secure=True)
    assert login_page.cookies["csrftoken"]["secure"]
    response = client.post(
        "/admin/login/", {"username": editor.username, "password": PASSWORD}, secure=True, REMOTE_ADDR="10.1.1.1"
    )
    assert response.status_code == 302
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]


def test_repeated_failures_lock_the_username_from_that_address(client, editor):
    for _attempt in range(5):
        failed = client.post(
            "/admin/login/", {"username": editor.username, "password": "wrong"}, REMOTE_ADDR="10.2.2.2"
        )
        assert failed.status_code in (200, 429)
    locked = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.2.2.2")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    elsewhere = Client().post(
        "/admin/login/", {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.3.3.3"
    )
    assert elsewhere.status_code == 302, "another address is not locked out"


def test_a_user_with_an_authenticator_must_enter_a_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert client.post("/admin/login/", {"username": editor.username, "password": PASSWORD}).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-step/verify/?next=/admin/pages/")
    wrong = client.post("/admin/two-step/verify/", {"token": "000000", "next": "/admin/pages/"})
    assert "That code is not valid" in wrong.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1, "wrong codes slow down the next try"
    device.throttle_reset()
    right = client.post("/admin/two-step/verify/", {"token": current_code(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_verification_never_redirects_off_site(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.force_login(editor)
    response = client.post("/admin/two-step/verify/", {"token": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_when_required_every_admin_user_sets_up_an_authenticator(editor):
    client = Client()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-step/setup/")
    setup = client.get("/admin/two-step/setup/")
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = client.post("/admin/two-step/setup/", {"token": current_code(device), "next": "/admin/"})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def upload(client, url, field, name, content, **extra):
    data = {field: SimpleUploadedFile(name, content), "title": name, "collection": 1, **extra}
    return client.post(url, data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("notes.txt", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
    ],
)
def test_markup_is_refused_as_a_document(client, editor, name, content):
    client.force_login(editor)
    before = get_document_model().objects.count()
    response = upload(client, "/admin/documents/add/", "file", name, content)
    assert response.status_code == 200
    assert get_document_model().objects.count() == before


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
def test_oversized_documents_are_refused_with_the_limit(client, editor):
    client.force_login(editor)
    response = upload(client, "/admin/documents/add/", "file", "big.txt", b"x" * 4096)
    assert "documents can be at most 1.0" in response.content.decode()


def test_svg_images_are_refused(client, editor):
    from wagtail.images import get_image_model

    client.force_login(editor)
    before = get_image_model().objects.count()
    upload(client, "/admin/images/add/", "file", "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    assert get_image_model().objects.count() == before


def test_documents_download_as_attachments(client, editor):
    client.force_login(editor)
    assert upload(client, "/admin/documents/add/", "file", "plan.txt", b"Week 1: introductions").status_code == 302
    document = get_document_model().objects.get(title="plan.txt")
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
