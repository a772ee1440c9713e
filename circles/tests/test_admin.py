import csv
import io

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from circles import signups
from circles.admin_views import spreadsheet_safe
from circles.models import CircleFacilitator, Course, LearningCirclePage, Signup, TeamMember, TeamPage
from home import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    def make(username, group=roles.FACILITATORS):
        user = django_user_model.objects.create_user(username=username, password="pw-for-tests-only")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


# Admin 404s pass through the language redirect of the i18n URL patterns first, hence follow=True.


def circle(slug):
    return LearningCirclePage.objects.get(slug=slug, locale=Locale.get_default())


def test_organizer_sees_own_team_signups_only(client, django_user_model):
    organizer = django_user_model.objects.get(username="organizer")  # KNLS organizer in the demo
    client.force_login(organizer)
    index = client.get("/admin/circle-signups/").content.decode()
    assert "Public speaking at Buruburu" in index
    assert "Learn Python together" not in index
    own = circle("public-speaking-buruburu")
    page = client.get(f"/admin/circle-signups/{own.pk}/")
    assert page.status_code == 200
    assert "public-speaking-buruburu-learner1@example.org" in page.content.decode()
    other = circle("python-chicago")
    assert client.get(f"/admin/circle-signups/{other.pk}/", follow=True).status_code == 404
    assert client.get(f"/admin/circle-signups/{other.pk}/signups.csv", follow=True).status_code == 404
    victim = Signup.objects.filter(circle=other).first()
    assert client.post(f"/admin/circle-signups/{other.pk}/remove/{victim.pk}/", follow=True).status_code == 404
    assert client.post(f"/admin/circle-signups/{own.pk}/remove/{victim.pk}/", follow=True).status_code == 404
    assert Signup.objects.get(pk=victim.pk).status != Signup.Status.LEFT


def test_facilitator_sees_only_the_circles_they_facilitate(client, staff, make_circle):
    user = staff("faci")
    mine = make_circle(facilitators=[CircleFacilitator(user=user)], title="Mine")
    signups.sign_up(mine, email="learner@example.org", name="L", consent=True)
    client.force_login(user)
    index = client.get("/admin/circle-signups/").content.decode()
    assert "Mine" in index
    assert "Public speaking at Buruburu" not in index
    assert client.get(f"/admin/circle-signups/{circle('public-speaking-buruburu').pk}/", follow=True).status_code == 404
    # A plain team facilitator is not an organizer: no access to the whole team.
    knls = TeamPage.objects.get(slug="knls", locale=Locale.get_default())
    TeamMember.objects.create(team=knls, user=user, role=TeamMember.Role.FACILITATOR)
    assert client.get(f"/admin/circle-signups/{circle('public-speaking-buruburu').pk}/", follow=True).status_code == 404


def test_user_without_circles_gets_no_signups(client, staff):
    client.force_login(staff("nobody", roles.EDITORS))
    assert "You do not facilitate" in client.get("/admin/circle-signups/").content.decode()
    assert client.get(f"/admin/circle-signups/{circle('python-chicago').pk}/", follow=True).status_code == 404


def test_csv_export_escapes_spreadsheet_formulas(client, django_user_model):
    organizer = django_user_model.objects.get(username="organizer")
    own = circle("entrepreneurship-nakuru")
    signups.sign_up(own, email="evil@example.org", name='=HYPERLINK("http://x")', goals="+1+1", consent=True)
    client.force_login(organizer)
    response = client.get(f"/admin/circle-signups/{own.pk}/signups.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Name", "Email"]
    evil = next(row for row in rows if row[1] == "evil@example.org")
    assert evil[0] == '\'=HYPERLINK("http://x")'
    assert evil[4] == "'+1+1"


@pytest.mark.parametrize(
    ("value", "expected"), [("=1+1", "'=1+1"), ("-2", "'-2"), ("@SUM", "'@SUM"), ("Ann", "Ann"), (None, "")]
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_removing_in_the_admin_goes_through_the_service_and_promotes(client, django_user_model):
    organizer = django_user_model.objects.get(username="organizer")
    full = circle("fiction-writing-buruburu")
    first = Signup.objects.filter(circle=full, status=Signup.Status.CONFIRMED).first()
    waiting = Signup.objects.filter(circle=full, status=Signup.Status.WAITING).order_by("pk").first()
    client.force_login(organizer)
    response = client.post(f"/admin/circle-signups/{full.pk}/remove/{first.pk}/", follow=True)
    assert response.status_code == 200
    assert Signup.objects.get(pk=first.pk).email is None
    assert Signup.objects.get(pk=waiting.pk).status == Signup.Status.CONFIRMED


def test_courses_are_snippets_with_drafts_and_moderation(admin_client):
    response = admin_client.get("/admin/snippets/circles/course/")
    assert response.status_code == 200
    assert "Fundamentals of Public Speaking" in response.content.decode()
    course = Course.objects.get(title="Computer Basics", locale=Locale.get_default())
    assert course.live and course.revisions.exists()
    edit = admin_client.get(f"/admin/snippets/circles/course/edit/{course.pk}/")
    assert edit.status_code == 200
    assert "Publish" in edit.content.decode()


def test_moderators_may_publish_courses_and_facilitators_may_suggest():
    moderators = Group.objects.get(name=roles.MODERATORS)
    facilitators = Group.objects.get(name=roles.FACILITATORS)
    assert moderators.permissions.filter(codename="publish_course").exists()
    assert facilitators.permissions.filter(codename="add_course").exists()
    assert not facilitators.permissions.filter(codename="publish_course").exists()
