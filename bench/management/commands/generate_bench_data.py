"""Build the benchmark's data set on top of the demo: many teams, circles, resources, posts, gatherings.

Seeded, so every run builds the same content (dates are relative to the day it runs, so circles
are upcoming, running and completed in the same proportions whenever the benchmark runs).
"""

import random
import time
from datetime import time as clock
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends

from bench.bulk import add_children
from blog.models import BlogAuthor, BlogIndexPage, BlogPostPage, BlogPostTag
from circles.models import (
    CircleFacilitator,
    CircleIndexPage,
    Course,
    CourseTopic,
    LearningCirclePage,
    Meeting,
    Signup,
    TeamMember,
    TeamPage,
)
from gathering.models import GatheringIndexPage, GatheringPage
from guides.models import ResourceIndexPage, ResourceKind, ResourcePage, ResourceTopic
from home.models import HomePage

SIZES = {
    "full": {"teams": 100, "circles": 10_000, "resources": 500, "posts": 1_000, "gatherings": 20, "courses": 200},
    "small": {"teams": 5, "circles": 200, "resources": 20, "posts": 30, "gatherings": 3, "courses": 10},
}
MARKER_SLUG = "bench-team-001"

PLACES = [
    ("Nairobi", "Kenya", "Africa/Nairobi", "en"),
    ("Mombasa", "Kenya", "Africa/Nairobi", "sw"),
    ("Nakuru", "Kenya", "Africa/Nairobi", "sw"),
    ("Kisumu", "Kenya", "Africa/Nairobi", "en"),
    ("Dar es Salaam", "Tanzania", "Africa/Dar_es_Salaam", "sw"),
    ("Kampala", "Uganda", "Africa/Kampala", "en"),
    ("Chicago", "United States", "America/Chicago", "en"),
    ("Boston", "United States", "America/New_York", "en"),
    ("Kansas City", "United States", "America/Chicago", "en"),
    ("Detroit", "United States", "America/Detroit", "ar"),
    ("Toronto", "Canada", "America/Toronto", "en"),
    ("Montréal", "Canada", "America/Toronto", "fr"),
    ("Dakar", "Senegal", "Africa/Dakar", "fr"),
    ("Abidjan", "Côte d'Ivoire", "Africa/Abidjan", "fr"),
    ("Lyon", "France", "Europe/Paris", "fr"),
    ("Madrid", "Spain", "Europe/Madrid", "es"),
    ("Bogotá", "Colombia", "America/Bogota", "es"),
    ("Lima", "Peru", "America/Lima", "es"),
    ("Ciudad de México", "Mexico", "America/Mexico_City", "es"),
    ("Lisboa", "Portugal", "Europe/Lisbon", "pt"),
]
SUBJECTS = [
    "Python",
    "Public speaking",
    "Personal finance",
    "Web design",
    "Spreadsheets",
    "Creative writing",
    "Digital photography",
    "Job search",
    "Data analysis",
    "English conversation",
    "Small business",
    "Mobile apps",
    "Statistics",
    "Nutrition",
    "Climate science",
    "Music theory",
]
TOPIC_WORDS = ["technology", "business", "language", "writing", "science", "arts", "careers", "health"]
FIRST_NAMES = ["Amina", "Baraka", "Carmen", "Diego", "Esther", "Fatou", "Grace", "Hassan", "Ines", "Juma"]
# A few words per language, so translated pages read differently from their source.
TRANSLATED = {
    "sw": {"team": "Timu", "story": "Hadithi", "resource": "Nyenzo", "gathering": "Mkutano"},
    "es": {"team": "Equipo", "story": "Historia", "resource": "Recurso", "gathering": "Encuentro"},
    "fr": {"team": "Équipe", "story": "Récit", "resource": "Ressource", "gathering": "Rencontre"},
}
PARAGRAPH = (
    "<p>Learning circles are free study groups for people who want to learn together. They meet weekly in "
    "libraries and community centres, work through an online course and help each other keep going.</p>"
)


def rich(text):
    return [("paragraph", RichText(text))]


class Command(BaseCommand):
    help = "Build the benchmark data set (the demo, then many teams, circles, posts...). Seeded and repeatable."

    def add_arguments(self, parser):
        parser.add_argument("--small", action="store_true", help="A small data set for CI and development.")
        parser.add_argument("--seed", type=int, default=2026)
        for name in SIZES["full"]:
            parser.add_argument(f"--{name}", type=int, help=f"How many {name} (default: the preset's).")

    def handle(self, *args, **options):
        sizes = dict(SIZES["small" if options["small"] else "full"])
        for name in sizes:
            if options.get(name) is not None:
                sizes[name] = options[name]
        started = time.monotonic()
        call_command("load_demo", verbosity=0)
        if TeamPage.objects.filter(slug=MARKER_SLUG).exists():
            self.stdout.write("Benchmark data is already there; nothing to do.")
            return
        with transaction.atomic():
            built = self.build(sizes, options["seed"])
        indexed = time.monotonic()
        for model, objects in built.items():
            self.index(model, objects)
        # The planner's statistics still describe the empty tables, and PostgreSQL's index-only scans
        # still visit every row (no visibility map yet); a server's autovacuum would see to both
        # within minutes, the benchmark starts at once.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        counts = ", ".join(f"{len(objects)} {model._meta.verbose_name_plural}" for model, objects in built.items())
        self.stdout.write(
            f"Built {counts} (with translations) in {time.monotonic() - started:.0f} s "
            f"(search index {time.monotonic() - indexed:.0f} s)."
        )

    def build(self, sizes, seed, prefix=""):
        """Add the content; `prefix` starts every slug and username, so a second round can add more."""
        self.rng = random.Random(seed)  # noqa: S311 - repeatable data, not secrets
        self.prefix = prefix
        self.today = timezone.localdate()
        self.home = HomePage.objects.get(locale=Locale.get_default())
        self.locales = {loc.language_code: loc for loc in Locale.objects.exclude(pk=self.home.locale_id)}
        self.courses = self.make_courses(sizes["courses"])
        teams = self.make_teams(sizes["teams"])
        return {
            TeamPage: teams,
            LearningCirclePage: self.make_circles(teams, sizes["circles"]),
            ResourcePage: self.make_resources(sizes["resources"]),
            BlogPostPage: self.make_posts(sizes["posts"]),
            GatheringPage: self.make_gatherings(sizes["gatherings"]),
            Course: self.courses,
        }

    # --- helpers -------------------------------------------------------------------------------

    def translate_pages(self, source_parent, pages, make_copy):
        """Copies of `pages` under each translation of `source_parent`, sharing their translation keys."""
        copies = []
        for code, locale in self.locales.items():
            parent = source_parent.get_translation_or_none(locale)
            if parent is None:
                continue
            batch = [make_copy(page, code) for page in pages]
            copies += add_children(parent, batch, self.rng, keys=[p.translation_key for p in pages])
        return copies

    def index(self, model, objects):
        pks = [obj.pk for obj in objects]
        for backend in get_search_backends():
            for start in range(0, len(pks), 1000):
                batch = list(model.objects.filter(pk__in=pks[start : start + 1000]))
                backend.add_bulk(model, batch)

    # --- content -------------------------------------------------------------------------------

    def make_courses(self, count):
        locale = Locale.get_default()
        courses = Course.objects.bulk_create(
            [
                Course(
                    title=f"{self.rng.choice(SUBJECTS)} for everyone, part {number}",
                    provider=self.rng.choice(["GCFLearnFree", "P2PU", "Khan Academy", "OpenLearn"]),
                    link=f"https://courses.example.org/{number}/",
                    format=self.rng.choice(Course.Format.values),
                    caption="A free course that learning circles have used and liked.",
                    language=self.rng.choice(["en", "sw", "es", "fr"]),
                    licence="CC BY-SA 4.0",
                    locale=locale,
                    live=True,
                )
                for number in range(1, count + 1)
            ]
        )
        tags = [Tag.objects.get_or_create(name=word, defaults={"slug": word})[0] for word in TOPIC_WORDS]
        CourseTopic.objects.bulk_create(
            [CourseTopic(content_object=course, tag=self.rng.choice(tags)) for course in courses]
        )
        return list(Course.objects.filter(locale=locale, live=True))

    def make_users(self, count):
        User = get_user_model()
        users = [
            User(
                username=f"{self.prefix}bench-user-{number:04d}",
                first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                last_name=f"Facilitator {number}",
                email=f"{self.prefix}bench-user-{number:04d}@example.org",
            )
            for number in range(1, count + 1)
        ]
        for user in users:
            user.set_unusable_password()  # nobody signs in as these
        User.objects.bulk_create(users)
        return list(User.objects.filter(username__startswith=f"{self.prefix}bench-user-").order_by("username"))

    def make_teams(self, count):
        users = self.make_users(count * 2)
        teams = []
        for number in range(1, count + 1):
            city, country, _zone, _language = PLACES[number % len(PLACES)]
            teams.append(
                TeamPage(
                    title=f"{city} Library Network {number}",
                    slug=f"{self.prefix}bench-team-{number:03d}",
                    subtitle="Learning circles in our branch libraries",
                    intro=f"Free learning circles in the libraries of {city}.",
                    location=f"{city}, {country}",
                    website="https://library.example.org/",
                    contact_email=f"team{number}@example.org",
                )
            )
        add_children(self.home, teams, self.rng)
        TeamMember.objects.bulk_create(
            [
                TeamMember(team=team, user=users[2 * i + offset], role=role, sort_order=offset)
                for i, team in enumerate(teams)
                for offset, role in enumerate([TeamMember.Role.ORGANIZER, TeamMember.Role.FACILITATOR])
            ]
        )
        self.team_facilitators = {team.pk: users[2 * i + 1] for i, team in enumerate(teams)}

        def copy(team, code):
            words = TRANSLATED[code]
            return TeamPage(
                title=f"{words['team']}: {team.title}",
                slug=team.slug,
                subtitle=team.subtitle,
                intro=team.intro,
                location=team.location,
                website=team.website,
                contact_email=team.contact_email,
            )

        return teams + self.translate_pages(self.home, teams, copy)

    def make_circles(self, teams, count):
        source_teams = [team for team in teams if team.locale_id == self.home.locale_id]
        index = CircleIndexPage.objects.child_of(self.home).get()
        by_parent = {}
        circles = []
        for number in range(1, count + 1):
            # One circle in ten is independent and lives under the circle index.
            parent = index if number % 10 == 0 else source_teams[number % len(source_teams)]
            city, country, zone, language = PLACES[self.rng.randrange(len(PLACES))]
            course = self.rng.choice(self.courses)
            circle = LearningCirclePage(
                title=f"{course.title.split(' for ')[0]} at {city} library {number}",
                slug=f"{self.prefix}circle-{number:05d}",
                course=course,
                venue_name=f"{city} Library, branch {number % 40 + 1}",
                address=f"{number % 300 + 1} Library Road",
                city=city,
                country=country,
                time_zone=zone,
                language=language,
                description=PARAGRAPH,
                what_to_expect="<p>About ninety minutes a week: check in, study, discuss, plan.</p>",
                intro=f"A free weekly study group in {city}.",
                signup_limit=self.rng.choice([None, 8, 10, 12, 15]),
                signup_open=self.rng.random() > 0.1,
            )
            by_parent.setdefault(parent, []).append(circle)
            circles.append((circle, parent.pk))
        for parent, children in by_parent.items():
            add_children(parent, children, self.rng)

        meetings, facilitators, signups = [], [], []
        for circle, parent_pk in circles:
            first = self.today + timedelta(days=self.rng.randint(-150, 90))
            start = clock(self.rng.choice([10, 14, 17, 18]), self.rng.choice([0, 30]))
            for week in range(self.rng.choice([4, 6, 6, 8])):
                meetings.append(
                    Meeting(circle=circle, date=first + timedelta(weeks=week), start_time=start, sort_order=week)
                )
            user = self.team_facilitators.get(parent_pk)
            facilitators.append(CircleFacilitator(circle=circle, user=user, name="" if user else "Volunteer"))
            for learner in range(self.rng.randint(0, 10)):
                limit = circle.signup_limit
                signups.append(
                    Signup(
                        circle=circle,
                        name=f"{FIRST_NAMES[learner % len(FIRST_NAMES)]} {chr(65 + learner)}.",
                        email=f"learner{learner}.{circle.slug}@example.org",
                        consent=True,
                        status=Signup.Status.WAITING if limit and learner >= limit else Signup.Status.CONFIRMED,
                        goals="Learn something new with my neighbours.",
                    )
                )
        Meeting.objects.bulk_create(meetings, batch_size=2000)
        LearningCirclePage.objects.refresh_meeting_dates()
        CircleFacilitator.objects.bulk_create(facilitators, batch_size=2000)
        Signup.objects.bulk_create(signups, batch_size=2000)
        return [circle for circle, _parent in circles]

    def make_resources(self, count):
        index = ResourceIndexPage.objects.child_of(self.home).get()
        topics = list(ResourceTopic.objects.filter(locale=self.home.locale))
        pages = [
            ResourcePage(
                title=f"{self.rng.choice(ResourceKind.labels)} for facilitators, number {number}",
                slug=f"{self.prefix}resource-{number:04d}",
                kind=self.rng.choice(ResourceKind.values),
                summary="A tried and tested help for running a learning circle.",
                body=rich(PARAGRAPH),
                link_url=f"https://resources.example.org/{number}/",
                duration_minutes=self.rng.choice([None, 5, 15, 30, 60]),
                licence="CC BY-SA 4.0",
            )
            for number in range(1, count + 1)
        ]
        add_children(index, pages, self.rng)
        through = ResourcePage.topics.through
        through.objects.bulk_create(
            [
                through(resourcepage_id=page.pk, resourcetopic_id=topic.pk)
                for page in pages
                for topic in self.rng.sample(topics, min(2, len(topics)))
            ]
        )

        # Like the demo, some resources are translated: one in five.
        def copy(page, code):
            return ResourcePage(
                title=f"{TRANSLATED[code]['resource']}: {page.title}",
                slug=page.slug,
                kind=page.kind,
                summary=page.summary,
                body=page.body.raw_data,
                link_url=page.link_url,
                duration_minutes=page.duration_minutes,
                licence=page.licence,
            )

        copies = self.translate_pages(index, pages[::5], copy)
        translated_topics = {
            (t.translation_key, t.locale_id): t.pk for t in ResourceTopic.objects.exclude(locale=self.home.locale)
        }
        topic_keys = {t.pk: t.translation_key for t in topics}
        source_topics = {}
        for row in through.objects.filter(resourcepage_id__in=[p.pk for p in pages]):
            source_topics.setdefault(row.resourcepage_id, []).append(row.resourcetopic_id)
        by_key = {p.translation_key: p.pk for p in pages}
        rows = []
        for copy_page in copies:
            for topic_id in source_topics.get(by_key[copy_page.translation_key], []):
                target = translated_topics.get((topic_keys[topic_id], copy_page.locale_id))
                if target:
                    rows.append(through(resourcepage_id=copy_page.pk, resourcetopic_id=target))
        through.objects.bulk_create(rows)
        return pages + copies

    def make_posts(self, count):
        index = BlogIndexPage.objects.child_of(self.home).get()
        posts = []
        for number in range(1, count + 1):
            city = PLACES[number % len(PLACES)][0]
            posts.append(
                BlogPostPage(
                    title=f"What we learned in {city}, story {number}",
                    slug=f"{self.prefix}story-{number:04d}",
                    date=self.today - timedelta(days=number),
                    intro=f"Facilitators in {city} on a season of learning circles.",
                    body=rich(PARAGRAPH * 3),
                )
            )
        add_children(index, posts, self.rng)
        BlogAuthor.objects.bulk_create(
            [
                BlogAuthor(
                    post=post, locale_id=post.locale_id, name=f"{self.rng.choice(FIRST_NAMES)} Writer", sort_order=0
                )
                for post in posts
            ]
        )
        tags = [Tag.objects.get_or_create(name=word, defaults={"slug": word})[0] for word in TOPIC_WORDS]
        BlogPostTag.objects.bulk_create([BlogPostTag(content_object=post, tag=self.rng.choice(tags)) for post in posts])

        # Like the demo, some posts are translated: one in ten.
        def copy(post, code):
            return BlogPostPage(
                title=f"{TRANSLATED[code]['story']}: {post.title}",
                slug=post.slug,
                date=post.date,
                intro=post.intro,
                body=post.body.raw_data,
            )

        copies = self.translate_pages(index, posts[::10], copy)
        BlogAuthor.objects.bulk_create(
            [BlogAuthor(post=post, locale_id=post.locale_id, name="Translator", sort_order=0) for post in copies]
        )
        return posts + copies

    def make_gatherings(self, count):
        index = GatheringIndexPage.objects.child_of(self.home).get()
        template = GatheringPage.objects.child_of(index).order_by("-start_date").first()
        own = {"page_ptr", "page_ptr_id", "start_date", "end_date"}
        fields = [f.attname for f in GatheringPage._meta.local_concrete_fields if f.attname not in own]
        pages = []
        for number in range(1, count + 1):
            page = GatheringPage(**{name: getattr(template, name) for name in fields})
            city = PLACES[number % len(PLACES)][0]
            page.title = f"Learning circles gathering {city} {2000 + number}"
            page.slug = f"{self.prefix}gathering-{number:02d}"
            page.seo_title = page.search_description = ""
            # Past and future gatherings; the ones ahead take registrations.
            page.start_date = self.today + timedelta(days=45 * (number - count // 2) + 20)
            page.end_date = page.start_date + timedelta(days=2)
            page.registration_opens = timezone.now() - timedelta(days=30)
            page.registration_closes = timezone.now() + timedelta(days=300)
            page.capacity = 40
            pages.append(page)
        add_children(index, pages, self.rng)

        def copy(page, code):
            clone = GatheringPage(**{name: getattr(page, name) for name in fields})
            clone.title = f"{TRANSLATED[code]['gathering']}: {page.title}"
            clone.slug = page.slug
            clone.start_date, clone.end_date = page.start_date, page.end_date
            return clone

        return pages + self.translate_pages(index, pages, copy)
