"""The dashboard and the invitation page in a real browser: axe (WCAG 2.2 AA) and the HTML checker."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from conftest import AXE_TAGS

pytestmark = pytest.mark.browser
PASSWORD = "browser-test-passphrase-7"


def _logged_in_context(chromium, live_site):
    user = get_user_model().objects.get(username="organizer")
    user.set_password(PASSWORD)
    user.save()
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{live_site}/admin/login/")
    page.fill("input[name=username]", "organizer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/**")
    return context, page


def _check_admin_page(page, url, html_checker):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url)
    page.wait_for_load_state("load")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, f"axe on {url}:\n{results.generate_report()}"
    # The HTML the server sent, as check_page validates it (the live DOM holds what scripts add).
    errors = html_checker(page.request.get(url).text())
    assert not errors, f"HTML errors on {url}:\n" + "\n".join(
        f"line {e.get('lastLine')}: {e.get('message')}" for e in errors
    )


def test_team_dashboard_is_accessible(live_site, chromium, html_checker):
    from circles.models import TeamPage

    team = TeamPage.objects.get(slug="knls", locale=Locale.get_default())
    context, page = _logged_in_context(chromium, live_site)
    try:
        _check_admin_page(page, f"{live_site}/admin/dashboard/teams/{team.pk}/", html_checker)
        assert page.get_by_role("heading", name="Active circles").is_visible()
        assert "new.facilitator@example.org" in page.content()
        _check_admin_page(page, f"{live_site}/admin/", html_checker)
    finally:
        context.close()


def test_invitation_page_is_accessible(live_site, nojs_page, check_page):
    from circles.models import TeamPage
    from dashboard import invitations
    from dashboard.models import TeamInvitation

    team = TeamPage.objects.get(slug="knls", locale=Locale.get_default())
    invitation, _created = TeamInvitation.objects.get_or_create(team=team, email="browser.invitee@example.org")
    nojs_page.goto(f"{live_site}/en/team-invitation/{invitations.token(invitation)}/")
    assert nojs_page.get_by_role("heading", name="Create your account").is_visible()
    check_page(nojs_page)
