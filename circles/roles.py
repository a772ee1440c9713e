"""Who may edit the course database: facilitators suggest, moderators publish."""

from home.roles import FACILITATORS, MODERATORS, TEAM_ORGANIZERS, Role

SUGGEST_COURSES = ["circles.add_course", "circles.change_course"]

ROLES = [
    Role(FACILITATORS, SUGGEST_COURSES),
    Role(TEAM_ORGANIZERS, SUGGEST_COURSES),
    Role(MODERATORS, [*SUGGEST_COURSES, "circles.delete_course", "circles.publish_course"]),
]
