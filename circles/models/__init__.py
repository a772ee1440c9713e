from circles.models.course import Course, CourseTopic
from circles.models.pages import (
    CIRCLE_LANGUAGES,
    CircleFacilitator,
    CircleIndexPage,
    CourseIndexPage,
    LearningCirclePage,
    Meeting,
    Status,
    TeamMember,
    TeamPage,
    in_locale,
)
from circles.models.signups import MeetingRSVP, Signup

__all__ = [
    "CIRCLE_LANGUAGES",
    "CircleFacilitator",
    "CircleIndexPage",
    "Course",
    "CourseIndexPage",
    "CourseTopic",
    "LearningCirclePage",
    "Meeting",
    "MeetingRSVP",
    "Signup",
    "Status",
    "TeamMember",
    "TeamPage",
    "in_locale",
]
