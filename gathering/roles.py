"""Gathering staff see and manage registrations and invitation codes; nobody else does (except superusers).

Editors and moderators edit gathering pages through their page permissions; they get none of these.
"""

from home.roles import GATHERING_STAFF, Role

ROLES = [
    Role(
        GATHERING_STAFF,
        [
            "gathering.view_registration",
            "gathering.change_registration",
            "gathering.view_invitationcode",
            "gathering.add_invitationcode",
            "gathering.change_invitationcode",
            "gathering.delete_invitationcode",
        ],
    ),
]
