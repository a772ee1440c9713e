"""Every public page type answers in a bounded number of SQL queries that does not grow with the data.

The same URLs are counted with N items of each kind and again with 3N (teams, circles with meetings
and signups, resources, posts, gatherings and courses, built as `generate_bench_data` builds them).
Also: every page stays under 100 KB of HTML, CSS and JavaScript, and is plain HTML without scripts.
"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.management.commands.generate_bench_data import Command
from blog.models import BlogPostPage
from circles.models import LearningCirclePage, TeamPage
from gathering.models import GatheringPage
from guides.models import GuideChapterPage, ResourcePage

pytestmark = pytest.mark.django_db

N = {"teams": 2, "circles": 12, "resources": 6, "posts": 12, "gatherings": 2, "courses": 6}
# The most queries each page may take: as measured (6 December, SQLite) and two more, so a page that
# needs more has regressed. Wagtail's own are the active locale and the view restrictions (three); one
# reads the cache generation; routing, the site and the frame (settings, menu, language links, footer)
# are kept until content changes, and so are the parts of a page that change only when it is published.
QUERY_BOUNDS = {
    "home": 6,
    "guide index": 10,
    "guide chapter": 11,
    "print guide": 10,
    "resource index": 9,
    "resource index filtered": 9,
    "resource page": 15,
    # Listings keep which items a page shows and load only those.
    "circle index": 8,
    "circle index filtered": 8,
    "circle index page 2": 8,
    "circle page": 10,
    "circle calendar": 10,
    "team page": 10,
    "course index": 10,
    "gathering index": 9,
    "gathering page": 9,
    # Search counts a hit for the word and loads each page type of its results with one query of its own.
    "search": 20,
    "blog index": 10,
    "blog post": 14,
    "RSS feed": 8,
    "sitemap": 3,
    "sitemap part": 3,
    "translated team page": 12,
}
MAX_WEIGHT = 100 * 1024
# Executable inline scripts; schema.org data for search engines is not run.
INLINE_SCRIPT = re.compile(r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))')
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="/static/([^"?]+)"')


def urls(first):
    team, circle = first[TeamPage][0], first[LearningCirclePage][0]
    return {
        "home": "/en/",
        "guide index": "/en/guide/",
        "guide chapter": GuideChapterPage.objects.live().filter(locale=team.locale).first().url,
        "print guide": "/en/guide/print/",
        "resource index": "/en/facilitate/",
        "resource index filtered": "/en/facilitate/?kind=video",
        "resource page": first[ResourcePage][0].url,
        "circle index": "/en/circles/",
        "circle index filtered": "/en/circles/?city=Nairobi&status=upcoming&language=en",
        "circle index page 2": "/en/circles/?page=2",
        "circle page": circle.url,
        "circle calendar": circle.url + "calendar.ics",
        "team page": team.url,
        "course index": "/en/courses/",
        "gathering index": "/en/gatherings/",
        "gathering page": first[GatheringPage][0].url,
        "search": "/en/search/?q=learning",
        "blog index": "/en/blog/",
        "blog post": first[BlogPostPage][0].url,
        "RSS feed": "/en/blog/feed/",
        "sitemap": "/sitemap.xml",
        "sitemap part": "/sitemap-pages.xml",
        "translated team page": f"/sw/{team.slug}/",
    }


def count(client, url):
    client.get(url)  # per-process caches (site root paths, content types) fill on the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response


def test_queries_do_not_grow_with_the_data(client):
    generator = Command()
    first = generator.build(N, seed=1, prefix="a-")
    targets = urls(first)
    small = {name: count(client, url)[0] for name, url in targets.items()}

    # Twice as much again, under the same teams, so the measured pages list more of everything.
    generator.prefix = "a2-"
    generator.make_courses(2 * N["courses"])
    generator.make_circles(first[TeamPage], 2 * N["circles"])
    second = generator.build({name: 2 * size for name, size in N.items()}, seed=2, prefix="b-")
    assert len(second[LearningCirclePage]) == 2 * N["circles"]
    large = {name: count(client, url)[0] for name, url in targets.items()}

    grew = {name: (small[name], large[name]) for name in targets if large[name] > small[name]}
    assert not grew, f"queries grew from N to 3N: {grew}"
    over = {name: large[name] for name in targets if large[name] > QUERY_BOUNDS[name]}
    assert not over, f"more queries than the bounds: {over}"


def test_pages_are_light_and_need_no_javascript(client):
    first = Command().build(N, seed=3, prefix="c-")
    for name, url in urls(first).items():
        response = client.get(url)
        body = response.content.decode()
        if "text/html" not in response["Content-Type"]:
            continue
        weight = len(response.content)
        for asset in set(ASSET.findall(body)):
            weight += len(open(finders.find(asset), "rb").read())  # noqa: SIM115
        assert weight < MAX_WEIGHT, f"{name}: {weight} bytes of HTML, CSS and JavaScript"
        # Scripts only enhance (copy buttons); nothing is written inline or needed to read or send.
        assert not INLINE_SCRIPT.search(body), f"{name} has an inline script"
