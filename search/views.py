import re

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from circles.models import Course
from pagecache.answers import in_order, kept_answer, kept_page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Courses are snippets, not pages: they have a section of their own, and the first few matches show
# beside the page results when no section is chosen.
COURSES_SECTION = "courses"
COURSES_BESIDE_PAGES = 3
NOTHING_FOUND = {"sections": [], "section": "", "listed": 0, "number": 1, "ids": [], "course_ids": []}
# Control characters, and the operators of the database engines' full-text syntax, which a visitor
# can't mean and which make SQLite's FTS raise on unbalanced input.
UNSEARCHABLE = re.compile(r'[\x00-\x1f\x7f"*():^{}\[\]<>~|\\]')


def clean_query(raw):
    """The query as searched: special characters removed, whitespace collapsed, over-long queries cut."""
    return " ".join(UNSEARCHABLE.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


class CountedPaginator(Paginator):
    """Pages of search results whose number is already known from the section counts: counting the
    matches again would run the full-text query a third time."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def _sections(facets):
    """[(content type id, section name, count)] for the result counts by page type."""
    sections = []
    for pk, count in facets.items():
        # get_for_id is served from ContentType's cache after the first request.
        model = ContentType.objects.get_for_id(pk).model_class() if pk else None
        if model is not None:
            sections.append((str(pk), model._meta.verbose_name_plural, count))
    return sections


def _by_size(sections):
    return sorted(sections, key=lambda section: (-section[2], str(section[1])))


def _found(pages, courses, query, section, page_number):
    """What a search finds, as plain data: the sections and their counts, the section shown, and the
    ids of the results on the page asked for (and of the courses shown beside them)."""
    sections = _sections(pages.search(query).facet("content_type_id"))
    course_results = get_search_backend().search(query, courses)
    course_count = course_results.count()
    if course_count:
        sections.append((COURSES_SECTION, Course._meta.verbose_name_plural, course_count))
    sections = _by_size(sections)
    counts = {pk: count for pk, _name, count in sections}
    course_ids = []
    if section == COURSES_SECTION and section in counts:
        results = course_results
    elif section in counts:
        results = pages.filter(content_type_id=int(section)).search(query)
    else:
        section = ""
        results = pages.search(query)
        course_ids = [course.pk for course in course_results[:COURSES_BESIDE_PAGES]]
    total = sum(counts.values())
    # Without a section, the numbered results are the pages; matching courses show beside them.
    listed = counts.get(section, 0) if section else total - counts.get(COURSES_SECTION, 0)
    shown = CountedPaginator(results, RESULTS_PER_PAGE, listed).get_page(page_number)
    return {
        "sections": sections,
        "section": section,
        "listed": listed,
        "number": shown.number,
        "ids": [result.pk for result in shown],
        "course_ids": course_ids,
    }


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    section = request.GET.get("section", "")
    page_number = request.GET.get("page", "1")
    locale = Locale.get_active()
    # Untranslated copies (aliases) would answer a Kiswahili search with English pages.
    aliases = Page.objects.filter(locale=locale, alias_of__isnull=False).values("pk")
    pages = Page.objects.live().public().filter(locale=locale).exclude(pk__in=aliases)
    courses = Course.objects.filter(live=True, locale=locale)
    promotions, found = [], NOTHING_FOUND
    if query:
        search_query = Query.get(query)
        if page_number == "1":
            search_query.add_hit()
        promotions = [
            promotion
            for promotion in search_query.editors_picks.select_related("page", "page__locale")
            if promotion.page is None or (promotion.page.live and promotion.page.locale_id == locale.id)
        ]
        promoted_ids = sorted(promotion.page_id for promotion in promotions if promotion.page_id)
        pages = pages.exclude(pk__in=promoted_ids)
        # Ranking every match of a common word is the costliest work on the site, and its answer only
        # changes when content does: what a search finds is kept until the next change.
        found = kept_answer(
            request,
            "search",
            (locale.pk, query, section, page_number, promoted_ids),
            lambda: _found(pages, courses, query, section, page_number),
        )
    section = found["section"]
    if section == COURSES_SECTION:
        results = in_order(courses, found["ids"])
    else:
        results = in_order(Page.objects.specific(), found["ids"])
    counts = {pk: count for pk, _name, count in found["sections"]}
    total = sum(counts.values())
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "shortened": len(raw_query.strip()) > MAX_QUERY_LENGTH,
            "results": kept_page(results, found["number"], RESULTS_PER_PAGE, found["listed"]),
            "showing_courses": section == COURSES_SECTION,
            "course_matches": in_order(courses, found["course_ids"]),
            "courses_section": COURSES_SECTION,
            "promotions": promotions,
            "sections": found["sections"],
            "active_section": section,
            "total": total,
            "shown": counts.get(section, total),
        },
    )


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
