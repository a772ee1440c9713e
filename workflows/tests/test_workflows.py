"""Each workflow end to end through the admin: submit, email, approve or reject, history."""

from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from circles.models import CircleIndexPage, Course, LearningCirclePage, TeamPage
from gathering.models import GatheringIndexPage
from guides.models import GuideChapterPage
from home.models import HomePage
from workflows import setup
from workflows.tests.helpers import (
    add_page,
    admin_links,
    chapter_data,
    circle_data,
    denied,
    emails_to,
    fresh,
    guide_index,
    login,
    team,
    user,
    workflow_action,
)

pytestmark = pytest.mark.django_db


def workflow_of(page):
    return Page.objects.get(pk=page.pk).get_workflow().name


def test_setup_roles_assigns_the_five_workflows():
    default = Locale.get_default()
    assert workflow_of(HomePage.objects.get(locale=default)) == setup.EDITORIAL_REVIEW
    assert workflow_of(guide_index()) == setup.EDITORIAL_REVIEW
    assert workflow_of(GatheringIndexPage.objects.get(locale=default)) == setup.GATHERING_REVIEW
    assert workflow_of(CircleIndexPage.objects.get(locale=default)) == setup.CIRCLE_APPROVAL
    assert workflow_of(team("knls")) == setup.CIRCLE_APPROVAL
    for home in HomePage.objects.exclude(locale=default):
        assert workflow_of(home) == setup.TRANSLATION_REVIEW
    sw_chapter = GuideChapterPage.objects.filter(locale__language_code="sw").first()
    assert workflow_of(sw_chapter) == setup.TRANSLATION_REVIEW
    course_type = ContentType.objects.get_for_model(Course)
    assert WorkflowContentType.objects.get(content_type=course_type).workflow.name == setup.COURSE_MODERATION


def counts():
    return (
        Workflow.objects.count(),
        WorkflowTask.objects.count(),
        WorkflowPage.objects.count(),
        WorkflowContentType.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowState.objects.count(),
        sorted(user("organizer").groups.values_list("name", flat=True)),
    )


def test_setup_roles_is_idempotent_on_a_database_with_content():
    before = counts()
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before


def test_editorial_review_submit_email_approve_live_history(client):
    editor, moderator = user("editor"), user("moderator")
    login(client, editor)
    chapter = add_page(client, guide_index(), GuideChapterPage, chapter_data())
    assert not chapter.live
    assert chapter.workflow_in_progress
    # The moderator gets an email with a working link; the editor (who submitted) gets none.
    messages = emails_to(moderator)
    assert messages, [m.to for m in mail.outbox]
    assert "Plan the first meeting" in messages[0].subject + messages[0].body
    assert not emails_to(editor)
    login(client, moderator)
    for link in admin_links(messages[0]):
        assert client.get(link).status_code == 200, link
    home = client.get("/admin/").content.decode()
    assert "Plan the first meeting" in home
    assert workflow_action(client, chapter, "approve").status_code == 302
    chapter = fresh(chapter)
    assert chapter.live and chapter.live_revision_id == chapter.latest_revision_id
    history = client.get(reverse("wagtailadmin_pages:history", args=[chapter.pk])).content.decode()
    assert "Workflow: start" in history or "Submitted" in history
    assert "Approved" in history or "approve" in history.lower()
    assert "Published" in history or "publish" in history.lower()


def test_rejection_returns_to_author_with_the_comment(client):
    editor, moderator = user("editor"), user("moderator")
    login(client, editor)
    chapter = add_page(client, guide_index(), GuideChapterPage, chapter_data(slug="rejected-one"))
    login(client, moderator)
    mail.outbox.clear()
    assert workflow_action(client, chapter, "reject", comment="Please add the room booking tips.").status_code == 302
    chapter = fresh(chapter)
    assert not chapter.live
    state = WorkflowState.objects.for_instance(chapter).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_author = emails_to(editor)
    assert to_author and "Please add the room booking tips." in to_author[0].body
    login(client, editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[chapter.pk])).content.decode()
    assert "Please add the room booking tips." in history
    assert client.get(reverse("wagtailadmin_pages:edit", args=[chapter.pk])).status_code == 200


def test_circle_approval_goes_to_the_organizers_of_the_circles_own_team(client):
    facilitator, organizer, other = user("facilitator"), user("organizer"), user("organizer-b")
    login(client, facilitator)
    circle = add_page(client, team("knls"), LearningCirclePage, circle_data(facilitator=facilitator))
    assert circle.workflow_in_progress and not circle.live
    assert emails_to(organizer)
    assert not emails_to(other)
    assert not emails_to(user("moderator"))
    # The other team's organizer neither sees the task nor may act on it.
    login(client, other)
    assert "Poetry at Nakuru" not in client.get("/admin/").content.decode()
    assert denied(workflow_action(client, circle, "approve"))
    assert not fresh(circle).live
    login(client, organizer)
    link = admin_links(emails_to(organizer)[0])[0]
    assert client.get(link).status_code == 200
    assert "Poetry at Nakuru" in client.get("/admin/").content.decode()
    assert workflow_action(client, circle, "approve").status_code == 302
    assert fresh(circle).live
    login(client, "facilitator")
    assert client.get(fresh(circle).url).status_code == 200


def test_other_organizer_gets_403_on_the_action(client):
    facilitator = user("facilitator")
    login(client, facilitator)
    circle = add_page(client, team("knls"), LearningCirclePage, circle_data(slug="guarded", facilitator=facilitator))
    login(client, user("organizer-b"))
    assert denied(workflow_action(client, circle, "approve"))
    assert denied(workflow_action(client, circle, "reject", comment="no"))
    assert fresh(circle).workflow_in_progress


def test_independent_circles_go_to_moderators(client):
    indie, moderator = user("facilitator-indie"), user("moderator")
    index = CircleIndexPage.objects.get(locale=Locale.get_default())
    login(client, indie)
    circle = add_page(client, index, LearningCirclePage, circle_data(slug="indie-poetry", facilitator=indie))
    assert emails_to(moderator)
    assert not emails_to(user("organizer"))
    login(client, user("organizer"))
    assert denied(workflow_action(client, circle, "approve"))
    login(client, moderator)
    assert workflow_action(client, circle, "approve").status_code == 302
    assert fresh(circle).live


def test_proposed_course_waits_for_a_moderator(client):
    facilitator, moderator = user("facilitator"), user("moderator")
    login(client, facilitator)
    response = client.post(
        reverse("wagtailsnippets_circles_course:add"),
        {
            "title": "Spreadsheets for everyone",
            "provider": "P2PU",
            "link": "https://courses.example.org/spreadsheets/",
            "format": Course.Format.choices[0][0],
            "language": "en",
            "licence": "",
            "caption": "Sums, charts and budgets.",
            "topics": "",
            "action-submit": "x",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    course = Course.objects.get(title="Spreadsheets for everyone")
    assert not course.live
    assert course.workflow_in_progress
    login(client, moderator)
    state = course.current_workflow_task_state
    url = reverse("wagtailsnippets_circles_course:workflow_action", args=[course.pk, "approve", state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    course.refresh_from_db()
    assert course.live


def test_each_admin_home_shows_the_demo_items_awaiting_review(client):
    expectations = {
        "moderator": GuideChapterPage.objects.filter(locale=Locale.get_default()).order_by("path").first().title,
        "organizer": "Digital skills at Buruburu library",
    }
    sw_page = WorkflowState.objects.filter(workflow__name=setup.TRANSLATION_REVIEW).first().content_object
    expectations["reviewer-sw"] = sw_page.title
    for username, title in expectations.items():
        login(client, user(username))
        assert title in client.get("/admin/").content.decode(), username
    for username in ("organizer-b", "translator-es", "editor"):
        login(client, user(username))
        home = client.get("/admin/").content.decode()
        assert "Digital skills at Buruburu library" not in home, username
        assert sw_page.title not in home, username
    # The translator sees their own submission in progress, with nothing to approve.
    login(client, "translator-sw")
    home = client.get("/admin/").content.decode()
    assert sw_page.title in home
    assert f"/admin/pages/workflow/action/{sw_page.pk}/" not in home


def test_team_page_creation_gives_its_members_their_permissions(client):
    moderator, newbie = user("moderator"), user("facilitator-indie")
    home = HomePage.objects.get(locale=Locale.get_default())
    team_page = TeamPage(title="Nakuru libraries", slug="nakuru", location="Nakuru")
    home.add_child(instance=team_page)
    team_page.save_revision(user=moderator).publish()
    login(client, newbie)
    add_url = reverse("wagtailadmin_pages:add", args=["circles", "learningcirclepage", team_page.pk])
    assert client.get(add_url).status_code in (302, 403)
    # An invitation (or anything else) only writes a TeamMember row; the permission follows.
    from circles.models import TeamMember

    member = TeamMember.objects.create(team=team_page, user=newbie, role=TeamMember.Role.FACILITATOR)
    assert client.get(add_url).status_code == 200
    member.role = TeamMember.Role.ORGANIZER
    member.save()
    assert fresh(team_page).permissions_for_user(user(newbie.username)).can_publish()
    member.delete()
    assert client.get(add_url).status_code in (302, 403)
    assert not fresh(team_page).permissions_for_user(user(newbie.username)).can_edit()
    # Removing the team removes its groups.
    TeamMember.objects.create(team=team_page, user=newbie, role=TeamMember.Role.ORGANIZER)
    groups = setup.team_groups(team_page.translation_key, create=False)
    assert groups.organizers.user_set.filter(pk=newbie.pk).exists()
    fresh(team_page).delete()
    assert setup.team_groups(team_page.translation_key, create=False) is None
    assert not newbie.groups.filter(name__startswith="Team ").exists()


def test_team_members_added_in_the_page_editor_get_permissions(client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    moderator, newbie = user("moderator"), user("facilitator-indie")
    login(client, moderator)
    home = HomePage.objects.get(locale=Locale.get_default())
    data = nested_form_data(
        {
            "title": "Mombasa libraries",
            "slug": "mombasa",
            "subtitle": "",
            "intro": "",
            "location": "Mombasa",
            "website": "",
            "contact_email": "",
            "members": inline_formset([{"user": str(newbie.pk), "role": "organizer", "weekly_digest": "on"}]),
            "comments": inline_formset([]),
        }
    )
    team_page = add_page(client, home, TeamPage, data, action="action-publish")
    assert team_page.live
    assert fresh(team_page).permissions_for_user(newbie).can_publish()
    assert workflow_of(team_page) == setup.CIRCLE_APPROVAL


def test_a_new_locale_gets_its_translators_reviewers_and_review(settings):
    from django.contrib.auth.models import Group

    from home import roles

    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("pt", "Português")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    locale = Locale.objects.create(language_code="pt")
    translators = Group.objects.get(name=roles.translators_group_name("pt"))
    reviewers = Group.objects.get(name=roles.reviewers_group_name("pt"))
    assert translators.permissions.filter(codename="access_admin").exists()
    home = HomePage.objects.get(locale=Locale.get_default())
    pt_home = home.copy_for_translation(locale)
    assert GroupPagePermission.objects.filter(group=translators, page=pt_home, permission__codename="change_page")
    assert GroupPagePermission.objects.filter(group=reviewers, page=pt_home, permission__codename="publish_page")
    assert not GroupPagePermission.objects.filter(group=translators, page=pt_home, permission__codename="publish_page")
    assert workflow_of(pt_home) == setup.TRANSLATION_REVIEW


def test_scheduled_publishing_after_approval_needs_the_periodic_command(client):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Revision

    go_live = timezone.localtime() + timedelta(hours=1)
    login(client, "editor")
    data = {**chapter_data(slug="scheduled-one"), "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")}
    chapter = add_page(client, guide_index(), GuideChapterPage, data)
    login(client, "moderator")
    assert workflow_action(client, chapter, "approve").status_code == 302
    chapter = fresh(chapter)
    assert not chapter.live
    assert Revision.page_revisions.filter(object_id=str(chapter.pk), approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not fresh(chapter).live
    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert fresh(chapter).live
