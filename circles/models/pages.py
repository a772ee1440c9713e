"""Teams, the circle index, the course index and learning circles with their meetings."""

import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from circles.forms import CircleAdminForm
from home.localize import original, original_for_request
from home.models import IntroMixin, parent_of_type
from pagecache.generation import kept_until_changed

DEFAULT_WEEKS = 6
DEFAULT_DURATION = 90
# Languages circles meet in; the site's own interface languages come first.
CIRCLE_LANGUAGES = [
    ("en", _("English")),
    ("sw", _("Kiswahili")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("pt", _("Portuguese")),
    ("so", _("Somali")),
    ("zh-hans", _("Chinese")),
]
RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a time zone name such as Africa/Nairobi."), params={"value": value})


def in_locale(queryset, locale):
    """Objects in `locale`, plus those of other locales that have no version in it yet."""
    model = queryset.model
    # NOT EXISTS, not NOT IN: the database then looks up each key instead of scanning the whole locale.
    translated = model.objects.filter(locale=locale, translation_key=OuterRef("translation_key"))
    return queryset.filter(Q(locale=locale) | ~Exists(translated))


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class CircleQuerySet(PageQuerySet):
    def with_dates(self, today=None):
        """First, last and next meeting dates, without N+1."""
        today = today or timezone.localdate()
        # Only a circle already under way looks its next meeting up (one indexed lookup on
        # circle and date); an upcoming circle's next meeting is its first, a finished one has none.
        upcoming_meetings = Meeting.objects.filter(circle=OuterRef("pk"), date__gte=today).order_by("date")
        return self.annotate(
            first_date=F("first_meeting_date"),
            last_date=F("last_meeting_date"),
            next_date=Case(
                When(first_meeting_date__gte=today, then=F("first_meeting_date")),
                When(last_meeting_date__gte=today, then=Subquery(upcoming_meetings.values("date")[:1])),
                default=None,
                output_field=models.DateField(),
            ),
        )

    def refresh_meeting_dates(self):
        """Copy first and last meeting dates from the meetings, for circles whose meetings were written in bulk."""
        meetings = Meeting.objects.filter(circle=OuterRef("pk")).order_by()
        return self.update(
            first_meeting_date=Subquery(meetings.order_by("date").values("date")[:1]),
            last_meeting_date=Subquery(meetings.order_by("-date").values("date")[:1]),
        )

    def with_status(self, status, today=None):
        today = today or timezone.localdate()
        if status == Status.UPCOMING:
            return self.filter(first_date__gt=today)
        if status == Status.IN_PROGRESS:
            return self.filter(first_date__lte=today, last_date__gte=today)
        if status == Status.COMPLETED:
            return self.filter(last_date__lt=today)
        return self

    def meeting_on_weekday(self, weekday):
        """`weekday` as Django counts it: 1 = Sunday ... 7 = Saturday."""
        return self.filter(Exists(Meeting.objects.filter(circle=OuterRef("pk"), date__week_day=weekday)))


CirclePageManager = PageManager.from_queryset(CircleQuerySet)


class TeamPage(RoutablePageMixin, IntroMixin, Page):
    """A library system or organisation running circles; its slug is the team's own URL."""

    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    logo = models.ForeignKey("home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    header_image = models.ForeignKey(
        "home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    location = models.CharField(_("location"), max_length=200, blank=True, help_text=_("For example Nairobi, Kenya."))
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("public contact email"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["circles.LearningCirclePage"]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields, index.SearchField("location")]
    content_panels = [
        *Page.content_panels,
        "subtitle",
        "intro",
        MultiFieldPanel(["location", "website", "contact_email"], heading=_("Contact")),
        MultiFieldPanel(["logo", "header_image"], heading=_("Images")),
        InlinePanel("members", label=_("Members"), heading=_("Members")),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("logo"),
        SynchronizedField("header_image"),
    ]

    class Meta:
        verbose_name = _("team page")
        verbose_name_plural = _("team pages")

    def circles(self):
        return (
            LearningCirclePage.objects.child_of(self)
            .live()
            .public()
            .with_dates()
            .select_related("course")
            .order_by("next_date", "-last_date", "pk")
        )

    def figures(self):
        """Live figures from the data, so the page is never out of date."""
        from circles.models.signups import Signup

        today = timezone.localdate()
        circle_ids = LearningCirclePage.objects.child_of(self).live().values("pk")
        # Learners sign up to the original circle, whichever language's page they used.
        circle_keys = LearningCirclePage.objects.child_of(self).live().values("translation_key")
        return {
            "circles_run": LearningCirclePage.objects.child_of(self)
            .live()
            .filter(meetings__date__lte=today)
            .distinct()
            .count(),
            "meetings_held": Meeting.objects.filter(circle__in=circle_ids, date__lt=today).count(),
            "learners": Signup.objects.filter(circle__translation_key__in=circle_keys)
            .exclude(status=Signup.Status.LEFT)
            .count(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        circles = list(self.circles().filter(last_date__gte=today))
        context["upcoming_circles"] = [c for c in circles if c.first_date and c.first_date > today]
        context["running_circles"] = [c for c in circles if c.first_date and c.first_date <= today]
        # The figures change only with content (a signup is a change) and with the day.
        context["figures"] = kept_until_changed(request, f"team-figures:{self.pk}:{today.isoformat()}", self.figures)
        context["organizers"] = [m for m in self.members.select_related("user") if m.role == TeamMember.Role.ORGANIZER]
        return context

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        from circles.calendars import team_calendar

        return team_calendar(self, request)


class TeamMember(Orderable):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", _("Organizer")
        FACILITATOR = "facilitator", _("Facilitator")

    team = ParentalKey(TeamPage, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.FACILITATOR)
    weekly_digest = models.BooleanField(
        _("weekly digest"), default=True, help_text=_("Send this member a weekly summary.")
    )

    panels = [FieldRowPanel(["user", "role", "weekly_digest"])]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="circles_unique_team_member")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class CourseIndexPage(IntroMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    content_panels = [*Page.content_panels, "intro"]
    per_page = 20

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def get_context(self, request, *args, **kwargs):
        from circles.listings import course_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(course_listing(self, request))
        return context


class CircleIndexPage(IntroMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["circles.LearningCirclePage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    content_panels = [*Page.content_panels, "intro"]
    per_page = 12

    class Meta:
        verbose_name = _("learning circle index")
        verbose_name_plural = _("learning circle indexes")

    def get_context(self, request, *args, **kwargs):
        from circles.listings import circle_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(circle_listing(self, request))
        return context


class LearningCirclePage(RoutablePageMixin, IntroMixin, Page):
    course = models.ForeignKey(
        "circles.Course", null=True, blank=True, on_delete=models.SET_NULL, related_name="circles"
    )
    venue_name = models.CharField(_("venue"), max_length=200)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, blank=True)
    venue_details = models.TextField(
        _("venue details"), blank=True, help_text=_("Room, how to get there, access notes.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=CIRCLE_LANGUAGES,
        default="en",
        help_text=_("The language the group meets in; emails to learners use it where the site has it."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Africa/Nairobi",
        validators=[validate_time_zone],
        help_text=_("An IANA name, e.g. Africa/Nairobi or America/Chicago."),
    )
    description = RichTextField(_("description"), features=RICH_FEATURES, blank=True)
    what_to_expect = RichTextField(_("what to expect"), features=RICH_FEATURES, blank=True)
    image = models.ForeignKey("home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    signup_limit = models.PositiveSmallIntegerField(
        _("signup limit"), null=True, blank=True, help_text=_("Leave empty for no limit. 4 to 12 learners work best.")
    )
    signup_open = models.BooleanField(_("signup open"), default=True)
    signup_question = models.CharField(
        _("signup question"),
        max_length=255,
        blank=True,
        help_text=_("An extra question for people who sign up (optional)."),
    )
    # Copied from the meetings on every save, so listings filter and sort thousands of circles by
    # their dates without reading each circle's meetings.
    first_meeting_date = models.DateField(null=True, editable=False)
    last_meeting_date = models.DateField(null=True, editable=False)

    objects = CirclePageManager()
    base_form_class = CircleAdminForm

    parent_page_types = ["circles.TeamPage", "circles.CircleIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("venue_name"),
        index.FilterField("city"),
        index.FilterField("language"),
    ]
    content_panels = [
        *Page.content_panels,
        "intro",
        "course",
        InlinePanel("facilitators", label=_("Facilitators"), heading=_("Facilitators"), min_num=1),
        MultiFieldPanel(
            ["venue_name", "address", FieldRowPanel(["city", "country"]), "venue_details"], heading=_("Where")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["language", "time_zone"]),
                FieldRowPanel([FieldPanel("fill_first_date"), FieldPanel("fill_start_time")]),
                FieldRowPanel([FieldPanel("fill_weeks"), FieldPanel("fill_duration")]),
            ],
            heading=_("When"),
            help_text=_("Fill in the first date to add weekly meetings below, or add meetings one by one."),
        ),
        InlinePanel("meetings", label=_("Meetings"), heading=_("Meetings")),
        "description",
        "what_to_expect",
        "image",
        MultiFieldPanel(["signup_open", "signup_limit", "signup_question"], heading=_("Signup")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("intro"),
        SynchronizedField("course"),
        TranslatableField("venue_name"),
        TranslatableField("address"),
        TranslatableField("city"),
        TranslatableField("country"),
        TranslatableField("venue_details"),
        SynchronizedField("language"),
        SynchronizedField("time_zone"),
        TranslatableField("description"),
        TranslatableField("what_to_expect"),
        SynchronizedField("image"),
        SynchronizedField("signup_limit"),
        SynchronizedField("signup_open"),
        TranslatableField("signup_question"),
    ]

    class Meta:
        verbose_name = _("learning circle")
        verbose_name_plural = _("learning circles")

    def save(self, *args, **kwargs):
        # Meetings are saved with their circle (a cluster), so a full save is where they change.
        if kwargs.get("update_fields") is None:
            dates = [meeting.date for meeting in self.meetings.all()]
            self.first_meeting_date = min(dates, default=None)
            self.last_meeting_date = max(dates, default=None)
        return super().save(*args, **kwargs)

    # --- meetings and status -------------------------------------------------------------

    @cached_property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @cached_property
    def meeting_list(self):
        return sorted(self.meetings.all(), key=lambda m: (m.date, m.start_time))

    def local_today(self):
        return timezone.now().astimezone(self.zone).date()

    @property
    def status(self):
        meetings = self.meeting_list
        today = self.local_today()
        if not meetings or meetings[0].date > today:
            return Status.UPCOMING
        if meetings[-1].date < today:
            return Status.COMPLETED
        return Status.IN_PROGRESS

    def get_status_display(self):
        return Status(self.status).label

    @property
    def next_meeting(self):
        """The next meeting that has not ended: what someone joining now should come to."""
        now = timezone.now()
        return next((m for m in self.meeting_list if m.end > now), None)

    @property
    def accepts_signups(self):
        return self.signup_open and self.status != Status.COMPLETED

    def fill_weekly_meetings(self, first_date, weeks=DEFAULT_WEEKS, start_time=None, duration=DEFAULT_DURATION):
        """Add `weeks` weekly meetings from `first_date`, skipping dates the circle already meets on."""
        start_time = start_time or datetime.strptime("18:00", "%H:%M").time()
        existing = {m.date for m in self.meetings.all()}
        meetings = list(self.meetings.all())
        for week in range(weeks):
            day = first_date + timedelta(weeks=week)
            if day not in existing:
                meetings.append(Meeting(date=day, start_time=start_time, duration_minutes=duration))
        meetings.sort(key=lambda m: (m.date, m.start_time))
        for position, meeting in enumerate(meetings):
            meeting.sort_order = position
        self.meetings = meetings
        self.__dict__.pop("meeting_list", None)
        return meetings

    def facilitator_names(self):
        return [f.display_name for f in self.facilitators.all()]

    def team(self):
        return parent_of_type(self, TeamPage)

    def team_link(self, request):
        """{"title", "url"} of the team page listing this circle ({} if none), kept until content changes."""

        def compute():
            team = self.team()
            return {"title": team.title, "url": team.get_url(request)} if team else {}

        if self.pk is None:  # previewing a circle not saved yet
            return compute()
        return kept_until_changed(request, f"circle-team:{self.pk}", compute)

    def email_language(self):
        """A translated page's own language; on the English source, the circle's language if the site has it."""
        codes = {code for code, _name in settings.LANGUAGES}
        page_language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        if page_language != settings.LANGUAGE_CODE:
            return page_language
        if self.language in codes:
            return self.language
        return page_language

    @cached_property
    def signup_circle(self):
        """The circle signups and RSVPs belong to: the original of this page's translations and aliases."""
        return original(self)

    def in_language(self, language_code):
        """This circle's live page in `language_code`, or the original when there is none (looked up once)."""
        pages = self.__dict__.setdefault("_pages_by_language", {})
        if language_code not in pages:
            circle = self.signup_circle
            page = None
            if language_code and circle.locale.language_code != language_code:
                page = (
                    LearningCirclePage.objects.live()
                    .filter(translation_key=circle.translation_key, locale__language_code=language_code)
                    .first()
                )
            pages[language_code] = page or circle
        return pages[language_code]

    def seats_left(self):
        if self.signup_limit is None:
            return None
        from circles.models.signups import Signup

        taken = Signup.objects.filter(circle=self.signup_circle, status=Signup.Status.CONFIRMED).count()
        return max(self.signup_limit - taken, 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.signup_circle = original_for_request(self, request)
        context["seats_left"] = self.seats_left()
        context["team"] = self.team_link(request)
        context.setdefault("meetings", self.meeting_list)
        return context

    # --- public views ----------------------------------------------------------------------

    @path("", name="detail")
    def detail(self, request):
        from circles.views import circle_detail

        return circle_detail(self, request)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        from circles.views import signup_thanks

        return signup_thanks(self, request)

    @path("signup/<str:token>/", name="manage")
    def manage(self, request, token):
        from circles.views import manage_signup

        return manage_signup(self, request, token)

    @path("rsvp/<str:token>/", name="rsvp")
    def rsvp(self, request, token):
        from circles.views import rsvp

        return rsvp(self, request, token)

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        from circles.calendars import circle_calendar

        return circle_calendar(self, request)


class CircleFacilitator(Orderable):
    circle = ParentalKey(LearningCirclePage, on_delete=models.CASCADE, related_name="facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="facilitated_circles"
    )
    name = models.CharField(
        _("name shown"), max_length=120, blank=True, help_text=_("Leave empty to show the user's full name.")
    )

    panels = [FieldRowPanel(["user", "name"])]

    class Meta(Orderable.Meta):
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    @property
    def display_name(self):
        if self.name:
            return self.name
        return self.user.get_full_name() or self.user.get_username() if self.user else ""

    def clean(self):
        if not self.user_id and not self.name:
            raise ValidationError(_("Choose a user or type a name."))


class Meeting(Orderable):
    circle = ParentalKey(LearningCirclePage, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=DEFAULT_DURATION)

    panels = [FieldRowPanel(["date", "start_time", "duration_minutes"])]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["circle", "date"])]

    def __str__(self):
        return f"{self.date} {self.start_time:%H:%M}"

    @property
    def start(self):
        # A wall-clock time in the circle's own zone, so it stays 18:00 across daylight-saving changes.
        return datetime.combine(self.date, self.start_time, tzinfo=self.circle.zone)

    @property
    def start_iso(self):
        """For <time datetime>: with the circle's own offset, not converted to the server's zone."""
        return self.start.isoformat()

    @property
    def end(self):
        return self.start + timedelta(minutes=self.duration_minutes or DEFAULT_DURATION)

    @property
    def number(self):
        return self.circle.meeting_list.index(self) + 1 if self in self.circle.meeting_list else None
