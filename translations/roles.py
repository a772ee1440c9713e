"""Reviewers keep their locale's glossary; translators read it. Both translate tag names."""

from home.roles import Role, reviewers_group_name, translated_languages, translators_group_name

GLOSSARY = "translations.{}_glossaryterm"
TAG_NAMES = ["translations.change_tagname", "translations.view_tagname"]

ROLES = [
    role
    for code in translated_languages()
    for role in (
        Role(translators_group_name(code), [GLOSSARY.format("view"), *TAG_NAMES]),
        Role(
            reviewers_group_name(code),
            [*(GLOSSARY.format(action) for action in ("add", "change", "delete", "view")), *TAG_NAMES],
        ),
    )
]
