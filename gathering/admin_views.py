"""Registration management for gathering staff in the Wagtail admin: list, filter, totals, actions, export."""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required
from wagtail.models import Locale

from gathering import exports, registrations
from gathering.models import ExtraQuestion, GatheringPage, Registration

PER_PAGE = 50
Status = Registration.Status


def source_gatherings():
    return GatheringPage.objects.filter(locale=Locale.get_default()).order_by("-start_date")


def _selected_gathering(request):
    gatherings = list(source_gatherings())
    chosen = request.GET.get("gathering", "")
    for gathering in gatherings:
        if str(gathering.pk) == chosen:
            return gathering, gatherings
    return (gatherings[0] if gatherings else None), gatherings


def _filtered(request, gathering):
    queryset = Registration.objects.filter(gathering=gathering).select_related("invitation_code")
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    return registrations.staff_filter(
        queryset,
        status=status,
        travel=request.GET.get("travel", ""),
        pre_event=request.GET.get("pre_event", ""),
        q=request.GET.get("q", "").strip()[:100],
    ).order_by("status", "queued_at", "created_at", "pk")


def summary(gathering):
    counts = dict(
        Registration.objects.filter(gathering=gathering)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    active = Registration.objects.filter(gathering=gathering).exclude(status__in=[Status.CANCELLED, Status.EXPIRED])
    totals = active.aggregate(
        pre_event=Count("pk", filter=Q(pre_event_confirmed=True)),
        travel_requested=Count("pk", filter=Q(travel_support_requested=True)),
        travel_granted=Count("pk", filter=Q(travel_support_granted=True)),
        invited=Count("pk", filter=Q(invitation_code__isnull=False)),
    )
    needs = active.values_list("dietary_needs", "accessibility_needs")
    dietary, access = Counter(), Counter()
    for diet, accessibility in needs:
        if diet.strip():
            dietary[diet.strip().lower()] += 1
        if accessibility.strip():
            access[accessibility.strip().lower()] += 1
    return {
        "confirmed": counts.get(Status.CONFIRMED, 0),
        "waiting": counts.get(Status.WAITING, 0),
        "offered": counts.get(Status.OFFERED, 0),
        "cancelled": counts.get(Status.CANCELLED, 0) + counts.get(Status.EXPIRED, 0),
        "public_taken": registrations.public_seats_taken(gathering),
        **totals,
        "dietary": dietary.most_common(),
        "accessibility": access.most_common(),
    }


@permission_required("gathering.view_registration")
def index(request):
    gathering, gatherings = _selected_gathering(request)
    if gathering is None:
        return TemplateResponse(request, "gathering/admin/index.html", {"page_title": _("Registrations")})
    queryset = _filtered(request, gathering)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        questions = list(ExtraQuestion.objects.filter(gathering=gathering).order_by("sort_order"))
        filename = f"registrations-{gathering.slug}"
        if export == "csv":
            return exports.csv_response(queryset, questions, filename)
        return exports.xlsx_response(queryset, questions, filename)
    items = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    query["gathering"] = gathering.pk
    return TemplateResponse(
        request,
        "gathering/admin/index.html",
        {
            "page_title": _("Registrations"),
            "header_icon": "group",
            "gathering": gathering,
            "gatherings": gatherings,
            "registrations": items,
            "summary": summary(gathering),
            "statuses": Status.choices,
            "filters": {key: request.GET.get(key, "") for key in ("status", "travel", "pre_event", "q")},
            "query": query.urlencode(),
            "can_change": request.user.has_perm("gathering.change_registration"),
        },
    )


@require_POST
@permission_required("gathering.change_registration")
def action(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    operation = request.POST.get("action")
    try:
        if operation == "grant_travel":
            registrations.set_travel_support_granted(registration, True)
            messages.success(request, _("Travel support granted to %(name)s.") % {"name": registration.name})
        elif operation == "revoke_travel":
            registrations.set_travel_support_granted(registration, False)
            messages.success(request, _("Travel support withdrawn for %(name)s.") % {"name": registration.name})
        elif operation == "to_waiting":
            registrations.move_to_waiting(registration)
            messages.success(request, _("%(name)s is now on the waiting list.") % {"name": registration.name})
        elif operation == "to_confirmed":
            registrations.move_to_confirmed(registration)
            messages.success(request, _("%(name)s is now confirmed.") % {"name": registration.name})
        else:
            messages.error(request, _("Unknown action."))
    except registrations.RegistrationError as error:
        messages.error(request, error.message)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("gathering_registrations")
    return redirect(back)
