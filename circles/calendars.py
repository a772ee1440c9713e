"""calendar.ics for a circle and for a team: one event per meeting, in the circle's own time zone."""

from home.calendar import Event, build_calendar, calendar_response

UID_DOMAIN = "learning-circles"


def meeting_events(circle, request=None, page=None):
    """Events for `circle`'s meetings, worded as `page` (one of its translations) says; `circle` by default."""
    page = page or circle
    location = ", ".join(part for part in (page.venue_name, page.address, page.city, page.country) if part)
    url = page.get_full_url(request) or ""
    description = page.course.title if page.course_id and page.course else ""
    total = len(circle.meeting_list)
    events = []
    for number, meeting in enumerate(circle.meeting_list, start=1):
        events.append(
            Event(
                # The meeting's primary key never changes when its date or time is edited.
                uid=f"meeting-{meeting.pk or f'{circle.pk}-{number}'}@{UID_DOMAIN}",
                start=meeting.start,
                end=meeting.end,
                summary=f"{page.title} ({number}/{total})",
                location=location,
                description=description,
                url=url,
            )
        )
    return events


def circle_ics(circle, request=None, page=None):
    return build_calendar(meeting_events(circle, request, page), name=(page or circle).title)


def circle_calendar(page, request):
    # The original's meetings, so an event has the same UID whichever language's calendar it came from.
    events = meeting_events(page.signup_circle, request, page)
    return calendar_response(events, name=page.title, filename=f"{page.slug}.ics")


def team_calendar(team, request):
    events = []
    for circle in team.circles().prefetch_related("meetings"):
        events += meeting_events(circle, request)
    return calendar_response(events, name=team.title, filename=f"{team.slug}.ics")
