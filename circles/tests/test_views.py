import base64
import json
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from circles import links, signups
from circles.models import MeetingRSVP, Signup

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Amina",
        "email": "amina@example.org",
        "mobile": "",
        "goals": "Speak with confidence",
        "contribution": "Time keeping",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def post_form(client, circle, **overrides):
    page = client.get(circle.url)
    started = page.context["form"]["form_started"].value()
    return client.post(circle.url, {**form_data(**overrides), "form_started": started})


def test_signup_form_redirects_to_a_thank_you_page(client, make_circle):
    circle = make_circle(signup_limit=3)
    response = post_form(client, circle)
    assert response.status_code == 303
    assert response["Location"].startswith(circle.url + "thanks/?t=")
    thanks = client.get(response["Location"]).content.decode()
    assert "You are signed up" in thanks
    # The thank-you page never reveals the manage link: that only goes to the mailbox.
    assert "/signup/" not in thanks
    assert Signup.objects.get(circle=circle).goals == "Speak with confidence"


def test_waiting_list_position_is_shown(client, make_circle):
    circle = make_circle(signup_limit=1)
    signups.sign_up(circle, email="first@example.org", name="First", consent=True)
    html = client.get(circle.url).content.decode()
    assert "This circle is full" in html
    assert "Join the waiting list" in html
    response = post_form(client, circle)
    thanks = client.get(response["Location"]).content.decode()
    assert "You are number 1 on the waiting list" in thanks


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": ""}, "Please agree so that the facilitators can contact you."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"name": ""}, "This field is required."),
        ({"website": "http://spam.example"}, "Your submission looks automated"),
    ],
)
def test_bad_input_gets_a_clear_message(client, make_circle, overrides, message):
    circle = make_circle()
    response = post_form(client, circle, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Signup.objects.filter(circle=circle).exists()


def test_tampered_time_trap_is_refused(client, make_circle):
    circle = make_circle()
    response = client.post(circle.url, {**form_data(), "form_started": "forged"})
    assert response.status_code == 400
    assert "This form has expired" in response.content.decode()


def test_rate_limit_per_address(client, make_circle, settings):
    settings.FORM_RATE_LIMIT = 2
    circle = make_circle()
    assert post_form(client, circle, email="a@example.org").status_code == 303
    assert post_form(client, circle, email="b@example.org").status_code == 303
    response = post_form(client, circle, email="c@example.org")
    assert response.status_code == 429
    assert "Too many signups" in response.content.decode()
    assert Signup.objects.filter(circle=circle).count() == 2


def test_closed_circle_shows_no_form_and_refuses_posts(client, make_circle):
    circle = make_circle(signup_open=False)
    html = client.get(circle.url).content.decode()
    assert "This circle is not taking signups." in html
    response = client.post(circle.url, form_data())
    assert response.status_code in (400, 409)
    assert not Signup.objects.filter(circle=circle).exists()


def test_custom_question_is_asked_and_stored(client, make_circle):
    circle = make_circle(signup_question="Which laptop will you bring?")
    assert "Which laptop will you bring?" in client.get(circle.url).content.decode()
    post_form(client, circle, custom_answer="A borrowed one")
    assert Signup.objects.get(circle=circle).custom_answer == "A borrowed one"


def manage_url(circle, signup):
    return circle.url + circle.reverse_subpage("manage", args=[links.manage_token(signup)])


def rsvp_url(circle, signup, meeting, attending):
    return circle.url + circle.reverse_subpage("rsvp", args=[links.rsvp_token(signup, meeting, attending)])


def test_manage_link_opens_a_page_and_leaving_needs_the_button(client, make_circle):
    circle = make_circle(signup_limit=1)
    signup = signups.sign_up(circle, email="a@example.org", name="Ann", consent=True).signup
    waiting = signups.sign_up(circle, email="b@example.org", name="Ben", consent=True).signup
    url = manage_url(circle, signup)
    page = client.get(url)
    assert page.status_code == 200
    assert "Leave this circle and remove my details" in page.content.decode()
    assert Signup.objects.get(pk=signup.pk).status == Signup.Status.CONFIRMED  # opening did nothing
    response = client.post(url, {"action": "leave"})
    assert response.status_code == 303
    assert response["Location"] == url
    assert "your details have been removed" in client.get(url).content.decode()
    left = Signup.objects.get(pk=signup.pk)
    assert left.email is None and left.name == ""
    assert Signup.objects.get(pk=waiting.pk).status == Signup.Status.CONFIRMED


def test_tampered_or_foreign_links_are_rejected(client, make_circle):
    circle = make_circle()
    other = make_circle()
    signup = signups.sign_up(circle, email="a@example.org", name="Ann", consent=True).signup
    token = links.manage_token(signup)
    signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    # Point the signed value at another learner's signup, keeping the signature.
    _payload, rest = signed.split(":", 1)
    other_payload = signing.b64_encode(json.dumps({"s": signup.pk + 1, "c": circle.pk}).encode()).decode()
    tampered = base64.urlsafe_b64encode(f"{other_payload}:{rest}".encode()).decode().rstrip("=")
    assert client.get(circle.url + f"signup/{token[:-3]}xyz/").status_code == 404
    assert client.get(circle.url + f"signup/{tampered}/").status_code == 404
    assert client.post(circle.url + f"signup/{tampered}/", {"action": "leave"}).status_code == 404
    # A valid link used on another circle's address does nothing either.
    assert client.get(other.url + f"signup/{token}/").status_code == 404
    forged = links._dumps({"s": signup.pk, "c": circle.pk}, "wrong-salt")
    assert client.get(circle.url + f"signup/{forged}/").status_code == 404
    assert Signup.objects.get(pk=signup.pk).status == Signup.Status.CONFIRMED


def test_rsvp_asks_first_then_records_and_offers_the_calendar(client, make_circle):
    circle = make_circle()
    signup = signups.sign_up(circle, email="a@example.org", name="Ann", consent=True).signup
    meeting = circle.meeting_list[1]
    url = rsvp_url(circle, signup, meeting, False)
    page = client.get(url).content.decode()
    assert "No, I can" in page
    assert not MeetingRSVP.objects.exists()
    response = client.post(url)
    assert response.status_code == 303
    done = client.get(response["Location"]).content.decode()
    assert "Thanks for telling the group" in done
    assert f'href="{circle.url}calendar.ics"' in done
    assert MeetingRSVP.objects.get(signup=signup, meeting=meeting).attending is False
    client.post(rsvp_url(circle, signup, meeting, True))
    assert MeetingRSVP.objects.get(signup=signup, meeting=meeting).attending is True


def test_rsvp_link_expires_when_the_meeting_starts(client, make_circle):
    circle = make_circle()
    signup = signups.sign_up(circle, email="a@example.org", name="Ann", consent=True).signup
    meeting = circle.meeting_list[0]
    url = rsvp_url(circle, signup, meeting, True)
    later = meeting.start + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(url)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert client.post(url).status_code == 410
    assert not MeetingRSVP.objects.exists()
    assert timezone.now() < meeting.start


def test_thanks_page_without_a_valid_token_goes_back_to_the_circle(client, make_circle):
    circle = make_circle()
    response = client.get(circle.url + "thanks/?t=nonsense")
    assert response.status_code == 302
    assert response["Location"] == circle.url


def test_a_circle_page_renders_its_details_once_and_changes_with_the_next_publication(client, knls, make_circle):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from circles.models import CircleFacilitator

    circle = make_circle(parent=knls, facilitators=[CircleFacilitator(name="Wanjiru Kamau")])
    html = client.get(circle.url).content.decode()
    assert "Wanjiru Kamau" in html and f'<a href="{knls.url}">{knls.title}</a>' in html
    with CaptureQueriesContext(connection) as again:
        html = client.get(circle.url).content.decode()
    assert "Wanjiru Kamau" in html and "Next meeting" in html
    assert not [q for q in again.captured_queries if "circlefacilitator" in q["sql"] or "circles_teampage" in q["sql"]]

    circle.facilitators = [CircleFacilitator(name="Otieno Ouma")]
    circle.save_revision()
    assert "Wanjiru Kamau" in client.get(circle.url).content.decode()
    circle.get_latest_revision().publish()
    html = client.get(circle.url).content.decode()
    assert "Otieno Ouma" in html and "Wanjiru Kamau" not in html


def test_a_preview_shows_the_draft_not_the_details_kept_for_visitors(client, knls, make_circle):
    from circles.models import CircleFacilitator

    circle = make_circle(parent=knls, facilitators=[CircleFacilitator(name="Wanjiru Kamau")])
    assert "Wanjiru Kamau" in client.get(circle.url).content.decode()
    draft = circle.get_latest_revision_as_object()
    draft.facilitators = [CircleFacilitator(name="Otieno Ouma")]
    html = draft.make_preview_request().content.decode()
    assert "Otieno Ouma" in html and "Wanjiru Kamau" not in html
    assert "Wanjiru Kamau" in client.get(circle.url).content.decode()
