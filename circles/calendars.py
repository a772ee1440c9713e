"""calendar.ics for a circle and for a team: one event per meeting, in the circle's own time zone."""

from home.calendar import Event, build_calendar, calendar_response

UID_DOMAIN = "learning-circles"


def meeting_events(circle, request=None):
    location = ", ".join(part for part in (circle.venue_name, circle.address, circle.city, circle.country) if part)
    url = circle.get_full_url(request) or ""
    description = circle.course.title if circle.course_id and circle.course else ""
    total = len(circle.meeting_list)
    events = []
    for number, meeting in enumerate(circle.meeting_list, start=1):
        events.append(
            Event(
                # The meeting's primary key never changes when its date or time is edited.
                uid=f"meeting-{meeting.pk or f'{circle.pk}-{number}'}@{UID_DOMAIN}",
                start=meeting.start,
                end=meeting.end,
                summary=f"{circle.title} ({number}/{total})",
                location=location,
                description=description,
                url=url,
            )
        )
    return events


def circle_ics(circle, request=None):
    return build_calendar(meeting_events(circle, request), name=circle.title)


def circle_calendar(circle, request):
    return calendar_response(meeting_events(circle, request), name=circle.title, filename=f"{circle.slug}.ics")


def team_calendar(team, request):
    events = []
    for circle in team.circles().prefetch_related("meetings"):
        events += meeting_events(circle, request)
    return calendar_response(events, name=team.title, filename=f"{team.slug}.ics")
