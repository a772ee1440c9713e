"""The organizer dashboard in the Wagtail admin, and the public page that answers an invitation."""

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from circles.admin_views import visible_circles
from circles.models import Meeting
from dashboard import digests, invitations, overview, reminders
from dashboard.access import can_open_dashboard, organized_teams, team_or_404
from dashboard.forms import FeedbackForm, InviteForm, NewAccountForm, ReminderForm
from dashboard.models import MeetingFeedback, MeetingReminder, TeamDigest, TeamInvitation


def _require_dashboard(request):
    if not can_open_dashboard(request.user):
        raise PermissionDenied


def index(request):
    _require_dashboard(request)
    teams = list(organized_teams(request.user).order_by("title"))
    if len(teams) == 1:
        return HttpResponseRedirect(reverse("dashboard:team", args=[teams[0].pk]))
    return TemplateResponse(request, "dashboard/admin/index.html", {"teams": teams})


def team(request, team_id):
    team = team_or_404(request.user, team_id)
    week = overview.parse_week(request.GET.get("week"))
    context = overview.team_overview(team, week)
    context["invite_form"] = InviteForm(team=team)
    return TemplateResponse(request, "dashboard/admin/team.html", context)


@require_POST
def invite(request, team_id):
    team = team_or_404(request.user, team_id)
    form = InviteForm(request.POST, team=team)
    if form.is_valid():
        invitations.invite(
            team,
            form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
            invited_by=request.user,
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return HttpResponseRedirect(reverse("dashboard:team", args=[team.pk]) + "#invitations")
    context = overview.team_overview(team, overview.parse_week(None))
    context["invite_form"] = form
    return TemplateResponse(request, "dashboard/admin/team.html", context, status=400)


def _invitation(request, team_id, invitation_id):
    team = team_or_404(request.user, team_id)
    return get_object_or_404(TeamInvitation, pk=invitation_id, team=team)


@require_POST
def resend_invitation(request, team_id, invitation_id):
    invitation = _invitation(request, team_id, invitation_id)
    if invitation.status in (TeamInvitation.Status.ACCEPTED, TeamInvitation.Status.DECLINED):
        messages.error(request, _("This invitation was already answered."))
    else:
        invitations.resend(invitation)
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": invitation.email})
    return HttpResponseRedirect(reverse("dashboard:team", args=[team_id]) + "#invitations")


@require_POST
def revoke_invitation(request, team_id, invitation_id):
    invitation = _invitation(request, team_id, invitation_id)
    if invitation.status == TeamInvitation.Status.PENDING:
        invitations.revoke(invitation)
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
    else:
        messages.error(request, _("Only a pending invitation can be revoked."))
    return HttpResponseRedirect(reverse("dashboard:team", args=[team_id]) + "#invitations")


def digest(request, team_id, week):
    team = team_or_404(request.user, team_id)
    try:
        monday = overview.week_start(date.fromisoformat(week))
    except ValueError as error:
        raise Http404 from error
    sent = TeamDigest.objects.filter(team=team, week_start=monday).first()
    if sent is not None:
        subject, body = sent.subject, sent.body_text
    else:
        content = digests.build(team, monday)
        subject, body = (content.subject, content.body) if content else (None, None)
    return TemplateResponse(
        request,
        "dashboard/admin/digest.html",
        {"team": team, "week_start": monday, "sent": sent, "subject": subject, "body": body},
    )


def _meeting(request, meeting_id):
    meeting = get_object_or_404(Meeting.objects.filter(circle__in=visible_circles(request.user)), pk=meeting_id)
    return meeting


def feedback(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    if meeting.start > timezone.now():
        messages.error(request, _("Feedback can be given once the meeting has started."))
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    instance = MeetingFeedback.objects.filter(meeting=meeting).first()
    form = FeedbackForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.meeting = meeting
        item.circle_id = meeting.circle_id
        item.facilitator = item.facilitator or request.user
        item.save()
        messages.success(request, _("Thank you: your feedback was saved."))
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    return TemplateResponse(
        request, "dashboard/admin/feedback.html", {"meeting": meeting, "circle": meeting.circle, "form": form}
    )


def reminder(request, meeting_id):
    meeting = _meeting(request, meeting_id)
    existing = MeetingReminder.objects.filter(meeting=meeting).first()
    if existing is not None and existing.sent_at:
        messages.error(request, _("This reminder has already gone out."))
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    if meeting.start <= timezone.now():
        raise Http404
    instance = existing or MeetingReminder(meeting=meeting, circle_id=meeting.circle_id)
    if not instance.message:
        instance.message = reminders.default_message(meeting.circle, meeting)
    form = ReminderForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.edited_by = request.user
        item.edited_at = timezone.now()
        item.save()
        messages.success(request, _("The reminder will go out with your text."))
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    return TemplateResponse(
        request,
        "dashboard/admin/reminder.html",
        {
            "meeting": meeting,
            "circle": meeting.circle,
            "form": form,
            "send_at": reminders.due_at(meeting).replace(tzinfo=None),  # the circle's wall clock
            "preview": reminders.render_reminder(meeting.circle, meeting, instance.message, None),
        },
    )


# --- public: answering an invitation -------------------------------------------------------

PROBLEMS = {
    "invalid": (
        gettext_lazy("This invitation link is not valid."),
        gettext_lazy("Check that you copied the whole link from the email."),
    ),
    "expired": (
        gettext_lazy("This invitation has expired."),
        gettext_lazy("Ask the organizer who invited you to send a new one."),
    ),
    "revoked": (
        gettext_lazy("This invitation was withdrawn."),
        gettext_lazy("Ask the organizer who invited you if you think it is a mistake."),
    ),
    "used": (gettext_lazy("This invitation has already been answered."), gettext_lazy("A link works only once.")),
    "accepted": (gettext_lazy("This invitation has already been answered."), gettext_lazy("A link works only once.")),
    "declined": (gettext_lazy("This invitation has already been answered."), gettext_lazy("A link works only once.")),
    "mismatch": (
        gettext_lazy("This invitation is for another email address."),
        gettext_lazy("Log out and open the link again, or log in with the address the invitation was sent to."),
    ),
}


def _problem(request, reason):
    title, hint = PROBLEMS.get(reason, PROBLEMS["invalid"])
    status = 403 if reason == "mismatch" else 410 if reason in ("expired", "revoked") else 400
    if reason in ("used", "accepted", "declined"):
        status = 410
    return TemplateResponse(request, "dashboard/invitation_problem.html", {"title": title, "hint": hint}, status=status)


def answer_invitation(request, token):
    try:
        invitation = invitations.read(token)
    except invitations.InvitationProblem as problem:
        return _problem(request, problem.reason)
    user = request.user if request.user.is_authenticated else None
    if user is not None and (user.email or "").strip().lower() != invitation.email:
        return _problem(request, "mismatch")
    has_account = user is None and get_user_model().objects.filter(email__iexact=invitation.email).exists()
    account_form = None
    if user is None and not has_account:
        account_form = NewAccountForm(
            request.POST if request.POST.get("action") == "accept" else None, email=invitation.email
        )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "decline":
                invitations.decline(invitation)
                return TemplateResponse(request, "dashboard/invitation_done.html", {"invitation": invitation})
            if action == "accept" and user is not None:
                invitations.accept(invitation, user)
                messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team.title})
                return HttpResponseRedirect(reverse("wagtailadmin_home"))
            if action == "accept" and account_form is not None and account_form.is_valid():
                new_user = account_form.save()
                invitations.accept(invitation, new_user)
                login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome to %(team)s.") % {"team": invitation.team.title})
                return HttpResponseRedirect(reverse("wagtailadmin_home"))
        except invitations.InvitationProblem as problem:
            return _problem(request, problem.reason)
    login_url = reverse("wagtailadmin_login") + "?" + urlencode({"next": request.path})
    return TemplateResponse(
        request,
        "dashboard/invitation.html",
        {
            "invitation": invitation,
            "team": invitation.team,
            "user": user,
            "has_account": has_account,
            "form": account_form,
            "login_url": login_url,
        },
        status=400 if account_form is not None and account_form.is_bound and account_form.errors else 200,
    )
