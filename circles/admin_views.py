"""Signups in the admin: facilitators and organizers see their own circles' learners only."""

import csv
from functools import reduce
from operator import or_

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from circles import signups
from circles.models import LearningCirclePage, Signup, TeamMember, TeamPage
from home.localize import originals

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def visible_circles(user):
    """Circles whose signups `user` may see: the ones they facilitate and their teams' as organizer."""
    # Signups belong to original circles; their aliases and translations have none.
    circles = originals(LearningCirclePage.objects.all())
    if user.is_superuser:
        return circles
    team_ids = TeamMember.objects.filter(user=user, role=TeamMember.Role.ORGANIZER).values_list("team_id", flat=True)
    team_paths = list(TeamPage.objects.filter(pk__in=list(team_ids)).values_list("path", flat=True))
    condition = Q(facilitators__user=user)
    if team_paths:
        condition |= reduce(or_, (Q(path__startswith=path, depth__gt=len(path) // 4) for path in team_paths))
    return circles.filter(pk__in=LearningCirclePage.objects.filter(condition).values("pk"))


def can_see_signups(user):
    return user.is_superuser or visible_circles(user).exists()


def spreadsheet_safe(value):
    """Stop spreadsheet programs from running a learner's answer as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def index(request):
    circles = (
        visible_circles(request.user)
        .annotate(
            confirmed=Count("signups", filter=Q(signups__status=Signup.Status.CONFIRMED)),
            waiting=Count("signups", filter=Q(signups__status=Signup.Status.WAITING)),
        )
        .select_related("locale")
        .order_by("title", "pk")
    )
    return TemplateResponse(request, "circles/admin/signup_index.html", {"circles": circles})


def _circle(request, circle_id):
    return get_object_or_404(visible_circles(request.user), pk=circle_id)


def circle_signups(request, circle_id):
    circle = _circle(request, circle_id)
    rows = list(Signup.objects.filter(circle=circle).exclude(status=Signup.Status.LEFT).order_by("status", "pk"))
    position = 0
    for row in rows:
        if row.status == Signup.Status.WAITING:
            position += 1
            row.position = position
    return TemplateResponse(request, "circles/admin/circle_signups.html", {"circle": circle, "signups": rows})


CSV_COLUMNS = [
    ("name", "Name"),
    ("email", "Email"),
    ("mobile", "Mobile"),
    ("status", "Status"),
    ("goals", "Hopes to achieve"),
    ("contribution", "Will help peers by"),
    ("custom_answer", "Answer to the circle's question"),
    ("news_opt_in", "Wants news"),
    ("created_at", "Signed up"),
]


def circle_signups_csv(request, circle_id):
    circle = _circle(request, circle_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signups-{circle.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow([label for _field, label in CSV_COLUMNS])
    for signup in Signup.objects.filter(circle=circle).exclude(status=Signup.Status.LEFT).order_by("pk"):
        writer.writerow([spreadsheet_safe(getattr(signup, field)) for field, _label in CSV_COLUMNS])
    return response


@require_POST
def remove_signup(request, circle_id, signup_id):
    circle = _circle(request, circle_id)
    signup = get_object_or_404(Signup, pk=signup_id, circle=circle)
    promoted = signups.leave(signup)
    messages.success(request, _("The learner was removed and their details deleted."))
    if promoted is not None:
        messages.success(request, _("%(name)s moved up from the waiting list.") % {"name": promoted.name})
    return HttpResponseRedirect(reverse("circles_signups:circle", args=[circle.pk]))
