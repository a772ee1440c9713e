"""Gathering pages (the public side) and registrations (personal data, never in page fields)."""

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from gathering.blocks import SESSION_FORMATS, AgendaBlock, FAQBlock, GoalsBlock
from home.blocks import CaptionedImageBlock
from home.localize import original, original_for_request
from home.models import IntroMixin
from pagecache.generation import kept_until_changed


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(_("%(value)s is not a time zone name such as Africa/Nairobi.") % {"value": value})


CALENDAR_DOMAIN = "learning-circles"


class GatheringIndexPage(IntroMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["gathering.GatheringPage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    content_panels = [*Page.content_panels, "intro"]

    class Meta:
        verbose_name = _("gathering index")
        verbose_name_plural = _("gathering indexes")

    def gatherings(self):
        return GatheringPage.objects.child_of(self).live().public().order_by("-start_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        gatherings = list(self.gatherings())
        upcoming = sorted((g for g in gatherings if g.end_date >= today), key=lambda g: g.start_date)
        past = [g for g in gatherings if g.end_date < today]
        recaps = recap_urls(request, self.locale_id)
        for gathering in gatherings:
            gathering.recap_url = recaps.get(gathering.translation_key)
        context.update(
            next_gathering=upcoming[0] if upcoming else None,
            later_gatherings=upcoming[1:],
            past_gatherings=past,
        )
        return context


def recap_urls(request, locale_id):
    """{gathering translation key: URL of its live recap story}, preferring a story in this language.

    Kept until content changes: publishing a story, or a gathering, raises the generation."""
    from blog.models import BlogPostPage

    def compute():
        posts = (
            BlogPostPage.objects.live()
            .public()
            .filter(recap_of__isnull=False)
            .select_related("recap_of")
            .order_by("-date", "-pk")
        )
        found = {}
        for post in posts:
            key = post.recap_of.translation_key
            current = found.get(key)
            if current is None or (post.locale_id == locale_id and current.locale_id != locale_id):
                found[key] = post
        return {key: post.get_url(request) for key, post in found.items()}

    site = Site.find_for_request(request)
    return kept_until_changed(request, f"gathering-recaps:{site.pk if site else 0}:{locale_id}", compute)


class GatheringPage(RoutablePageMixin, IntroMixin, Page):
    """One annual gathering: what, where, when, the programme, the FAQ and registration."""

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Chicago",
        help_text=_("The venue's IANA time zone, for example America/Chicago or Africa/Nairobi."),
        validators=[validate_time_zone],
    )
    pre_event_title = models.CharField(
        _("pre-event"), max_length=160, blank=True, help_text=_("Optional, for example: Welcome dinner.")
    )
    pre_event_date = models.DateField(_("pre-event date"), null=True, blank=True)
    pre_event_start = models.TimeField(_("pre-event starts"), null=True, blank=True)
    pre_event_end = models.TimeField(_("pre-event ends"), null=True, blank=True)
    pre_event_place = models.CharField(_("pre-event place"), max_length=200, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200)
    venue_address = models.CharField(_("street address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=120, blank=True)
    hosts = models.CharField(_("hosts"), max_length=255, blank=True, help_text=_("Who hosts the gathering."))
    supporters = models.CharField(
        _("supporters"), max_length=255, blank=True, help_text=_("Funders and sponsors who make it possible.")
    )
    summary = RichTextField(_("summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    goals = StreamField(GoalsBlock(), blank=True, verbose_name=_("goals"))
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))
    organisations = models.TextField(
        _("participating organisations"), blank=True, help_text=_("One organisation per line.")
    )
    lodging_notes = RichTextField(_("lodging"), blank=True, features=["bold", "italic", "link", "ul"])
    cost_note = RichTextField(_("cost"), blank=True, features=["bold", "italic", "link"])
    faq = StreamField(FAQBlock(), blank=True, verbose_name=_("FAQ"))
    photos = StreamField([("photo", CaptionedImageBlock())], blank=True, verbose_name=_("photos"))

    # Registration: the same for every translation of the page.
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Registration always closes when it starts.")
    )
    capacity = models.PositiveIntegerField(
        _("public places"), default=40, help_text=_("Seats for the public; invitation codes add their own seats.")
    )
    pre_event_capacity = models.PositiveIntegerField(_("pre-event places"), default=0)
    promotion_cutoff_days = models.PositiveSmallIntegerField(
        _("stop promoting (days before)"),
        default=2,
        help_text=_("Nobody moves up from the waiting list this many days before the first day."),
    )
    offer_window_days = models.PositiveSmallIntegerField(
        _("offers start (days before)"),
        default=14,
        help_text=_("Closer than this, a freed place is offered and must be confirmed in time, or it passes on."),
    )
    offer_hours = models.PositiveSmallIntegerField(_("hours to confirm an offer"), default=48)

    parent_page_types = ["gathering.GatheringIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("agenda"),
        index.SearchField("faq"),
        index.FilterField("start_date"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("slug"),
        TranslatableField("intro"),
        TranslatableField("pre_event_title"),
        TranslatableField("pre_event_place"),
        TranslatableField("venue_name"),
        TranslatableField("venue_address"),
        TranslatableField("city"),
        TranslatableField("country"),
        TranslatableField("hosts"),
        TranslatableField("supporters"),
        TranslatableField("summary"),
        TranslatableField("goals"),
        TranslatableField("agenda"),
        TranslatableField("organisations"),
        TranslatableField("lodging_notes"),
        TranslatableField("cost_note"),
        TranslatableField("faq"),
        TranslatableField("photos"),
        TranslatableField("extra_questions"),
        *[
            SynchronizedField(name)
            for name in (
                "start_date",
                "end_date",
                "time_zone",
                "pre_event_date",
                "pre_event_start",
                "pre_event_end",
                "registration_opens",
                "registration_closes",
                "capacity",
                "pre_event_capacity",
                "promotion_cutoff_days",
                "offer_window_days",
                "offer_hours",
            )
        ],
    ]
    content_panels = [
        *Page.content_panels,
        "intro",
        MultiFieldPanel(
            [FieldRowPanel(["start_date", "end_date"]), "time_zone"],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                "pre_event_title",
                FieldRowPanel(["pre_event_date", "pre_event_start", "pre_event_end"]),
                "pre_event_place",
            ],
            heading=_("Pre-event"),
        ),
        MultiFieldPanel(["venue_name", "venue_address", FieldRowPanel(["city", "country"])], heading=_("Venue")),
        MultiFieldPanel(["hosts", "supporters", "organisations"], heading=_("People and organisations")),
        "summary",
        "goals",
        "agenda",
        "lodging_notes",
        "cost_note",
        "faq",
        "photos",
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(["registration_opens", "registration_closes"]),
                FieldRowPanel(["capacity", "pre_event_capacity"]),
                FieldRowPanel(["promotion_cutoff_days", "offer_window_days", "offer_hours"]),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("extra_questions", label=_("Extra questions")),
    ]

    class Meta:
        verbose_name = _("gathering")
        verbose_name_plural = _("gatherings")

    @classmethod
    def get_edit_handler(cls):
        from wagtail.admin.panels import ObjectList, TabbedInterface

        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Content")),
                ObjectList(cls.registration_panels, heading=_("Registration")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        ).bind_to_model(cls)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.registration_opens and self.registration_closes and self.registration_closes < self.registration_opens:
            errors["registration_closes"] = _("Registration cannot close before it opens.")
        if self.pre_event_title and not self.pre_event_date:
            errors["pre_event_date"] = _("Give the pre-event a date.")
        if errors:
            raise ValidationError(errors)

    # Time helpers -----------------------------------------------------------------------------

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    def local_datetime(self, day, at):
        return datetime.combine(day, at, tzinfo=self.zone)

    @property
    def starts_at(self):
        """When the first session starts (9:00 if the agenda is empty), as an aware datetime."""
        first = time(9, 0)
        for day in self.agenda:
            if day.value["date"] == self.start_date and day.value["sessions"]:
                first = min(session["start"] for session in day.value["sessions"])
        return self.local_datetime(self.start_date, first)

    @property
    def ends_at(self):
        last = time(17, 0)
        for day in self.agenda:
            if day.value["date"] == self.end_date and day.value["sessions"]:
                last = max(session["end"] for session in day.value["sessions"])
        return self.local_datetime(self.end_date, last)

    @property
    def is_past(self):
        return self.end_date < timezone.localdate()

    @property
    def has_pre_event(self):
        return bool(self.pre_event_title and self.pre_event_date)

    @property
    def location_text(self):
        return ", ".join(part for part in (self.venue_name, self.venue_address, self.city, self.country) if part)

    @property
    def organisation_list(self):
        return [line.strip() for line in self.organisations.splitlines() if line.strip()]

    # Registration -----------------------------------------------------------------------------

    @cached_property
    def registration_source(self):
        """The page registrations belong to: the original, whatever language they came in."""
        return original(self)

    def registration_state(self, now=None):
        """'open', 'not_yet', 'closed' or 'none' (no registration on this page)."""
        now = now or timezone.now()
        if self.registration_opens is None:
            return "none"
        if now < self.registration_opens:
            return "not_yet"
        if (self.registration_closes and now >= self.registration_closes) or now >= self.starts_at:
            return "closed"
        return "open"

    # Structured data --------------------------------------------------------------------------

    def event_schema(self):
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self.starts_at.isoformat(),
            "endDate": self.ends_at.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": self.locale.language_code,
            "url": self.full_url,
            "description": self.search_description or self.intro,
            "location": {
                "@type": "Place",
                "name": self.venue_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.venue_address,
                    "addressLocality": self.city,
                    "addressCountry": self.country,
                },
            },
        }
        if self.hosts:
            data["organizer"] = {"@type": "Organization", "name": self.hosts}
        if self.registration_opens:
            data["offers"] = {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "USD",
                "url": self.full_url,
                "validFrom": self.registration_opens.isoformat(),
                "availability": "https://schema.org/InStock"
                if self.registration_state() == "open"
                else "https://schema.org/SoldOut",
            }
        return data

    def faq_schema(self):
        items = [block.value for block in self.faq]
        if not items:
            return None
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {"@type": "Answer", "text": strip_tags(str(item["answer"])).strip()},
                }
                for item in items
            ],
        }

    # Calendar ---------------------------------------------------------------------------------

    def calendar_events(self):
        from home.calendar import Event

        url = self.full_url or ""
        events = [
            Event(
                uid=f"gathering-{self.translation_key}@{CALENDAR_DOMAIN}",
                start=self.starts_at,
                end=self.ends_at,
                summary=self.title,
                location=self.location_text,
                description=self.intro,
                url=url,
            )
        ]
        if self.has_pre_event and self.pre_event_start:
            end = (
                self.pre_event_end
                or (datetime.combine(self.pre_event_date, self.pre_event_start) + timedelta(hours=2)).time()
            )
            events.append(
                Event(
                    uid=f"gathering-{self.translation_key}-pre-event@{CALENDAR_DOMAIN}",
                    start=self.local_datetime(self.pre_event_date, self.pre_event_start),
                    end=self.local_datetime(self.pre_event_date, end),
                    summary=f"{self.title}: {self.pre_event_title}",
                    location=self.pre_event_place or self.location_text,
                    url=url,
                )
            )
        for day in self.agenda:
            for number, session in enumerate(day.value["sessions"]):
                events.append(
                    Event(
                        uid=f"session-{day.id}-{number}@{CALENDAR_DOMAIN}",
                        start=self.local_datetime(day.value["date"], session["start"]),
                        end=self.local_datetime(day.value["date"], session["end"]),
                        summary=f"{self.title}: {session['title']}",
                        location=", ".join(p for p in (session["room"], self.venue_name, self.city) if p),
                        description=session["description"],
                        url=url,
                    )
                )
        return events

    # Views ------------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recap_url"] = recap_urls(request, self.locale_id).get(self.translation_key)
        state = self.registration_state()
        context["registration_state"] = state
        context["session_formats"] = SESSION_FORMATS
        context["seats_left"] = None
        if state == "open":
            source = self.registration_source = original_for_request(self, request)
            holding_a_seat = [Registration.Status.CONFIRMED, Registration.Status.OFFERED]
            seats = models.Q(invitation_code__isnull=True, status__in=holding_a_seat)
            totals = Registration.objects.filter(gathering=source).aggregate(
                taken=models.Count("pk", filter=seats),
                waiting=models.Count("pk", filter=models.Q(status=Registration.Status.WAITING)),
            )
            taken, waiting = totals["taken"], totals["waiting"]
            context["seats_left"] = 0 if waiting else max(source.capacity - taken, 0)
            context["waiting_count"] = waiting
        return context

    @path("")
    def index(self, request):
        from gathering.views import gathering_page

        return gathering_page(self, request)

    @path("register/")
    def register(self, request):
        from gathering.views import register

        return register(self, request)

    @path("manage/<str:token>/")
    def manage(self, request, token):
        from gathering.views import manage

        return manage(self, request, token)

    @path("manage/<str:token>/<str:action>/")
    def manage_action(self, request, token, action):
        from gathering.views import manage_action

        return manage_action(self, request, token, action)

    @property
    def calendar_url(self):
        return f"{self.url}calendar.ics"

    @path("calendar.ics/", name="calendar")
    def calendar(self, request):
        from home.calendar import calendar_response

        return calendar_response(self.calendar_events(), name=self.title, filename=f"{self.slug}.ics")


class ExtraQuestion(TranslatableMixin, Orderable):
    """A question editors add to one gathering's registration form; answers live on the registration."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        CHECKBOX = "checkbox", _("Checkbox")

    gathering = ParentalKey(GatheringPage, on_delete=models.CASCADE, related_name="extra_questions")
    label = models.CharField(_("question"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SHORT_TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("For a single choice: one option per line."))
    required = models.BooleanField(_("required"), default=False)
    help_text = models.CharField(_("help text"), max_length=255, blank=True)

    panels = ["label", "kind", "choices", "required", "help_text"]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("choices"),
        TranslatableField("help_text"),
        SynchronizedField("kind"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")
        ordering = ["sort_order"]

    def __str__(self):
        return self.label

    @property
    def key(self):
        """Answers are stored under the question's translation key: the same in every language."""
        return str(self.translation_key)

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SINGLE_CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two options, one per line.")})


class InvitationCode(models.Model):
    """Seats reserved for sponsored or invited people, outside the public capacity."""

    gathering = models.ForeignKey(
        GatheringPage, on_delete=models.CASCADE, related_name="invitation_codes", verbose_name=_("gathering")
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Who it is for, e.g. the sponsor."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation code")
        verbose_name_plural = _("invitation codes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        self.code = self.code.strip().upper()
        super().save(*args, **kwargs)


class Registration(models.Model):
    """One person's registration for a gathering; changed only through gathering.registrations."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        OFFERED = "offered", _("Offered a place")
        EXPIRED = "expired", _("Offer expired")
        CANCELLED = "cancelled", _("Cancelled")

    gathering = models.ForeignKey(
        GatheringPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("gathering")
    )
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=160)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=160, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    circles_facilitated = models.PositiveSmallIntegerField(_("learning circles facilitated"), default=0)
    pre_event_requested = models.BooleanField(_("wants the pre-event"), default=False)
    pre_event_confirmed = models.BooleanField(_("pre-event place"), default=False)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    travel_support_requested = models.BooleanField(_("travel support requested"), default=False)
    travel_support_reason = models.TextField(_("travel support reason"), blank=True)
    travel_support_granted = models.BooleanField(_("travel support granted"), default=False)
    open_space_session = models.TextField(_("open space session"), blank=True)
    photo_consent = models.BooleanField(_("photo consent"), default=False)
    privacy_consent = models.BooleanField(_("privacy consent"), default=False)
    answers = models.JSONField(_("extra answers"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    invitation_code = models.ForeignKey(
        InvitationCode,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        verbose_name=_("invitation code"),
    )

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    queued_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    manage_token = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sensitive_purged_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["gathering", "email"], name="gathering_registration_unique_email"),
        ]
        indexes = [models.Index(fields=["gathering", "status", "queued_at"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def holds_public_seat(self):
        return self.invitation_code_id is None and self.status in (self.Status.CONFIRMED, self.Status.OFFERED)

    def waiting_position(self):
        if self.status != self.Status.WAITING:
            return None
        ahead = Registration.objects.filter(gathering_id=self.gathering_id, status=self.Status.WAITING).filter(
            models.Q(queued_at__lt=self.queued_at) | models.Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


def purge_after_days():
    return getattr(settings, "GATHERING_PURGE_SENSITIVE_AFTER_DAYS", 30)


def anonymise_after_days():
    return getattr(settings, "GATHERING_ANONYMISE_AFTER_DAYS", 365)
