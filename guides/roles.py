"""Editors and moderators look after the resource topics; translators localise them."""

from home.roles import EDITORS, MODERATORS, Role, translated_languages, translators_group_name

TOPIC_PERMISSIONS = ["guides.add_resourcetopic", "guides.change_resourcetopic", "guides.delete_resourcetopic"]

ROLES = [
    Role(EDITORS, TOPIC_PERMISSIONS),
    Role(MODERATORS, TOPIC_PERMISSIONS),
    *[Role(translators_group_name(code), ["guides.change_resourcetopic"]) for code in translated_languages()],
]
