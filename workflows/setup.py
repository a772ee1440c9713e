"""Workflows, team groups and locale permissions: created by `setup_roles` and kept up to date by signals.

Everything here is idempotent: it adds what is missing and leaves what an administrator changed alone
(a page given another workflow in the admin keeps it).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from home import roles
from workflows.models import CircleApprovalTask, TeamGroups, TranslationReviewTask

EDITORIAL_REVIEW = "Editorial review"
GATHERING_REVIEW = "Gathering review"
CIRCLE_APPROVAL = "Circle approval"
TRANSLATION_REVIEW = "Translation review"
COURSE_MODERATION = "Course moderation"

MODERATORS_TASK = "Moderators approve"
ORGANIZERS_TASK = "Team organizers approve"
REVIEWERS_TASK = "Locale reviewers approve"

ORGANIZER_PAGE_PERMISSIONS = roles.PUBLISH_PAGES
FACILITATOR_PAGE_PERMISSIONS = ("add_page",)


def _task(model, name):
    task = model.objects.filter(name=name).first()
    return task or model.objects.create(name=name)


def _workflow(name, task):
    workflow = Workflow.objects.filter(name=name).first() or Workflow.objects.create(name=name)
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _assign(page, workflow):
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def workflow_named(name):
    return Workflow.objects.filter(name=name).first()


def apply_workflows():
    """Create the five workflows and assign them to the page tree and the course snippet."""
    from circles.models import CircleIndexPage, Course, TeamPage
    from gathering.models import GatheringIndexPage
    from home.models import HomePage

    moderators_task = _task(GroupApprovalTask, MODERATORS_TASK)
    moderators_task.groups.add(Group.objects.get(name=roles.MODERATORS))
    editorial = _workflow(EDITORIAL_REVIEW, moderators_task)
    gathering = _workflow(GATHERING_REVIEW, moderators_task)
    course = _workflow(COURSE_MODERATION, moderators_task)
    circle = _workflow(CIRCLE_APPROVAL, _task(CircleApprovalTask, ORGANIZERS_TASK))
    _workflow(TRANSLATION_REVIEW, _task(TranslationReviewTask, REVIEWERS_TASK))

    source = Locale.get_default()
    for home in HomePage.objects.filter(locale=source):
        _assign(home, editorial)
    for page in GatheringIndexPage.objects.filter(locale=source):
        _assign(page, gathering)
    for model in (CircleIndexPage, TeamPage):
        for page in model.objects.filter(locale=source):
            _assign(page, circle)
    for home in HomePage.objects.exclude(locale=source).select_related("locale"):
        attach_locale_home(home)
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Course), defaults={"workflow": course}
    )
    for key in set(TeamPage.objects.values_list("translation_key", flat=True)):
        sync_team(key)


# --- locales -------------------------------------------------------------------------------------


def setup_locale_groups(language_code):
    """The translators' and reviewers' groups of a newly added locale, with their permissions."""
    wanted = {roles.translators_group_name(language_code), roles.reviewers_group_name(language_code)}
    for role in roles.collect_roles():
        if role.name in wanted:
            group, _created = Group.objects.get_or_create(name=role.name)
            group.permissions.add(*[roles._permission(p) for p in role.permissions])


def attach_locale_home(home):
    """Translators edit, and reviewers publish, the locale's tree; its pages go to Translation review."""
    code = home.locale.language_code
    translators = Group.objects.filter(name=roles.translators_group_name(code)).first()
    reviewers = Group.objects.filter(name=roles.reviewers_group_name(code)).first()
    if translators is not None:
        roles._apply_page_permissions(translators, home, roles.EDIT_PAGES)
    if reviewers is not None:
        roles._apply_page_permissions(reviewers, home, roles.PUBLISH_PAGES)
    workflow = workflow_named(TRANSLATION_REVIEW)
    if workflow is not None:
        _assign(home, workflow)


# --- teams ---------------------------------------------------------------------------------------


def team_groups(team_key, create=True):
    from circles.models import TeamPage

    groups = TeamGroups.objects.select_related("organizers", "facilitators").filter(team_key=team_key).first()
    if groups is not None or not create:
        return groups
    team = TeamPage.objects.filter(translation_key=team_key).order_by("pk").first()
    if team is None:
        return None
    label = team.title[:100]
    organizers, _created = Group.objects.get_or_create(name=f"Team {team.pk} organizers: {label}")
    facilitators, _created = Group.objects.get_or_create(name=f"Team {team.pk} facilitators: {label}")
    return TeamGroups.objects.create(team_key=team_key, organizers=organizers, facilitators=facilitators)


def _member_permissions():
    from circles.roles import SUGGEST_COURSES

    return [roles._permission(p) for p in (roles.ACCESS_ADMIN, *SUGGEST_COURSES)]


@transaction.atomic
def sync_team(team_key):
    """Give the team's groups their permissions on the team page, and its members."""
    from circles.models import TeamPage

    groups = team_groups(team_key)
    if groups is None:
        return None
    permissions = _member_permissions()
    groups.organizers.permissions.add(*permissions)
    groups.facilitators.permissions.add(*permissions)
    circle = workflow_named(CIRCLE_APPROVAL)
    # Only the source-language team page: its translations belong to the locale's translators and reviewers.
    for team in TeamPage.objects.filter(translation_key=team_key, locale=Locale.get_default()):
        roles._apply_page_permissions(groups.organizers, team, ORGANIZER_PAGE_PERMISSIONS)
        roles._apply_page_permissions(groups.facilitators, team, FACILITATOR_PAGE_PERMISSIONS)
        if circle is not None:
            _assign(team, circle)
    sync_team_members(team_key)
    return groups


def sync_team_members(team_key):
    """Make the team's groups hold exactly the users with a TeamMember row of that role."""
    from circles.models import TeamMember

    groups = team_groups(team_key, create=False)
    if groups is None:
        return
    rows = TeamMember.objects.filter(team__translation_key=team_key)
    for group, role in (
        (groups.organizers, TeamMember.Role.ORGANIZER),
        (groups.facilitators, TeamMember.Role.FACILITATOR),
    ):
        wanted = set(rows.filter(role=role).values_list("user_id", flat=True))
        current = set(group.user_set.values_list("pk", flat=True))
        if wanted - current:
            group.user_set.add(*get_user_model().objects.filter(pk__in=wanted - current))
        if current - wanted:
            group.user_set.remove(*get_user_model().objects.filter(pk__in=current - wanted))


def remove_team(team_key):
    """The team page is gone: its groups, and so its members' permissions, go too."""
    from circles.models import TeamPage

    if TeamPage.objects.filter(translation_key=team_key, locale=Locale.get_default()).exists():
        return
    groups = team_groups(team_key, create=False)
    if groups is not None:
        Group.objects.filter(pk__in=[groups.organizers_id, groups.facilitators_id]).delete()


def team_key_of(team_id):
    from circles.models import TeamPage

    return TeamPage.objects.filter(pk=team_id).values_list("translation_key", flat=True).first()
