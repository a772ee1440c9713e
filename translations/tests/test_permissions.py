"""A translator works in their own locale only and does not publish; the reviewer of that locale does."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


def permissions(username, code):
    user = get_user_model().objects.get(username=username)
    return guide(code).permissions_for_user(user)


def guide(code):
    return Page.objects.get(locale__language_code="en", url_path="/home/guide/").get_translation(
        Locale.objects.get(language_code=code)
    )


def test_translator_edits_their_own_locale_and_cannot_publish():
    assert permissions("translator-sw", "sw").can_edit()
    assert not permissions("translator-sw", "sw").can_publish()
    for other in ("en", "es", "fr"):
        assert not permissions("translator-sw", other).can_edit(), other


def test_reviewer_publishes_only_in_their_locale():
    assert permissions("reviewer-sw", "sw").can_publish()
    assert not permissions("reviewer-sw", "es").can_publish()
    assert not permissions("reviewer-sw", "en").can_edit()


def test_translator_cannot_open_another_locales_page_in_the_editor(client):
    client.force_login(get_user_model().objects.get(username="translator-sw"))
    spanish = guide("es")
    response = client.get(f"/admin/pages/{spanish.pk}/edit/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"
