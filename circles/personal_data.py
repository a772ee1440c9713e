"""Circle signups and meeting RSVPs held about a person."""

from circles import signups
from circles.models import MeetingRSVP, Signup


def export(email):
    found = Signup.objects.filter(email__iexact=email).select_related("circle").order_by("created_at")
    rsvps = (
        MeetingRSVP.objects.filter(signup__email__iexact=email)
        .select_related("meeting__circle")
        .order_by("meeting__date", "meeting__start_time")
    )
    return {
        "signups": [
            {
                "circle": signup.circle.title,
                "status": signup.status,
                "name": signup.name,
                "mobile": signup.mobile,
                "goals": signup.goals,
                "contribution": signup.contribution,
                "custom_answer": signup.custom_answer,
                "consent": signup.consent,
                "news_opt_in": signup.news_opt_in,
                "signed_up": signup.created_at.isoformat(),
            }
            for signup in found
        ],
        "rsvps": [
            {
                "circle": rsvp.meeting.circle.title,
                "meeting": rsvp.meeting.start.isoformat(),
                "attending": rsvp.attending,
                "answered": rsvp.answered_at.isoformat(),
            }
            for rsvp in rsvps
        ],
    }


def erase(email):
    found = list(Signup.objects.filter(email__iexact=email))
    rsvps = MeetingRSVP.objects.filter(signup__in=found).count()
    for signup in found:
        # Leaving removes the details and the RSVPs and gives the place to the next person waiting.
        signups.leave(signup)
    return {"signups": len(found), "rsvps": rsvps}
