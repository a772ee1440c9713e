from datetime import date, time, timedelta

import pytest
from icalendar import Calendar

from circles.factories import build_circle
from circles.models import CircleFacilitator

pytestmark = pytest.mark.django_db


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_circle_calendar_keeps_local_time_across_a_dst_change(client, circle_index):
    # US daylight saving time ends on the first Sunday of November: 2 November 2025.
    circle = build_circle(
        date(2025, 10, 21),
        weeks=4,
        start=time(18, 0),
        time_zone="America/Chicago",
        title="Chicago autumn circle",
        facilitators=[CircleFacilitator(name="Dana")],
    )
    circle_index.add_child(instance=circle)
    circle.save_revision().publish()
    response = client.get(circle.url + "calendar.ics")
    calendar = Calendar.from_ical(response.content)
    assert calendar.walk("VTIMEZONE"), "the calendar defines the time zone it uses"
    items = events(response)
    assert len(items) == 4
    starts = [item.decoded("dtstart") for item in items]
    assert [s.hour for s in starts] == [18, 18, 18, 18]
    assert {str(s.tzinfo) for s in starts} == {"America/Chicago"}
    assert [s.utcoffset() for s in starts] == [timedelta(hours=-5)] * 2 + [timedelta(hours=-6)] * 2
    assert all(item.decoded("dtend") - item.decoded("dtstart") == timedelta(minutes=90) for item in items)
    uids = [str(item["uid"]) for item in items]
    assert len(set(uids)) == 4
    # UIDs are stable: editing a meeting's time keeps its UID.
    circle.meetings.first()
    meeting = circle.meetings.order_by("date").first()
    meeting.start_time = time(19, 0)
    meeting.save()
    assert [str(item["uid"]) for item in events(client.get(circle.url + "calendar.ics"))] == uids


def test_team_calendar_holds_every_meeting_of_its_circles(client, knls):
    items = events(client.get("/en/knls/calendar.ics"))
    summaries = {str(item["summary"]) for item in items}
    assert any(summary.startswith("Public speaking at Buruburu") for summary in summaries)
    assert len({str(item["uid"]) for item in items}) == len(items)
