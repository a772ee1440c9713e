import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from circles.models import TeamMember
from dashboard import invitations
from dashboard.models import TeamInvitation
from home.models import OutboundEmail

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-and-unusual-passphrase-42"


def _link_path(email):
    body = OutboundEmail.objects.filter(to=email, topic="team-invitation").latest("pk").body_text
    return re.search(r"https?://[^/]+(/\S+/)", body).group(1)


def _invite(client, organizer, knls, email="new.facilitator@example.org", role="facilitator"):
    client.force_login(organizer)
    response = client.post(f"/admin/dashboard/teams/{knls.pk}/invite/", {"email": email, "role": role})
    assert response.status_code == 302
    client.logout()
    return TeamInvitation.objects.get(team=knls, email=email.lower())


def test_invite_and_accept_with_a_new_account(client, organizer, knls):
    invitation = _invite(client, organizer, knls, email="New.Facilitator@Example.org")
    assert invitation.email == "new.facilitator@example.org"
    path = _link_path("new.facilitator@example.org")
    page = client.get(path)
    assert page.status_code == 200
    assert "Create your account" in page.content.decode()
    response = client.post(
        path, {"action": "accept", "first_name": "Amina", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    user = get_user_model().objects.get(email="new.facilitator@example.org")
    assert user.check_password(PASSWORD)
    member = TeamMember.objects.get(team=knls, user=user)
    assert member.role == TeamMember.Role.FACILITATOR
    assert user.groups.filter(name="Facilitators").exists()
    invitation.refresh_from_db()
    assert invitation.status == TeamInvitation.Status.ACCEPTED and invitation.accepted_by == user
    # Logged in at once: the admin opens.
    assert client.get("/admin/").status_code == 200
    # The link can't be used twice, logged in or not.
    assert client.get(path).status_code == 410
    client.logout()
    again = client.post(path, {"action": "accept", "first_name": "X", "password1": PASSWORD, "password2": PASSWORD})
    assert again.status_code == 410
    assert get_user_model().objects.filter(email="new.facilitator@example.org").count() == 1
    # The dashboard shows it accepted.
    client.force_login(organizer)
    html = client.get(f"/admin/dashboard/teams/{knls.pk}/").content.decode()
    assert "new.facilitator@example.org" in html and "Accepted" in html


def test_logged_in_invitee_joins_with_their_account(client, organizer, knls, make_user):
    user = make_user("existing", email="existing@example.org")
    _invite(client, organizer, knls, email="existing@example.org", role="organizer")
    path = _link_path("existing@example.org")
    assert "Log in to accept" in client.get(path).content.decode()
    client.force_login(user)
    assert client.post(path, {"action": "accept"}).status_code == 302
    assert TeamMember.objects.get(team=knls, user=user).role == TeamMember.Role.ORGANIZER
    # As an organizer they now have the team's dashboard.
    assert client.get(f"/admin/dashboard/teams/{knls.pk}/").status_code == 200


def test_another_address_cannot_use_the_link(client, organizer, knls, make_user):
    invitation = _invite(client, organizer, knls, email="meant-for@example.org")
    path = _link_path("meant-for@example.org")
    client.force_login(make_user("someone-else", email="else@example.org"))
    assert client.get(path).status_code == 403
    assert client.post(path, {"action": "accept"}).status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == TeamInvitation.Status.PENDING
    assert not TeamMember.objects.filter(team=knls, user__username="someone-else").exists()
    # The service refuses too, whoever calls it.
    with pytest.raises(invitations.InvitationProblem):
        invitations.accept(invitation, get_user_model().objects.get(username="someone-else"))


def test_expired_link(client, organizer, knls):
    invitation = _invite(client, organizer, knls, email="late@example.org")
    path = _link_path("late@example.org")
    later = timezone.now() + timedelta(days=15)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(path)
        assert response.status_code == 410
        assert "expired" in response.content.decode()
        assert invitation.current_status == TeamInvitation.Status.EXPIRED
        client.force_login(organizer)
        assert "Expired" in client.get(f"/admin/dashboard/teams/{knls.pk}/").content.decode()


def test_resend_replaces_the_link_and_revoke_ends_it(client, organizer, knls):
    invitation = _invite(client, organizer, knls, email="twice@example.org")
    old = _link_path("twice@example.org")
    client.force_login(organizer)
    client.post(f"/admin/dashboard/teams/{knls.pk}/invitations/{invitation.pk}/resend/")
    new = _link_path("twice@example.org")
    assert new != old
    client.logout()
    assert client.get(old).status_code == 400
    assert client.get(new).status_code == 200
    client.force_login(organizer)
    client.post(f"/admin/dashboard/teams/{knls.pk}/invitations/{invitation.pk}/revoke/")
    client.logout()
    assert client.get(new).status_code == 410
    invitation.refresh_from_db()
    assert invitation.status == TeamInvitation.Status.REVOKED


def test_decline(client, organizer, knls):
    invitation = _invite(client, organizer, knls, email="no-thanks@example.org")
    path = _link_path("no-thanks@example.org")
    assert client.post(path, {"action": "decline"}).status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == TeamInvitation.Status.DECLINED
    assert client.post(path, {"action": "accept"}).status_code == 410


@pytest.mark.parametrize("token", ["x", "not-a-token:at:all", "%00", "a" * 500])
def test_tampered_links_get_a_clear_message(client, token):
    response = client.get(f"/en/team-invitation/{token}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_bad_account_form_creates_nothing(client, organizer, knls):
    _invite(client, organizer, knls, email="typo@example.org")
    path = _link_path("typo@example.org")
    response = client.post(path, {"action": "accept", "first_name": "T", "password1": PASSWORD, "password2": "other"})
    assert response.status_code == 400
    assert "not the same" in response.content.decode()
    assert not get_user_model().objects.filter(email="typo@example.org").exists()


def test_invalid_invite_form_is_refused(client, organizer, knls):
    client.force_login(organizer)
    response = client.post(f"/admin/dashboard/teams/{knls.pk}/invite/", {"email": "not an address", "role": "boss"})
    assert response.status_code == 400
    # An existing member can't be invited again.
    response = client.post(f"/admin/dashboard/teams/{knls.pk}/invite/", {"email": "facilitator@example.org"})
    assert response.status_code == 400
    assert "already a member" in response.content.decode()


def test_queries_of_the_invitation_page_are_bounded(client, organizer, knls, django_assert_max_num_queries):
    _invite(client, organizer, knls, email="count@example.org")
    with django_assert_max_num_queries(20):
        assert client.get(_link_path("count@example.org")).status_code == 200
