"""`load_demo` and `setup_roles` are idempotent, and give every role its group and demo user."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page

from home.demo import DEMO_USERS

pytestmark = pytest.mark.django_db

ROLE_GROUPS = {
    "Editors",
    "Moderators",
    "Facilitators",
    "Team organizers",
    "Gathering staff",
    "Translators (sw)",
    "Reviewers (sw)",
    "Translators (es)",
    "Reviewers (es)",
    "Translators (fr)",
    "Reviewers (fr)",
}


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def group_snapshot():
    return {
        group.name: (
            sorted(group.permissions.values_list("content_type__app_label", "codename")),
            sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")),
        )
        for group in Group.objects.all()
    }


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    before = row_counts()
    call_command("load_demo", verbosity=0)
    assert row_counts() == before


def test_setup_roles_twice_gives_the_same_groups_and_permissions():
    call_command("setup_roles", verbosity=0)
    before = group_snapshot()
    call_command("setup_roles", verbosity=0)
    assert group_snapshot() == before
    assert set(before) >= ROLE_GROUPS


def test_every_role_has_a_demo_user():
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    groups_with_users = set(Group.objects.filter(user__isnull=False).values_list("name", flat=True))
    assert {"Editors", "Moderators", "Facilitators", "Team organizers", "Gathering staff"} <= groups_with_users
    assert "Translators (sw)" in groups_with_users and "Reviewers (sw)" in groups_with_users
    assert User.objects.count() >= len(DEMO_USERS)


def test_demo_passwords_are_not_usable_without_debug(client):
    # The test suite runs with DEBUG off, so the demo users got random passwords.
    assert not client.login(username="editor", password="learn-together")


def test_every_language_is_a_wagtail_locale_with_a_home_page():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "sw", "es", "fr"}
    for code in ("en", "sw", "es", "fr"):
        assert Page.objects.filter(depth=2, locale__language_code=code, live=True).exists()


def test_translators_may_edit_only_their_own_locale_tree():
    sw_home = Page.objects.get(depth=2, locale__language_code="sw")
    es_home = Page.objects.get(depth=2, locale__language_code="es")
    translators = Group.objects.get(name="Translators (sw)")
    reviewers = Group.objects.get(name="Reviewers (sw)")
    translator_pages = set(GroupPagePermission.objects.filter(group=translators).values_list("page_id", flat=True))
    assert translator_pages == {sw_home.pk}
    assert es_home.pk not in translator_pages
    reviewer_codenames = set(
        GroupPagePermission.objects.filter(group=reviewers).values_list("permission__codename", flat=True)
    )
    assert "publish_page" in reviewer_codenames
    assert not GroupPagePermission.objects.filter(group=translators, permission__codename="publish_page").exists()


def test_load_demo_rebuilds_a_flushed_database():
    Page.objects.filter(depth__gt=1).delete()
    call_command("load_demo", verbosity=0)
    assert Page.objects.filter(depth=2).count() == 4


@pytest.mark.parametrize(
    ("language", "title", "period"),
    [
        ("en", "Privacy", "180 days"),
        ("sw", "Faragha", "siku 180"),
        ("es", "Privacidad", "180 días"),
        ("fr", "Confidentialité", "180 jours"),
    ],
)
def test_privacy_page_says_what_is_kept_and_for_how_long_in_every_language(client, language, title, period):
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert period in html
