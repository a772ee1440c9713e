"""iCalendar (RFC 5545) feeds for circles, teams and gatherings."""

from dataclasses import dataclass
from datetime import datetime

from django.http import HttpResponse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODUCT_ID = "-//Learning circles CMS//EN"


@dataclass
class Event:
    uid: str  # stable across edits, e.g. "meeting-42@learning-circles"
    start: datetime  # timezone-aware, in the event's own zone so clients show local time across DST
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def build_calendar(events, name=""):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        item = CalendarEvent()
        item.add("uid", event.uid)
        item.add("dtstamp", event.start)
        item.add("dtstart", event.start)
        item.add("dtend", event.end)
        item.add("summary", event.summary)
        if event.location:
            item.add("location", event.location)
        if event.description:
            item.add("description", event.description)
        if event.url:
            item.add("url", event.url)
        if event.cancelled:
            item.add("status", "CANCELLED")
        calendar.add_component(item)
    # VTIMEZONE definitions for every TZID used, as RFC 5545 requires.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(events, name="", filename="calendar.ics"):
    response = HttpResponse(build_calendar(events, name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
