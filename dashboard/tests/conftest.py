from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from circles.factories import build_circle
from circles.models import CircleFacilitator, TeamMember, TeamPage
from home import roles


@pytest.fixture
def knls(db):
    return TeamPage.objects.get(slug="knls", locale=Locale.get_default())


@pytest.fixture
def chicago(db):
    return TeamPage.objects.get(slug="chicago", locale=Locale.get_default())


@pytest.fixture
def organizer(django_user_model):
    return django_user_model.objects.get(username="organizer")  # KNLS organizer in the demo


@pytest.fixture
def make_user(django_user_model):
    def make(username, group=roles.FACILITATORS, email=None):
        user = django_user_model.objects.create_user(
            username=username, password="pw-for-tests-only", email=email or f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def make_circle():
    """A live circle under `parent`; `starts_in` days from today, weekly for `weeks` weeks."""

    def make(parent, starts_in=1, weeks=6, start=time(18, 0), facilitator=None, **fields):
        fields.setdefault(
            "facilitators", [CircleFacilitator(user=facilitator) if facilitator else CircleFacilitator(name="Test")]
        )
        circle = build_circle(timezone.localdate() + timedelta(days=starts_in), weeks=weeks, start=start, **fields)
        parent.add_child(instance=circle)
        circle.save_revision().publish()
        circle.refresh_from_db()
        return circle

    return make


@pytest.fixture
def chicago_organizer(make_user, chicago):
    user = make_user("chi-organizer", roles.TEAM_ORGANIZERS)
    TeamMember.objects.create(team=chicago, user=user, role=TeamMember.Role.ORGANIZER)
    return user
