"""Public registration through the page, the signed manage page, and staff-only administration."""

import csv
import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Locale

from gathering import registrations
from gathering.models import ExtraQuestion, GatheringPage, Registration
from gathering.tests.conftest import details, form_data
from home import roles
from home.demo import ensure_users

pytestmark = pytest.mark.django_db
Status = Registration.Status


def add_questions(gathering):
    gathering.extra_questions.add(
        ExtraQuestion(label="Workshop", kind="single_choice", choices="Facilitation\nCourses", required=True)
    )
    gathering.extra_questions.add(ExtraQuestion(label="Can you help set up?", kind="checkbox"))
    gathering.extra_questions.add(ExtraQuestion(label="Anything else", kind="long_text"))
    gathering.save_revision().publish()
    return list(gathering.extra_questions.all())


def manage_url(gathering, registration):
    return f"{gathering.url}manage/{registrations.manage_token(registration)}/"


def test_register_redirects_to_the_manage_page(client, gathering):
    response = client.post(f"{gathering.url}register/", form_data())
    assert response.status_code == 302
    assert "/manage/" in response["Location"]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "You are registered. We sent you a confirmation email." in html
    assert "Confirmed" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]


def test_full_gathering_shows_waiting_list_and_position(client, gathering):
    for i in range(5):
        registrations.register(gathering, details(f"p{i}@example.org"))
    assert "The gathering is full" in client.get(gathering.url).content.decode()
    response = client.post(f"{gathering.url}register/", form_data("late@example.org"), follow=True)
    html = response.content.decode()
    assert "you are on the waiting list" in html
    assert "You are number 1 on the waiting list" in html


def test_invalid_form_shows_clear_messages_and_stores_nothing(client, gathering):
    response = client.post(f"{gathering.url}register/", form_data(email="not-an-email", privacy_consent=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the answers marked below." in html
    assert "We can only register you if you agree to the privacy notice." in html
    assert not Registration.objects.filter(gathering=gathering).exists()


def test_the_empty_form_is_rendered_once_and_a_visitors_answers_never_reach_another(client, gathering):
    first = client.get(gathering.url)
    assert "gathering/includes/field.html" in [template.name for template in first.templates]
    again = client.get(gathering.url)
    assert again.content.count(b'name="email"') == first.content.count(b'name="email"') == 1
    assert "gathering/includes/field.html" not in [template.name for template in again.templates]

    wrong = client.post(f"{gathering.url}register/", form_data(email="not-an-email", name="Grace Hopper"))
    assert 'value="Grace Hopper"' in wrong.content.decode()
    html = Client().get(gathering.url).content.decode()
    assert "Grace Hopper" not in html and "Please correct the answers marked below." not in html

    add_questions(gathering)
    assert "Can you help set up?" in client.get(gathering.url).content.decode()


def test_honeypot_and_rate_limit(client, gathering, settings):
    response = client.post(f"{gathering.url}register/", form_data(website="http://spam"))
    assert response.status_code == 400
    assert not Registration.objects.filter(gathering=gathering).exists()
    cache.clear()
    settings.FORM_RATE_LIMIT = 2
    for i in range(2):
        assert client.post(f"{gathering.url}register/", form_data(f"r{i}@example.org")).status_code == 302
    assert client.post(f"{gathering.url}register/", form_data("r9@example.org")).status_code == 429


def test_closed_registration_shows_no_form_and_refuses_posts(client, gathering):
    from datetime import timedelta

    from django.utils import timezone

    gathering.registration_closes = timezone.now() - timedelta(minutes=1)
    gathering.save_revision().publish()
    html = client.get(gathering.url).content.decode()
    assert "Registration for this gathering is closed." in html
    assert "<form" not in html.split('id="register"')[1]
    response = client.post(f"{gathering.url}register/", form_data())
    assert response.status_code == 400
    assert "Registration for this gathering is closed." in response.content.decode()


def test_extra_questions_are_stored_and_exported(client, gathering, admin_client):
    workshop, helper, other = add_questions(gathering)
    data = form_data(**{f"extra_{workshop.key}": "Courses", f"extra_{helper.key}": "on", f"extra_{other.key}": "=1+1"})
    missing = client.post(f"{gathering.url}register/", form_data("x@example.org"))
    assert missing.status_code == 400
    assert client.post(f"{gathering.url}register/", data).status_code == 302
    registration = Registration.objects.get(gathering=gathering)
    assert registration.answers == {workshop.key: "Courses", helper.key: True, other.key: "=1+1"}

    url = reverse("gathering_registrations") + f"?gathering={gathering.pk}&export=csv"
    rows = list(csv.reader(io.StringIO(admin_client.get(url).content.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert header[-3:] == ["Workshop", "Can you help set up?", "Anything else"]
    assert row[-3:] == ["Courses", "yes", "'=1+1"]

    book = load_workbook(io.BytesIO(admin_client.get(url.replace("csv", "xlsx")).content))
    values = [cell.value for cell in book.active[2]]
    assert values[-3:] == ["Courses", "yes", "'=1+1"]
    assert all(cell.data_type == "s" for cell in book.active[2] if isinstance(cell.value, str))


def test_formula_in_a_name_is_escaped(admin_client, gathering):
    registrations.register(gathering, details("evil@example.org", name='=HYPERLINK("http://x","y")'))
    url = reverse("gathering_registrations") + f"?gathering={gathering.pk}&export=csv"
    content = admin_client.get(url).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in content


def test_manage_page_changes_and_cancels_only_on_post(client, gathering):
    people = [registrations.register(gathering, details(f"m{i}@example.org")).registration for i in range(6)]
    url = manage_url(gathering, people[0])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="robots" content="noindex"' in page.content.decode()

    # Mail scanners follow links: a GET on the action URL only shows the page.
    assert client.get(url + "cancel/").status_code == 302
    assert Registration.objects.get(pk=people[0].pk).status == Status.CONFIRMED

    changed = client.post(url, {"name": "New Name", "circles_facilitated": "3", "dietary_needs": "Vegan"})
    assert changed.status_code == 302
    people[0].refresh_from_db()
    assert (people[0].name, people[0].dietary_needs) == ("New Name", "Vegan")

    cancelled = client.post(url + "cancel/", follow=True)
    assert "Your registration is cancelled." in cancelled.content.decode()
    assert Registration.objects.get(pk=people[0].pk).status == Status.CANCELLED
    assert Registration.objects.get(pk=people[5].pk).status == Status.CONFIRMED


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-3] + "abc", lambda t: "nonsense", lambda t: "1" + t, lambda t: t.replace("-", "--", 1)]
)
def test_tampered_links_are_refused(client, gathering, mangle):
    registration = registrations.register(gathering, details()).registration
    token = registrations.manage_token(registration)
    response = client.get(f"{gathering.url}manage/{mangle(token)}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert client.post(f"{gathering.url}manage/{mangle(token)}/cancel/").status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED


def test_a_link_for_one_gathering_does_not_open_another(client, gathering):
    registration = registrations.register(gathering, details()).registration
    other = GatheringPage.objects.get(slug="boston-2019", locale__language_code="en")
    response = client.get(f"{other.url}manage/{registrations.manage_token(registration)}/")
    assert response.status_code == 404


def test_registering_in_another_language_counts_in_the_same_gathering(client):
    upcoming = GatheringPage.objects.get(slug__startswith="nairobi-", locale__language_code="fr")
    source = upcoming.registration_source
    assert source.locale.language_code == "en"
    workshop = ExtraQuestion.objects.get(gathering=upcoming, kind="single_choice")
    choice = workshop.choice_list[0]
    response = client.post(
        f"{upcoming.url}register/", form_data("francoise@example.org", **{f"extra_{workshop.key}": choice})
    )
    assert response.status_code == 302
    registration = Registration.objects.get(email="francoise@example.org")
    assert registration.gathering_id == source.pk
    assert registration.status == Status.WAITING
    assert registration.language == "fr"
    assert registration.answers[workshop.key] == choice


# Staff administration ---------------------------------------------------------------------------


@pytest.fixture
def demo_users(db):
    ensure_users()


def login(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_only_gathering_staff_and_superusers_see_registrations(client, demo_users):
    url = reverse("gathering_registrations")
    editor = login(client, "editor")
    assert editor.get(url).status_code in (302, 403)
    assert editor.get(url + "?export=csv").status_code in (302, 403)
    assert "Registrations" not in editor.get(reverse("wagtailadmin_home")).content.decode()
    assert editor.get(reverse("invitation_codes:index")).status_code in (302, 403)
    registration = Registration.objects.first()
    assert editor.post(
        reverse("gathering_registration_action", args=[registration.pk]), {"action": "to_waiting"}
    ).status_code in (302, 403)
    assert Registration.objects.get(pk=registration.pk).status == registration.status

    staff = login(client, "gathering-staff")
    assert Group.objects.get(name=roles.GATHERING_STAFF).user_set.filter(username="gathering-staff").exists()
    assert staff.get(url).status_code == 200
    assert staff.get(reverse("invitation_codes:index")).status_code == 200


def test_staff_listing_totals_filters_and_actions(client, demo_users, django_assert_max_num_queries):
    upcoming = GatheringPage.objects.get(slug__startswith="nairobi-", locale=Locale.get_default())
    staff = login(client, "gathering-staff")
    url = reverse("gathering_registrations") + f"?gathering={upcoming.pk}"
    html = staff.get(url).content.decode()
    totals = dict(re.findall(r'data-total="([\w-]+)">([^<]+)<', html))
    assert totals["confirmed"] == "5"
    assert totals["waiting"] == "2"
    assert totals["pre-event"].startswith("4 /")
    assert totals["travel"] == "1 / 0"
    assert "vegetarian (2)" in html

    waiting = staff.get(url + "&status=waiting").content.decode()
    assert "Faith Achieng" in waiting and "Amina Njeri" not in waiting

    traveller = Registration.objects.get(gathering=upcoming, travel_support_requested=True)
    action = reverse("gathering_registration_action", args=[traveller.pk])
    assert staff.post(action, {"action": "grant_travel", "next": url}).status_code == 302
    assert Registration.objects.get(pk=traveller.pk).travel_support_granted

    full = staff.post(
        action.replace(str(traveller.pk), str(Registration.objects.get(email="faith@example.org").pk)),
        {"action": "to_confirmed"},
        follow=True,
    )
    assert "The gathering is full" in full.content.decode()
    staff.post(action, {"action": "to_waiting"})
    assert Registration.objects.get(pk=traveller.pk).status == Status.WAITING

    staff.get(url)
    with django_assert_max_num_queries(40) as few:
        staff.get(url)
    for i in range(20):
        Registration.objects.create(
            gathering=upcoming, email=f"bulk{i}@example.org", name="Bulk", status=Status.WAITING
        )
    staff.get(url)  # parts kept until content changes (the site, the menu) are read again once
    with django_assert_max_num_queries(40) as many:
        staff.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_json_ld_is_valid_json(client):
    html = client.get("/en/gatherings/kansas-city-2018/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    types = {json.loads(block)["@type"] for block in blocks}
    assert types == {"Event", "FAQPage"}
