"""Permissions follow the data: team pages and their members, locales and their home pages.

TeamMember rows may be written by the page editor's inline, by an invitation or by code: the model
signals catch every one of them.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import task_submitted

from workflows.notifications import ScopedTaskSubmissionNotifier

submission_notifier = ScopedTaskSubmissionNotifier()


def team_saved(sender, instance, created, raw=False, **kwargs):
    from workflows.setup import sync_team, team_groups

    if raw:
        return
    if created or team_groups(instance.translation_key, create=False) is None:
        sync_team(instance.translation_key)


def team_deleted(sender, instance, **kwargs):
    from workflows.setup import remove_team

    remove_team(instance.translation_key)


def member_changed(sender, instance, raw=False, **kwargs):
    from workflows.setup import sync_team_members, team_key_of

    if raw:
        return
    key = team_key_of(instance.team_id)
    if key is not None:
        sync_team_members(key)


def locale_saved(sender, instance, created, raw=False, **kwargs):
    from workflows.setup import setup_locale_groups

    if created and not raw:
        setup_locale_groups(instance.language_code)


def locale_deleted(sender, instance, **kwargs):
    from django.contrib.auth.models import Group

    from home import roles

    code = instance.language_code
    Group.objects.filter(name__in=[roles.translators_group_name(code), roles.reviewers_group_name(code)]).delete()


def home_saved(sender, instance, created, raw=False, **kwargs):
    from workflows.setup import attach_locale_home

    if created and not raw and instance.locale_id != Locale.get_default().pk:
        attach_locale_home(instance)


def connect():
    from circles.models import TeamMember, TeamPage
    from home.models import HomePage

    post_save.connect(team_saved, sender=TeamPage, dispatch_uid="workflows_team_saved")
    post_delete.connect(team_deleted, sender=TeamPage, dispatch_uid="workflows_team_deleted")
    post_save.connect(member_changed, sender=TeamMember, dispatch_uid="workflows_member_saved")
    post_delete.connect(member_changed, sender=TeamMember, dispatch_uid="workflows_member_deleted")
    post_save.connect(locale_saved, sender=Locale, dispatch_uid="workflows_locale_saved")
    post_delete.connect(locale_deleted, sender=Locale, dispatch_uid="workflows_locale_deleted")
    post_save.connect(home_saved, sender=HomePage, dispatch_uid="workflows_home_saved")
    task_submitted.connect(submission_notifier, dispatch_uid="workflows_scoped_task_submitted")
