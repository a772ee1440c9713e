"""Registration exports for gathering staff: CSV and Excel, with spreadsheet formulas neutralised."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def escape_formula(value):
    """Make a text cell show as text: prefix an apostrophe to anything a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def columns(questions):
    base = [
        (_("Name"), lambda r: r.name),
        (_("Email"), lambda r: r.email),
        (_("Status"), lambda r: str(r.get_status_display())),
        (_("Waiting since"), lambda r: _cell_date(r.queued_at)),
        (_("Organisation"), lambda r: r.organisation),
        (_("Role"), lambda r: r.role),
        (_("City"), lambda r: r.city),
        (_("Country"), lambda r: r.country),
        (_("Learning circles facilitated"), lambda r: r.circles_facilitated),
        (_("Pre-event requested"), lambda r: _yes_no(r.pre_event_requested)),
        (_("Pre-event place"), lambda r: _yes_no(r.pre_event_confirmed)),
        (_("Dietary needs"), lambda r: r.dietary_needs),
        (_("Accessibility needs"), lambda r: r.accessibility_needs),
        (_("Travel support requested"), lambda r: _yes_no(r.travel_support_requested)),
        (_("Travel support reason"), lambda r: r.travel_support_reason),
        (_("Travel support granted"), lambda r: _yes_no(r.travel_support_granted)),
        (_("Open space session"), lambda r: r.open_space_session),
        (_("Photo consent"), lambda r: _yes_no(r.photo_consent)),
        (_("Invitation code"), lambda r: r.invitation_code.code if r.invitation_code else ""),
        (_("Language"), lambda r: r.language),
        (_("Registered"), lambda r: _cell_date(r.created_at)),
    ]
    for question in questions:
        base.append((question.label, _answer_getter(question.key)))
    return base


def _answer_getter(key):
    def get(registration):
        value = (registration.answers or {}).get(key)
        if isinstance(value, bool):
            return _yes_no(value)
        return "" if value is None else str(value)

    return get


def _yes_no(value):
    return _("yes") if value else _("no")


def _cell_date(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def rows(registrations, questions):
    cols = columns(questions)
    yield [str(label) for label, _getter in cols]
    for registration in registrations:
        yield [escape_formula(getter(registration)) for _label, getter in cols]


def csv_response(registrations, questions, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(registrations, questions):
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(registrations, questions, filename):
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Registrations"
    for row in rows(registrations, questions):
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                # openpyxl stores text starting with "=" as a formula unless told it is text.
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
