"""Who sees which team on the dashboard.

A team's members are copied to its translated pages, and its circles live under the
page in the default locale, so the dashboard works with the team pages of the default
locale and recognises an organizer by a membership on any translation of the team.
"""

from django.http import Http404
from wagtail.models import Locale

from circles.models import TeamMember, TeamPage


def sees_every_team(user):
    return user.is_active and (user.is_superuser or user.is_staff)


def organized_teams(user):
    """The teams (default-locale pages) whose dashboard `user` may open."""
    teams = TeamPage.objects.filter(locale=Locale.get_default())
    if sees_every_team(user):
        return teams
    keys = TeamPage.objects.filter(members__user=user, members__role=TeamMember.Role.ORGANIZER).values(
        "translation_key"
    )
    return teams.filter(translation_key__in=keys)


def can_open_dashboard(user):
    return user.is_authenticated and (sees_every_team(user) or organized_teams(user).exists())


def team_or_404(user, team_id):
    team = organized_teams(user).filter(pk=team_id).first()
    if team is None:
        raise Http404
    return team


def team_members(team):
    """Members of a team, whichever of its translations they were added on, once each."""
    keys = TeamPage.objects.filter(translation_key=team.translation_key).values("pk")
    members = {}
    for member in TeamMember.objects.filter(team__in=keys).select_related("user").order_by("pk"):
        current = members.get(member.user_id)
        if current is None or (current.role != member.role and member.role == TeamMember.Role.ORGANIZER):
            members[member.user_id] = member
    return list(members.values())
