"""Review tasks whose approvers depend on the page, and the groups that carry each team's permissions.

Wagtail's GroupApprovalTask asks fixed groups. Circles and translations need approvers found from the
page under review: the organizers of the circle's own team, or the reviewers of the page's locale.
"""

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import LockableMixin, Page, Task, TaskState

from home import roles


class TeamGroups(models.Model):
    """The organizers' and facilitators' groups of one team, shared by the team page's translations."""

    team_key = models.UUIDField(_("team translation key"), unique=True)
    organizers = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="organizers_of_team")
    facilitators = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="facilitators_of_team")

    class Meta:
        verbose_name = _("team groups")
        verbose_name_plural = _("team groups")

    def __str__(self):
        return self.organizers.name


class ReasonForm(TaskStateCommentForm):
    """Approving with untranslated text needs a reason, kept as the approval's comment."""

    comment = forms.CharField(
        label=_("Why may this go live with untranslated text?"),
        widget=forms.Textarea({"rows": 2}),
        required=True,
    )


class ScopedApprovalTask(Task):
    """A task whose approvers are found from the object under review."""

    class Meta:
        abstract = True

    def get_approvers(self, obj):
        raise NotImplementedError

    def pages_user_can_approve(self, user):
        """Pages this user approves at this task (a Page queryset)."""
        raise NotImplementedError

    def user_can_approve(self, obj, user):
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        return self.get_approvers(obj).filter(pk=user.pk).exists()

    def start(self, workflow_state, user=None):
        # Like Wagtail's group task: an author's lock must not stop the approvers.
        obj = workflow_state.content_object
        if isinstance(obj, LockableMixin) and obj.locked_by and not self.user_can_approve(obj, obj.locked_by):
            obj.locked, obj.locked_by, obj.locked_at = False, None, None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_approve(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.user_can_approve(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        if not user.is_authenticated or not user.is_active:
            return TaskState.objects.none()
        page_keys = self.pages_user_can_approve(user).annotate(key=Cast("pk", CharField())).values("key")
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_keys,
        )


def moderators():
    return get_user_model().objects.filter(groups__name=roles.MODERATORS, is_active=True)


class CircleApprovalTask(ScopedApprovalTask):
    """Approved by the organizers of the circle's own team; moderators approve independent circles
    and circles of a team that has no organizer."""

    class Meta:
        verbose_name = _("circle approval task")
        verbose_name_plural = _("circle approval tasks")

    @classmethod
    def get_description(cls):
        return _("Organizers of the circle's team approve it; moderators approve independent circles.")

    @staticmethod
    def team_of(page):
        from circles.models import TeamPage

        return TeamPage.objects.ancestor_of(page, inclusive=True).first()

    def get_approvers(self, obj):
        from circles.models import TeamMember

        team = self.team_of(obj) if isinstance(obj, Page) else None
        if team is not None:
            organizer_rows = TeamMember.objects.filter(
                team__translation_key=team.translation_key, role=TeamMember.Role.ORGANIZER
            )
            organizers = get_user_model().objects.filter(is_active=True, pk__in=organizer_rows.values("user_id"))
            if organizers.exists():
                return organizers
        return moderators()

    def pages_user_can_approve(self, user):
        from circles.models import TeamMember, TeamPage

        teams_with_organizers = TeamPage.objects.filter(
            translation_key__in=TeamMember.objects.filter(role=TeamMember.Role.ORGANIZER).values(
                "team__translation_key"
            )
        )
        own_keys = TeamMember.objects.filter(user=user, role=TeamMember.Role.ORGANIZER).values("team__translation_key")
        own_paths = list(teams_with_organizers.filter(translation_key__in=own_keys).values_list("path", flat=True))
        condition = Q(pk__in=[])
        if own_paths:
            condition |= reduce(or_, (Q(path__startswith=path) for path in own_paths))
        if user.groups.filter(name=roles.MODERATORS).exists():
            other_paths = list(teams_with_organizers.values_list("path", flat=True))
            outside = ~reduce(or_, (Q(path__startswith=path) for path in other_paths)) if other_paths else Q()
            condition |= outside
        return Page.objects.filter(condition)


class TranslationReviewTask(ScopedApprovalTask):
    """Approved by the reviewers of the page's locale; untranslated text needs a recorded reason."""

    APPROVE_WITH_REASON = "approve_with_reason"

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")

    @classmethod
    def get_description(cls):
        return _("Reviewers of the page's language approve its translation.")

    def get_approvers(self, obj):
        locale = getattr(obj, "locale", None)
        if locale is None:
            return get_user_model().objects.none()
        group_name = roles.reviewers_group_name(locale.language_code)
        return get_user_model().objects.filter(groups__name=group_name, is_active=True)

    def pages_user_can_approve(self, user):
        codes = [
            code
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if user.groups.filter(name=roles.reviewers_group_name(code)).exists()
        ]
        return Page.objects.filter(locale__language_code__in=codes)

    @staticmethod
    def untranslated_count(obj):
        """How many strings of the page's synced translation have no translation yet."""
        from wagtail_localize.models import Translation

        if not isinstance(obj, Page):
            return 0
        translation = Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        ).first()
        if translation is None:
            return 0
        total, translated = translation.get_progress()
        return total - translated

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.untranslated_count(obj):
            return [
                ("reject", _("Request changes"), True),
                (self.APPROVE_WITH_REASON, _("Approve with untranslated text"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        if action == self.APPROVE_WITH_REASON:
            return ReasonForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == self.APPROVE_WITH_REASON:
            if not (kwargs.get("comment") or "").strip():
                return None
            task_state.approve(user=user, **kwargs)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)
