"""Workflow permissions: translators ask for translations, moderators manage workflows.

`apply` runs at the end of every `setup_roles`, once the groups exist.
"""

from home.roles import (
    EDITORS,
    FACILITATORS,
    MODERATORS,
    Role,
    reviewers_group_name,
    translated_languages,
    translators_group_name,
)

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
MANAGE_WORKFLOWS = [
    f"wagtailcore.{action}_{model}" for model in ("workflow", "task") for action in ("add", "change", "delete")
]

ROLES = [
    Role(EDITORS, [SUBMIT_TRANSLATION]),
    Role(MODERATORS, [SUBMIT_TRANSLATION, *MANAGE_WORKFLOWS]),
    *[Role(translators_group_name(code), [SUBMIT_TRANSLATION]) for code in translated_languages()],
    *[Role(reviewers_group_name(code), [SUBMIT_TRANSLATION]) for code in translated_languages()],
]


def apply(group_by_name):
    from wagtail.models import Locale

    from circles.models import CircleIndexPage
    from home.roles import _apply_page_permissions
    from workflows.setup import apply_workflows

    # Independent facilitators create circles in the circle index and edit the ones they own.
    facilitators = group_by_name.get(FACILITATORS)
    if facilitators is not None:
        for index in CircleIndexPage.objects.filter(locale=Locale.get_default()):
            _apply_page_permissions(facilitators, index, ("add_page",))
    apply_workflows()
