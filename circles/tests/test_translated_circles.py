"""A circle in other languages: its aliases and translations share the original's signups and meetings.

Locale synchronisation gives every English circle an untranslated copy (an alias) in each other
language, and a translator can turn that copy into a translation. Learners may sign up on any of
them; the signup, the places left, the RSVPs and the reminders all belong to the one original.
"""

import re
from datetime import UTC

import pytest
from django.core import mail
from wagtail.models import Locale

from circles import signups
from circles.models import CourseIndexPage, LearningCirclePage, MeetingRSVP, Signup
from dashboard import reminders
from home.localize import translate
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db


def kiswahili_copy(circle):
    return circle.copy_for_translation(Locale.objects.get(language_code="sw"), copy_parents=True, alias=True)


def sign_up_on(client, page, email="amina@example.org"):
    form = client.get(page.url).context["form"]
    data = {
        "name": "Amina",
        "email": email,
        "consent": "on",
        "website": "",
        "form_started": form["form_started"].value(),
    }
    return client.post(page.url, data)


def test_signup_on_the_kiswahili_copy_belongs_to_the_original_and_mails_in_kiswahili(
    client, make_circle, django_capture_on_commit_callbacks
):
    circle = make_circle(title="Fiction at Buruburu", signup_limit=2)
    copy = kiswahili_copy(circle)
    assert copy.url.startswith("/sw/")
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up_on(client, copy)
    assert response.status_code == 303 and response["Location"].startswith(copy.url + "thanks/")
    signup = Signup.objects.get(email="amina@example.org")
    assert signup.circle_id == circle.pk and signup.language == "sw"
    assert not Signup.objects.filter(circle=copy).exists()
    # The thank-you page works on the copy (an invalid link would send the visitor back to the circle).
    assert client.get(response["Location"]).status_code == 200

    message = mail.outbox[-1]
    assert message.subject == "Umesajiliwa kwa Fiction at Buruburu"  # "You are signed up for …" in Kiswahili
    links = re.findall(r"https?://[^/\s]+(/\S+/)", message.body)
    assert links and all(link.startswith("/sw/") for link in links if "/signup/" in link or "/rsvp/" in link)

    # The place taken shows in every language.
    assert circle.seats_left() == 1
    assert LearningCirclePage.objects.get(pk=copy.pk).seats_left() == 1


def test_manage_and_rsvp_links_from_a_kiswahili_email_work_on_the_copy(
    client, make_circle, django_capture_on_commit_callbacks
):
    circle = make_circle(title="Poetry at Kibera")
    kiswahili_copy(circle)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up_on(
            client, LearningCirclePage.objects.get(translation_key=circle.translation_key, locale__language_code="sw")
        )
    body = mail.outbox[-1].body
    rsvp_yes = next(link for link in re.findall(r"https?://[^/\s]+(/\S+/)", body) if "/rsvp/" in link)
    assert client.post(rsvp_yes).status_code == 303
    rsvp = MeetingRSVP.objects.get(signup__email="amina@example.org")
    assert rsvp.attending and rsvp.meeting.circle_id == circle.pk

    manage = next(link for link in re.findall(r"https?://[^/\s]+(/\S+/)", body) if "/signup/" in link)
    assert client.get(manage).status_code == 200
    client.post(manage, {"action": "leave", "confirm": "on"})
    assert Signup.objects.get(pk=rsvp.signup_id).status == Signup.Status.LEFT


def test_a_link_of_one_circle_does_not_work_on_another_circles_copy(client, make_circle):
    first, second = make_circle(title="First"), make_circle(title="Second")
    result = signups.sign_up(first, email="a@example.org", name="A", consent=True)
    second_copy = kiswahili_copy(second)
    from circles import links

    token = links.manage_token(result.signup)
    assert client.get(second_copy.url + f"signup/{token}/").status_code == 404


def test_a_translated_circle_takes_signups_for_the_original(client, make_circle):
    circle = make_circle(title="Money matters", signup_limit=1)
    translated = translate(circle, "es", {"Money matters": "Cuentas claras"})
    assert translated.alias_of_id is None and translated.url.startswith("/es/")
    sign_up_on(client, translated, email="first@example.org")
    sign_up_on(client, circle, email="second@example.org")
    assert list(Signup.objects.filter(circle=circle).values_list("email", "status", "language")) == [
        ("first@example.org", "confirmed", "es"),
        ("second@example.org", "waiting", ""),
    ]
    # Full in every language: the listing and the page both say so.
    html = client.get(translated.url).content.decode()
    assert "Join the waiting list" not in html  # the Spanish page shows the Spanish words
    assert LearningCirclePage.objects.get(pk=translated.pk).seats_left() == 0


def test_the_circle_index_in_kiswahili_shows_copies_full_when_the_original_is(client, make_circle):
    circle = make_circle(title="Full circle", signup_limit=1)
    kiswahili_copy(circle)
    signups.sign_up(circle, email="a@example.org", name="A", consent=True)
    response = client.get("/sw/circles/", {"q": "Full circle"})
    listed = list(response.context["circles"])
    assert [c.locale.language_code for c in listed] == ["sw"]
    assert listed[0].is_full


def test_reminders_and_feedback_requests_go_once_per_meeting_in_each_learners_language(make_circle, django_user_model):
    from circles.models import CircleFacilitator

    faci = django_user_model.objects.create_user("copy-faci", email="copy-faci@example.org")
    circle = make_circle(title="Reminded", facilitators=[CircleFacilitator(user=faci)])
    kiswahili_copy(circle)
    Signup.objects.create(circle=circle, name="E", email="english@example.org", consent=True)
    Signup.objects.create(circle=circle, name="K", email="kiswahili@example.org", consent=True, language="sw")
    first = circle.meeting_list[0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: reminders.due_at(first))
        reminders.send_reminders()
    ours = ["english@example.org", "kiswahili@example.org"]  # demo circles may meet then too
    sent = {m.to: m for m in OutboundEmail.objects.filter(topic="meeting-reminder", to__in=ours)}
    assert OutboundEmail.objects.filter(topic="meeting-reminder", to__in=ours).count() == 2
    assert set(sent) == {"english@example.org", "kiswahili@example.org"}
    assert sent["kiswahili@example.org"].language == "sw"
    assert sent["kiswahili@example.org"].subject.startswith("Kikumbusho")
    assert "/sw/" in sent["kiswahili@example.org"].body_text
    assert "/en/" in sent["english@example.org"].body_text

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.utils.timezone.now", lambda: first.end.astimezone(UTC))
        reminders.send_feedback_requests()
    assert OutboundEmail.objects.filter(topic="meeting-feedback", to=faci.email).count() == 1


def test_team_page_in_kiswahili_lists_the_teams_circles_and_counts_their_learners(client, knls, make_circle):
    circle = make_circle(parent=knls, title="Kibera reads", starts_in=3)
    kiswahili_copy(circle)
    signups.sign_up(circle, email="a@example.org", name="A", consent=True)
    english = client.get(knls.url).context
    kiswahili = client.get(knls.get_translation(Locale.objects.get(language_code="sw")).url).context
    assert "Kibera reads" in [c.title for c in kiswahili["upcoming_circles"]]
    assert kiswahili["figures"]["learners"] == english["figures"]["learners"]


def test_a_course_counts_each_circle_once_whatever_its_copies(client, make_circle):
    from circles.models import Course

    course = Course.objects.filter(locale=Locale.get_default(), live=True).first()
    before = client.get(CourseIndexPage.objects.get(locale=Locale.get_default()).url)
    counted = {c.pk: c.circle_count for c in before.context["courses"]}
    circle = make_circle(title="One more", course=course)
    kiswahili_copy(circle)
    after = client.get(CourseIndexPage.objects.get(locale=Locale.get_default()).url)
    assert {c.pk: c.circle_count for c in after.context["courses"]}[course.pk] == (counted.get(course.pk) or 0) + 1


def test_new_english_circle_made_in_the_admin_appears_in_every_language(admin_client, knls):
    from datetime import timedelta

    from django.utils import timezone

    from circles.factories import circle_form_data

    data = circle_form_data(timezone.localdate() + timedelta(days=10), title="Walking club", slug="walking-club")
    data["action-publish"] = "publish"
    admin_client.post(f"/admin/pages/add/circles/learningcirclepage/{knls.pk}/", data)
    circle = LearningCirclePage.objects.get(slug="walking-club", locale=Locale.get_default())
    copies = LearningCirclePage.objects.filter(translation_key=circle.translation_key).exclude(pk=circle.pk)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["es", "fr", "sw"]
    assert all(copy.alias_of_id == circle.pk for copy in copies)
