"""Everything held about one person, found and erased by email address.

Each app that stores personal data has a `personal_data` module with two functions:
`export(email)` returns {"what": [records]} and `erase(email)` removes or anonymises
them and returns {"what": count}. The commands `export_personal_data` and
`erase_personal_data` call every app's module, so a new app only adds its own.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

ERASED = "[erased]"


def _modules():
    for app_config in apps.get_app_configs():
        try:
            yield app_config.label, import_module(f"{app_config.name}.personal_data")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.personal_data":
                raise


def export_everything(email):
    found = {}
    for label, module in _modules():
        if hasattr(module, "export"):
            for what, records in module.export(email).items():
                if records:
                    found[f"{label}.{what}"] = records
    return found


@transaction.atomic
def erase_everything(email):
    counts = {}
    for label, module in _modules():
        if hasattr(module, "erase"):
            for what, count in module.erase(email).items():
                counts[f"{label}.{what}"] = count
    return counts


# This app's own share: user accounts and the admin's log entries about or by them.


def _log_entry_models():
    from wagtail.models import ModelLogEntry, PageLogEntry

    return [PageLogEntry, ModelLogEntry]


def _users(email):
    return get_user_model().objects.filter(email__iexact=email)


def export(email):
    users = list(_users(email))
    records = {
        "accounts": [
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "date_joined": user.date_joined.isoformat(),
                "last_login": user.last_login.isoformat() if user.last_login else None,
                "groups": sorted(user.groups.values_list("name", flat=True)),
            }
            for user in users
        ],
        "log_entries": [],
    }
    for model in _log_entry_models():
        entries = model.objects.filter(Q(user__in=users) | Q(label__icontains=email)).order_by("timestamp")
        records["log_entries"] += [
            {"action": entry.action, "label": entry.label, "timestamp": entry.timestamp.isoformat()}
            for entry in entries
        ]
    return records


def erase(email):
    users = list(_users(email))
    erased_entries = 0
    for model in _log_entry_models():
        entries = model.objects.filter(Q(user__in=users) | Q(label__icontains=email))
        # The history of what happened to content stays; who did it, and their address, go.
        erased_entries += entries.update(user=None, label=ERASED, data={})
    for user in users:
        user.username = f"erased-{user.pk}"
        user.first_name = user.last_name = ""
        user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
    return {"accounts": len(users), "log_entries": erased_entries}
