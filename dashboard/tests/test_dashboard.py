from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from circles import signups
from circles.factories import build_circle
from circles.models import CircleFacilitator, LearningCirclePage, MeetingRSVP, TeamMember
from dashboard.models import MeetingFeedback, TeamInvitation
from dashboard.overview import week_start
from home import roles

pytestmark = pytest.mark.django_db

# Admin 404s pass through the language redirect of the i18n URL patterns first, hence follow=True.


def test_organizer_is_sent_to_their_team_dashboard(client, organizer, knls):
    client.force_login(organizer)
    response = client.get("/admin/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/dashboard/teams/{knls.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Public speaking at Buruburu" in page
    assert "Learn Python together" not in page
    assert "Team dashboard" in client.get("/admin/").content.decode()


def test_meetings_of_the_week_show_rsvps_feedback_and_local_time(client, organizer, knls, make_circle, make_user):
    faci = make_user("wanjiru")
    circle = make_circle(knls, starts_in=0, weeks=3, start=time(17, 30), facilitator=faci, title="Kiswahili readers")
    yes = signups.sign_up(circle, email="a@example.org", name="A", consent=True).signup
    no = signups.sign_up(circle, email="b@example.org", name="B", consent=True).signup
    signups.sign_up(circle, email="c@example.org", name="C", consent=True)
    first = circle.meeting_list[0]
    MeetingRSVP.objects.create(signup=yes, meeting=first, attending=True)
    MeetingRSVP.objects.create(signup=no, meeting=first, attending=False)
    MeetingFeedback.objects.create(meeting=first, circle=circle, rating=4, attendance=2, reflection="Lively.")
    client.force_login(organizer)
    html = client.get(f"/admin/dashboard/teams/{knls.pk}/").content.decode()
    row = html.split("<td>Kiswahili readers</td>", 1)
    assert len(row) == 2, "the circle's meeting is listed this week"
    assert "17:30</time> (Africa/Nairobi)" in row[0].rsplit("<tr>", 1)[1]
    cells = row[1].split("</tr>", 1)[0]
    assert "<td>1</td><td>1</td><td>1</td>" in cells  # yes, no, no answer
    assert "Given" in cells
    assert "Sent" in cells or "goes out" in cells  # the reminder's state
    assert "Wanjiru" in html or "wanjiru" in html
    assert "Lively." in html
    # Next week shows the second meeting, without feedback.
    monday = week_start(timezone.localdate())
    later = client.get(f"/admin/dashboard/teams/{knls.pk}/?week={monday + timedelta(days=7)}").content.decode()
    cells = later.split("<td>Kiswahili readers</td>", 1)[1].split("</tr>", 1)[0]
    assert "Not yet" in cells
    # A nonsense week is this week, never an error.
    assert client.get(f"/admin/dashboard/teams/{knls.pk}/?week=not-a-date").status_code == 200
    assert client.get(f"/admin/dashboard/teams/{knls.pk}/?week=99999-01-01").status_code == 200


def test_active_circles_and_facilitators(client, organizer, knls, make_circle, make_user):
    faci = make_user("otieno")
    faci.first_name = "Otieno"
    faci.save()
    TeamMember.objects.create(team=knls, user=faci)
    make_circle(knls, starts_in=3, facilitator=faci, title="Digital skills", signup_limit=1)
    circle = LearningCirclePage.objects.get(title="Digital skills")
    signups.sign_up(circle, email="a@example.org", name="A", consent=True)
    signups.sign_up(circle, email="b@example.org", name="B", consent=True)
    client.force_login(organizer)
    html = client.get(f"/admin/dashboard/teams/{knls.pk}/").content.decode()
    section = html.split('id="circles-heading"', 1)[1].split("</section>", 1)[0]
    row = section.split("Digital skills", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td>" in row and "Upcoming" in row  # one waiting, status
    members = html.split('id="facilitators-heading"', 1)[1].split("</section>", 1)[0]
    otieno = members.split("Otieno", 1)[1].split("</tr>", 1)[0]
    assert "Facilitator" in otieno and "<td>1</td>" in otieno and "Never" in otieno
    assert "Organizer" in members


URLS = [
    "/admin/dashboard/teams/{team}/",
    "/admin/dashboard/teams/{team}/digest/2026-01-05/",
]


@pytest.mark.parametrize("url", URLS)
def test_organizer_of_another_team_gets_404(client, chicago_organizer, knls, url):
    client.force_login(chicago_organizer)
    assert client.get(url.format(team=knls.pk), follow=True).status_code == 404


def test_posts_to_another_team_change_nothing(client, chicago_organizer, knls, organizer):
    invitation = TeamInvitation.objects.create(team=knls, email="x@example.org", invited_by=organizer)
    client.force_login(chicago_organizer)
    base = f"/admin/dashboard/teams/{knls.pk}/"
    assert (
        client.post(base + "invite/", {"email": "y@example.org", "role": "organizer"}, follow=True).status_code == 404
    )
    assert client.post(base + f"invitations/{invitation.pk}/revoke/", follow=True).status_code == 404
    # Their own team's id with the other team's invitation is no way round either.
    own = f"/admin/dashboard/teams/{chicago_organizer.team_memberships.get().team_id}/"
    assert client.post(own + f"invitations/{invitation.pk}/revoke/", follow=True).status_code == 404
    assert client.post(own + f"invitations/{invitation.pk}/resend/", follow=True).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == TeamInvitation.Status.PENDING
    assert not TeamInvitation.objects.filter(email="y@example.org").exists()


def test_facilitator_editor_and_anonymous_get_no_dashboard(client, make_user, knls):
    faci = make_user("plain-faci")
    TeamMember.objects.create(team=knls, user=faci, role=TeamMember.Role.FACILITATOR)
    client.force_login(faci)
    # Wagtail turns a refusal into a redirect to the admin home with a message.
    assert client.get("/admin/dashboard/")["Location"] == "/admin/"
    assert client.get(f"/admin/dashboard/teams/{knls.pk}/", follow=True).status_code == 404
    assert "Team dashboard" not in client.get("/admin/").content.decode()
    client.force_login(make_user("an-editor", roles.EDITORS))
    assert client.get("/admin/dashboard/")["Location"] == "/admin/"
    client.logout()
    response = client.get(f"/admin/dashboard/teams/{knls.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_superuser_sees_every_team(client, django_user_model, knls, chicago):
    client.force_login(django_user_model.objects.get(username="admin"))
    index = client.get("/admin/dashboard/").content.decode()
    assert knls.title in index and chicago.title in index
    assert client.get(f"/admin/dashboard/teams/{chicago.pk}/").status_code == 200


def test_translated_team_page_ids_are_not_dashboards(client, organizer, knls):
    translated = knls.get_translations().first()
    client.force_login(organizer)
    assert client.get(f"/admin/dashboard/teams/{translated.pk}/", follow=True).status_code == 404


def test_my_circles_panel_on_the_admin_home(client, make_user, make_circle, circle_index_page):
    faci = make_user("panel-faci")
    circle = make_circle(circle_index_page, starts_in=-8, weeks=4, facilitator=faci, title="Panel circle")
    client.force_login(faci)
    html = client.get("/admin/").content.decode()
    panel = html.split('id="my-circles', 1)[1]
    assert "Panel circle" in panel
    past = [m for m in circle.meeting_list if m.start < timezone.now()][-1]
    assert f"/admin/dashboard/meetings/{past.pk}/feedback/" in panel
    assert f"/admin/dashboard/meetings/{circle.next_meeting.pk}/reminder/" in panel


@pytest.fixture
def circle_index_page(db):
    from circles.models import CircleIndexPage

    return CircleIndexPage.objects.get(locale=Locale.get_default())


def _fill(team, count, make_user, start):
    for n in range(count):
        user = make_user(f"bulk-{start + n}")
        TeamMember.objects.create(team=team, user=user)
        circle = build_circle(
            timezone.localdate() - timedelta(days=n % 5),
            weeks=3,
            title=f"Bulk circle {start + n}",
            facilitators=[CircleFacilitator(user=user)],
        )
        team.add_child(instance=circle)
        signup = signups.sign_up(circle, email=f"bulk{start + n}@example.org", name="L", consent=True).signup
        meeting = circle.meetings.order_by("date").first()
        MeetingRSVP.objects.create(signup=signup, meeting=meeting, attending=True)
        MeetingFeedback.objects.create(meeting=meeting, circle=circle, facilitator=user, rating=5, attendance=3)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow_with_circles(client, organizer, knls, make_user, django_assert_max_num_queries):
    client.force_login(organizer)
    url = f"/admin/dashboard/teams/{knls.pk}/"
    _fill(knls, 3, make_user, 0)
    small = _queries(client, url)
    _fill(knls, 47, make_user, 3)
    assert LearningCirclePage.objects.child_of(knls).count() >= 50
    large = _queries(client, url)
    assert large == small, (small, large)
    assert large <= 40
    html = client.get(url).content.decode()
    assert "Bulk circle 49" in html


def test_panel_queries_do_not_grow(client, make_user, circle_index_page):
    faci = make_user("many-circles")
    client.force_login(faci)

    def add(count, start):
        for n in range(count):
            circle = build_circle(
                timezone.localdate() - timedelta(days=3),
                weeks=3,
                title=f"P{start + n}",
                facilitators=[CircleFacilitator(user=faci)],
            )
            circle_index_page.add_child(instance=circle)

    add(2, 0)
    client.get("/admin/")  # fill per-process caches (site root paths) as later requests find them
    small = _queries(client, "/admin/")
    add(20, 2)
    client.get("/admin/")  # parts kept until content changes (the site) are read again once
    assert _queries(client, "/admin/") == small
