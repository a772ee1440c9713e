"""The groups of every role in DESIGN's role table, applied by `setup_roles`.

Each app may declare `ROLES` in its own `roles.py`; they are merged by group name,
so an app can add permissions to a group another app declared. Applying is
idempotent: it only adds what is missing.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.db import transaction

EDITORS = "Editors"
MODERATORS = "Moderators"
FACILITATORS = "Facilitators"
TEAM_ORGANIZERS = "Team organizers"
GATHERING_STAFF = "Gathering staff"

ACCESS_ADMIN = "wagtailadmin.access_admin"
EDIT_PAGES = ("add_page", "change_page", "lock_page", "unlock_page")
PUBLISH_PAGES = (*EDIT_PAGES, "publish_page")
MEDIA_PERMISSIONS = ("add", "change", "choose")


@dataclass
class Role:
    name: str
    permissions: list[str] = field(default_factory=list)
    # Page permissions on the tree's root, so they hold in every locale.
    root_page_permissions: tuple[str, ...] = ()
    # Permissions on images and documents in the root collection.
    media: bool = False


ROLES = [
    Role(EDITORS, [ACCESS_ADMIN], root_page_permissions=EDIT_PAGES, media=True),
    Role(MODERATORS, [ACCESS_ADMIN], root_page_permissions=PUBLISH_PAGES, media=True),
    Role(FACILITATORS, [ACCESS_ADMIN]),
    Role(TEAM_ORGANIZERS, [ACCESS_ADMIN]),
    Role(GATHERING_STAFF, [ACCESS_ADMIN]),
]


def translators_group_name(language_code):
    return f"Translators ({language_code})"


def reviewers_group_name(language_code):
    return f"Reviewers ({language_code})"


def translated_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def locale_roles():
    """Translators and reviewers for each language other than the source."""
    roles = []
    for code in translated_languages():
        roles.append(Role(translators_group_name(code), [ACCESS_ADMIN]))
        roles.append(Role(reviewers_group_name(code), [ACCESS_ADMIN]))
    return roles


def collect_roles():
    merged = {}
    for app_config in global_apps.get_app_configs():
        try:
            module = import_module(f"{app_config.name}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.roles":
                raise
            continue
        for role in getattr(module, "ROLES", []):
            _merge_role(merged, role)
    # Merged too, so an app that gives translators a permission (e.g. on its snippets) keeps their admin access.
    for role in locale_roles():
        _merge_role(merged, role)
    return list(merged.values())


def _merge_role(merged, role):
    existing = merged.setdefault(role.name, Role(role.name))
    existing.permissions += [p for p in role.permissions if p not in existing.permissions]
    existing.root_page_permissions = tuple(dict.fromkeys(existing.root_page_permissions + role.root_page_permissions))
    existing.media = existing.media or role.media


def ensure_locales():
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _permission(dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _apply_page_permissions(group, page, codenames):
    from wagtail.models import GroupPagePermission

    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _apply_locale_page_permissions(group_by_name):
    """Translators edit, and reviewers publish, the tree of their own locale only."""
    from home.models import HomePage

    for home in HomePage.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).select_related("locale"):
        code = home.locale.language_code
        if translators_group_name(code) in group_by_name:
            _apply_page_permissions(group_by_name[translators_group_name(code)], home, EDIT_PAGES)
        if reviewers_group_name(code) in group_by_name:
            _apply_page_permissions(group_by_name[reviewers_group_name(code)], home, PUBLISH_PAGES)


def _apply_media_permissions(group):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for model in (get_image_model(), get_document_model()):
        for action in MEDIA_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=model._meta.app_label, codename=f"{action}_{model._meta.model_name}"
            )
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


@transaction.atomic
def apply_roles():
    """Create every group and give it its permissions; safe to run any number of times."""
    from wagtail.models import Page

    ensure_locales()
    roles = collect_roles()
    root_page = Page.get_first_root_node()
    group_by_name = {}
    for role in roles:
        group, _created = Group.objects.get_or_create(name=role.name)
        group_by_name[role.name] = group
        group.permissions.add(*[_permission(p) for p in role.permissions])
        if root_page is not None and role.root_page_permissions:
            _apply_page_permissions(group, root_page, role.root_page_permissions)
        if role.media:
            _apply_media_permissions(group)
    _apply_locale_page_permissions(group_by_name)
    return group_by_name


def apply_roles_after_migrate(sender, using="default", verbosity=1, **kwargs):
    # Django creates permissions in post_migrate, app by app; make sure every app's exist first.
    from wagtail.snippets.models import create_extra_permissions

    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    # Publish/lock permissions of snippets with drafts (e.g. courses), which Wagtail adds later on.
    create_extra_permissions(global_apps.get_app_config("wagtailsnippets"), using=using)
    apply_roles()
