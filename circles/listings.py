"""Filters for the circle index and the course index: plain GET forms, combinable, paginated."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page

from circles.models import (
    CIRCLE_LANGUAGES,
    Course,
    CourseTopic,
    LearningCirclePage,
    Meeting,
    Signup,
    Status,
    in_locale,
)
from pagecache.answers import in_order, kept_answer, kept_page, page_of_ids
from pagecache.generation import kept_until_changed

MAX_PARAM = 100
# Django's week_day lookup: 1 = Sunday ... 7 = Saturday; listed Monday first.
WEEKDAYS = [
    (2, _("Monday")),
    (3, _("Tuesday")),
    (4, _("Wednesday")),
    (5, _("Thursday")),
    (6, _("Friday")),
    (7, _("Saturday")),
    (1, _("Sunday")),
]


def _param(request, name):
    value = request.GET.get(name, "")
    return value.replace("\x00", "").strip()[:MAX_PARAM]


def live_circles(locale):
    return in_locale(LearningCirclePage.objects.live().public(), locale)


def _chosen_circle_filters(request):
    """The visitor's filters for the circle index, anything out of range left blank."""
    chosen = {name: _param(request, name) for name in ("q", "city", "language", "topic", "weekday", "status", "open")}
    if not (chosen["weekday"].isdigit() and 1 <= int(chosen["weekday"]) <= 7):
        chosen["weekday"] = ""
    if chosen["status"] not in Status.values:
        chosen["status"] = ""
    if chosen["open"]:
        chosen["open"] = "1"
    return chosen


def _matching_circles(circles, chosen, today):
    if chosen["q"]:
        q = chosen["q"]
        circles = circles.filter(
            Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(course__title__icontains=q)
            | Q(venue_name__icontains=q)
        )
    if chosen["city"]:
        circles = circles.filter(city__iexact=chosen["city"])
    if chosen["language"]:
        circles = circles.filter(language=chosen["language"])
    if chosen["topic"]:
        circles = circles.filter(course__tagged_items__tag__slug=chosen["topic"])
    if chosen["weekday"]:
        circles = circles.meeting_on_weekday(int(chosen["weekday"]))
    if chosen["status"]:
        circles = circles.with_status(chosen["status"], today)
    if chosen["open"]:
        circles = circles.filter(signup_open=True, last_date__gte=today)
    # Soonest first: running and upcoming circles by their next meeting, then completed ones, latest first.
    return circles.order_by(F("next_date").asc(nulls_last=True), F("last_date").desc(nulls_last=True), "pk")


def circle_listing(index, request):
    today = timezone.localdate()
    chosen = _chosen_circle_filters(request)
    page_number = _param(request, "page")

    def sorted_keys():
        base = live_circles(index.locale)
        circles = _matching_circles(base.with_dates(today), chosen, today)
        # Every page of the unfiltered listing has the same number of circles: counted once until content changes.
        count = (
            None if any(chosen.values()) else kept_until_changed(request, f"circle-count:{index.locale_id}", base.count)
        )
        # Only the keys are sorted (a narrow sort of every match); the page's circles are loaded after.
        found = page_of_ids(circles.values_list("pk", flat=True), index.per_page, page_number or 1, count)
        return {**found, "facts": _listed_facts(in_order(shown, found["ids"]))}

    # Which circles a page of the listing shows, their teams, next meetings and whether they are full change
    # only with content (a signup is a change) and with the day: sorting every circle of a language by its
    # next meeting is done once for each, not on every request. The keys were chosen among live, public
    # circles under this generation, which any change to those raises.
    shown = LearningCirclePage.objects.with_dates(today).select_related("course")
    found = kept_answer(request, "circle-page", (index.locale_id, today.isoformat(), chosen, page_number), sorted_keys)
    page = kept_page(in_order(shown, found["ids"]), found["number"], index.per_page, found["count"])
    for circle in page.object_list:
        _show(circle, found["facts"][circle.pk], today)

    options = kept_until_changed(
        request, f"circle-filters:{index.locale_id}", lambda: _filter_options(live_circles(index.locale))
    )
    return {
        "circles": page,
        "chosen": chosen,
        "filtered": any(chosen.values()),
        "cities": options["cities"],
        "languages": [(code, name) for code, name in CIRCLE_LANGUAGES if code in options["languages"]],
        "topics": options["topics"],
        "weekdays": WEEKDAYS,
        "statuses": Status.choices,
    }


def _filter_options(circles):
    """The cities, languages and topics the circles of a locale have: the same for every visitor."""
    return {
        "cities": sorted(
            circles.exclude(city="").order_by().values_list("city", flat=True).distinct(), key=str.casefold
        ),
        "languages": set(circles.order_by().values_list("language", flat=True).distinct()),
        "topics": list(
            Tag.objects.filter(
                pk__in=CourseTopic.objects.filter(content_object__circles__in=circles).values("tag_id")
            ).order_by("name")
        ),
    }


def _listed_facts(circles):
    """{circle key: its team's name, its next meeting and whether it is full} for one page of circles, in
    three queries whatever its size. Plain data, kept with the page's keys."""
    parent_paths = {circle.path[: -circle.steplen] for circle in circles}
    parents = {p.path: p for p in Page.objects.filter(path__in=parent_paths).select_related("content_type")}
    next_dates = {circle.pk: circle.next_date for circle in circles if circle.next_date}
    on_next_dates = Meeting.objects.filter(circle__in=next_dates, date__in=set(next_dates.values()))
    # The earliest meeting of each circle's next day is the one listed.
    meetings = {m.circle_id: m for m in on_next_dates.order_by("-start_time") if m.date == next_dates[m.circle_id]}
    # Signups belong to the original circle, which an alias or a translation shares its key with.
    confirmed = dict(
        Signup.objects.filter(
            circle__translation_key__in={c.translation_key for c in circles}, status=Signup.Status.CONFIRMED
        )
        .order_by()
        .values_list("circle__translation_key")
        .annotate(n=Count("pk"))
    )
    facts = {}
    for circle in circles:
        parent = parents.get(circle.path[: -circle.steplen])
        meeting = meetings.get(circle.pk)
        if meeting is not None:
            meeting.circle = circle
        facts[circle.pk] = {
            "team": parent.title if parent and parent.content_type.model == "teampage" else "",
            "next_meeting": meeting
            and {"date": meeting.date, "start_time": meeting.start_time, "start_iso": meeting.start_iso},
            "full": circle.signup_limit is not None and confirmed.get(circle.translation_key, 0) >= circle.signup_limit,
        }
    return facts


def _show(circle, facts, today):
    """Give a listed circle what its card shows."""
    circle.team_title = facts["team"]
    circle.listed_next_meeting = facts["next_meeting"]
    circle.is_full = facts["full"]
    if circle.first_date is None or circle.first_date > today:
        circle.listed_status = Status.UPCOMING
    elif circle.last_date < today:
        circle.listed_status = Status.COMPLETED
    else:
        circle.listed_status = Status.IN_PROGRESS
    circle.listed_status_label = Status(circle.listed_status).label


def _course_filter_options(locale):
    courses = in_locale(Course.objects.filter(live=True), locale)
    return {
        "topics": list(
            Tag.objects.filter(pk__in=CourseTopic.objects.filter(content_object__in=courses).values("tag_id")).order_by(
                "name"
            )
        ),
        "languages": sorted(set(courses.values_list("language", flat=True))),
    }


def course_listing(index, request):
    locale = index.locale
    chosen = {name: _param(request, name) for name in ("topic", "language", "format")}
    if chosen["format"] not in Course.Format.values:
        chosen["format"] = ""
    page_number = _param(request, "page")

    def sorted_ids():
        courses = in_locale(Course.objects.filter(live=True), locale)
        if chosen["topic"]:
            courses = courses.filter(tagged_items__tag__slug=chosen["topic"])
        if chosen["language"]:
            courses = courses.filter(language=chosen["language"])
        if chosen["format"]:
            courses = courses.filter(format=chosen["format"])
        found = page_of_ids(
            courses.order_by("title", "pk").values_list("pk", flat=True), index.per_page, page_number or 1
        )
        # Circles are counted against every language version of a course.
        circle_counts = (
            LearningCirclePage.objects.live()
            .filter(course__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("course__translation_key")
            # A circle's aliases and translations share its key: each circle counts once.
            .annotate(n=Count("translation_key", distinct=True))
            .values("n")
        )
        counted = Course.objects.filter(pk__in=found["ids"]).annotate(n=Subquery(circle_counts)).values_list("pk", "n")
        return {**found, "circle_counts": dict(counted)}

    # Which courses a page lists, and how many circles use each, change only with content.
    found = kept_answer(request, "course-page", (locale.pk, chosen, page_number), sorted_ids)
    page = kept_page(
        in_order(Course.objects.prefetch_related("tagged_items__tag"), found["ids"]),
        found["number"],
        index.per_page,
        found["count"],
    )
    for course in page.object_list:
        course.circle_count = found["circle_counts"].get(course.pk)
    options = kept_until_changed(request, f"course-filters:{locale.pk}", lambda: _course_filter_options(locale))
    return {
        "courses": page,
        "chosen": chosen,
        "filtered": any(chosen.values()),
        "topics": options["topics"],
        "languages": options["languages"],
        "formats": Course.Format.choices,
    }
