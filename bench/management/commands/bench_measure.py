"""In-process measurements for `make bench`: the URLs to load, their SQL queries and weight, and the
timings a load generator cannot take (publishing a guide chapter, search latency, form capacity).

Prints one JSON document on stdout; bench/run.py drives it.
"""

import json
import os
import re
import statistics
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from circles.models import LearningCirclePage, Signup, TeamPage
from gathering.models import GatheringPage, Registration
from guides.models import GuideChapterPage, ResourceTopic
from pagecache.generation import advance

ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def targets():
    """Name and path of every URL the benchmark loads, chosen from the data so every run picks the same."""
    english = Locale.objects.get(language_code="en")
    chapter = GuideChapterPage.objects.live().filter(locale=english).order_by("path").first()
    team = TeamPage.objects.live().filter(locale=english, slug="bench-team-001").first() or (
        TeamPage.objects.live().filter(locale=english).order_by("path").first()
    )
    circle = (
        LearningCirclePage.objects.live().child_of(team).filter(signup_open=True).order_by("path").first()
        or LearningCirclePage.objects.live().order_by("path").first()
    )
    gathering = GatheringPage.objects.live().filter(locale=english).order_by("-start_date").first()
    topic = ResourceTopic.objects.filter(locale=english).order_by("sort_order", "name").first()
    css = staticfiles_storage.url("css/site.css")
    return [
        ("home", "/en/"),
        ("guide chapter", chapter.url),
        ("print guide", "/en/guide/print/"),
        ("resources filtered", f"/en/facilitate/?topic={topic.slug if topic else ''}&kind=video"),
        ("circles, first page", "/en/circles/"),
        ("circles filtered", "/en/circles/?city=Nairobi&status=upcoming"),
        ("circle page", circle.url),
        ("team page", team.url),
        ("course index", "/en/courses/"),
        ("gathering page", gathering.url),
        ("search 'learning'", "/en/search/?q=learning"),
        ("blog index", "/en/blog/"),
        ("RSS feed", "/en/blog/feed/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap part", "/sitemap-pages.xml?p=1"),  # the first part exists at every data size
        ("static stylesheet", css),
        ("minimal Django view", "/bench/minimal/"),
    ]


def static_size(name):
    """Size of a static file, collected or (without collectstatic) in its source folder."""
    try:
        return staticfiles_storage.size(name)
    except OSError:
        source = finders.find(name)
        return os.path.getsize(source) if source else 0


def page_costs(client, paths):
    """Queries, bytes and page weight (HTML with its CSS and JS) of each path, rendered uncached."""
    results = {}
    asset_sizes = {}
    for name, path in paths:
        if path.startswith(settings.STATIC_URL):
            results[name] = {"queries": 0, "bytes": static_size(path[len(settings.STATIC_URL) :])}
            continue
        client.get(path)  # warm process-level caches (site root paths, templates)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        weight = len(body)
        for asset in ASSET.findall(body.decode("utf-8", "replace")):
            asset_path = urlsplit(asset).path
            if asset_path.startswith(settings.STATIC_URL):
                name_in_storage = asset_path[len(settings.STATIC_URL) :]
                if name_in_storage not in asset_sizes:
                    asset_sizes[name_in_storage] = static_size(name_in_storage)
                weight += asset_sizes[name_in_storage]
        results[name] = {
            "status": response.status_code,
            "queries": len(queries),
            "bytes": len(body),
            "weight_with_css_js": weight,
        }
    return results


def publish_times(repeat=5):
    """Seconds to save and publish a new revision of a guide chapter (what an editor waits for)."""
    english = Locale.objects.get(language_code="en")
    chapter = GuideChapterPage.objects.live().filter(locale=english).order_by("path").first()
    user = get_user_model().objects.filter(is_superuser=True).first()
    timings = []
    for number in range(repeat):
        chapter.refresh_from_db()
        chapter.quote_role = f"Benchmark revision {number}"
        started = time.perf_counter()
        chapter.save_revision(user=user).publish(user=user)
        timings.append(time.perf_counter() - started)
    return {"median_ms": round(statistics.median(timings) * 1000, 1), "max_ms": round(max(timings) * 1000, 1)}


def search_latency(client, words=("learning", "circle", "library", "python", "facilitator", "nairobi"), repeat=5):
    """Each word searched first after a change to content (nothing kept: the full-text search runs), then
    again (what the first search found is kept)."""
    first, again = [], []
    for word in words:
        for _number in range(repeat):
            advance()
            for timings in (first, again):
                started = time.perf_counter()
                client.get(f"/en/search/?q={word}")
                timings.append(time.perf_counter() - started)
    return {"queries": list(words), "requests": len(first), **_percentiles(first), "again": _percentiles(again)}


def _percentiles(timings):
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings) * 1000, 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1] * 1000, 1),
    }


def form_targets():
    """A circle with a small signup limit and a gathering with open registration, both empty."""
    english = Locale.objects.get(language_code="en")
    circle = (
        LearningCirclePage.objects.live()
        .filter(locale=english, signup_open=True, signup_limit__isnull=False, signups__isnull=True)
        .with_dates()
        .filter(first_date__gt=timezone.localdate())
        .order_by("path")
        .first()
    )
    gathering = next(
        (
            page
            for page in GatheringPage.objects.live()
            .filter(locale=english, extra_questions__isnull=True)
            .order_by("path")
            if page.registration_state() == "open"
        ),
        None,
    )
    return {
        "circle": {"path": circle.url, "id": circle.pk, "limit": circle.signup_limit} if circle else None,
        "gathering": {"path": gathering.url, "id": gathering.pk, "capacity": gathering.capacity} if gathering else None,
    }


def form_results(circle_id, gathering_id):
    result = {}
    if circle_id:
        circle = LearningCirclePage.objects.get(pk=circle_id)
        signups = Signup.objects.filter(circle_id=circle_id)
        confirmed = signups.filter(status=Signup.Status.CONFIRMED).count()
        result["signups"] = {
            "rows": signups.count(),
            "confirmed": confirmed,
            "waiting": signups.filter(status=Signup.Status.WAITING).count(),
            "limit": circle.signup_limit,
            "capacity_held": circle.signup_limit is None or confirmed <= circle.signup_limit,
        }
    if gathering_id:
        gathering = GatheringPage.objects.get(pk=gathering_id)
        registrations = Registration.objects.filter(gathering_id=gathering_id)
        confirmed = registrations.filter(status=Registration.Status.CONFIRMED).count()
        result["registrations"] = {
            "rows": registrations.count(),
            "confirmed": confirmed,
            "capacity": gathering.capacity,
            "capacity_held": confirmed <= gathering.capacity,
        }
    return result


class Command(BaseCommand):
    help = "Measurements for the benchmark (used by bench/run.py); prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["targets", "costs", "publish", "search", "form-targets", "form-results"])
        parser.add_argument("--circle", type=int)
        parser.add_argument("--gathering", type=int)

    def handle(self, *args, what, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        with override_settings(PAGE_CACHE_ENABLED=False):
            if what == "targets":
                data = targets()
            elif what == "costs":
                data = page_costs(client, targets())
            elif what == "publish":
                data = publish_times()
            elif what == "search":
                data = search_latency(client)
            elif what == "form-targets":
                data = form_targets()
            else:
                data = form_results(options["circle"], options["gathering"])
        self.stdout.write(json.dumps(data))
