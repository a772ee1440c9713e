"""Public views of a circle: its page with the signup form, the thanks page and the signed links."""

from functools import wraps

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from circles import links, signups
from circles.forms import ConfirmForm, SignupForm
from circles.models import Signup
from home.spam import rate_limit_exceeded

RATE_SCOPE = "circle-signup"


def private(view):
    """For pages that show one learner's signup: never stored by a browser, a proxy or the page cache."""

    @wraps(view)
    def wrapper(circle, request, *args, **kwargs):
        response = view(circle, request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    return wrapper


def circle_detail(circle, request):
    form = SignupForm(question=circle.signup_question)
    status = 200
    if request.method == "POST":
        form = SignupForm(request.POST, question=circle.signup_question)
        if rate_limit_exceeded(request, RATE_SCOPE):
            form.is_valid()
            form.add_error(None, _("Too many signups from your connection. Please try again in a few minutes."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                result = signups.sign_up(
                    circle,
                    email=data["email"],
                    name=data["name"],
                    mobile=data.get("mobile", ""),
                    goals=data.get("goals", ""),
                    contribution=data.get("contribution", ""),
                    custom_answer=data.get("custom_answer", ""),
                    consent=data["consent"],
                    news_opt_in=data.get("news_opt_in", False),
                )
            except signups.SignupClosed:
                form.add_error(None, _("Sorry, this circle is not taking signups any more."))
                status = 409
            else:
                token = links.thanks_token(result.signup, result.created)
                return HttpResponseRedirect(circle.url + circle.reverse_subpage("thanks") + f"?t={token}", status=303)
        else:
            status = 400
    return TemplateResponse(
        request,
        circle.get_template(request),
        {**circle.get_context(request), "form": form, "meetings": circle.meeting_list},
        status=status,
    )


@private
def signup_thanks(circle, request):
    try:
        signup, created = links.read_thanks(request.GET.get("t", ""), circle.signup_circle)
    except (links.LinkInvalid, links.LinkExpired):
        return HttpResponseRedirect(circle.url)
    return TemplateResponse(
        request,
        "circles/signup_thanks.html",
        {"page": circle, "signup": signup, "created": created, "next_meeting": circle.next_meeting},
    )


def _link_problem(circle, request, expired):
    return TemplateResponse(
        request, "circles/link_problem.html", {"page": circle, "expired": expired}, status=410 if expired else 404
    )


@private
def manage_signup(circle, request, token):
    try:
        signup = links.read_manage(token, circle.signup_circle)
    except links.LinkInvalid:
        return _link_problem(circle, request, expired=False)
    except links.LinkExpired:
        return _link_problem(circle, request, expired=True)
    if request.method == "POST" and signup.status != Signup.Status.LEFT:
        if circle.status == "completed":
            return _link_problem(circle, request, expired=True)
        if ConfirmForm(request.POST).is_valid() and request.POST.get("action") == "leave":
            signups.leave(signup)
        return HttpResponseRedirect(request.path, status=303)
    expired = circle.status == "completed" and signup.status != Signup.Status.LEFT
    if expired:
        return _link_problem(circle, request, expired=True)
    return TemplateResponse(
        request,
        "circles/manage_signup.html",
        {"page": circle, "signup": signup, "next_meeting": circle.next_meeting, "form": ConfirmForm()},
    )


@private
def rsvp(circle, request, token):
    try:
        signup, meeting, attending = links.read_rsvp(token, circle.signup_circle)
    except links.LinkInvalid:
        return _link_problem(circle, request, expired=False)
    except links.LinkExpired:
        return _link_problem(circle, request, expired=True)
    if signup.status == Signup.Status.LEFT:
        return _link_problem(circle, request, expired=False)
    if request.method == "POST":
        signups.record_rsvp(signup, meeting, attending)
        return HttpResponseRedirect(request.path + "?done=1", status=303)
    answered = request.GET.get("done") == "1" and signup.rsvps.filter(meeting=meeting, attending=attending).exists()
    return TemplateResponse(
        request,
        "circles/rsvp.html",
        {"page": circle, "signup": signup, "meeting": meeting, "attending": attending, "answered": answered},
    )
