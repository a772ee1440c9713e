"""Gathering registrations held about a person."""

from gathering import registrations
from gathering.models import Registration

ACTIVE = [Registration.Status.CONFIRMED, Registration.Status.WAITING, Registration.Status.OFFERED]


def export(email):
    found = Registration.objects.filter(email__iexact=email).select_related("gathering").order_by("created_at")
    return {
        "registrations": [
            {
                "gathering": registration.gathering.title,
                "status": registration.status,
                "name": registration.name,
                "organisation": registration.organisation,
                "role": registration.role,
                "city": registration.city,
                "country": registration.country,
                "dietary_needs": registration.dietary_needs,
                "accessibility_needs": registration.accessibility_needs,
                "travel_support_requested": registration.travel_support_requested,
                "travel_support_reason": registration.travel_support_reason,
                "open_space_session": registration.open_space_session,
                "photo_consent": registration.photo_consent,
                "answers": registration.answers,
                "registered": registration.created_at.isoformat(),
            }
            for registration in found
        ]
    }


def erase(email):
    found = list(Registration.objects.filter(email__iexact=email))
    for registration in found:
        if registration.status in ACTIVE:
            # Free the seat for the next person waiting; the erased person gets no email.
            registrations.cancel(registration, notify=False)
            registration.refresh_from_db()
        registrations.anonymise_registration(registration)
    return {"registrations": len(found)}
