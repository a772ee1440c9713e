"""The request's Wagtail site, kept until content changes: found without a query, and never out of date."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from pagecache.sites import SiteMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(settings):
    settings.ALLOWED_HOSTS = ["testserver", "second.example"]
    sites = []

    def view(request):
        sites.append(Site.find_for_request(request))
        return HttpResponse()

    return sites, SiteMiddleware(view)


def test_a_page_asks_the_database_for_its_site_once_until_content_changes(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]
    # The home page is routed from the kept root page, not loaded again.
    assert not [q for q in queries.captured_queries if '"home_homepage"' in q["sql"]]


def test_a_site_added_for_a_host_serves_its_next_request(rf, found):
    sites, middleware = found
    middleware(rf.get("/", HTTP_HOST="second.example"))
    assert sites[-1].is_default_site
    guide = Page.objects.get(url_path="/home/guide/")
    second = Site.objects.create(hostname="second.example", port=80, root_page=guide, site_name="Second")
    middleware(rf.get("/", HTTP_HOST="second.example"))
    assert sites[-1].pk == second.pk
    assert sites[-1].root_page.specific_class is type(sites[-1].root_page)
    middleware(rf.get("/", HTTP_HOST="testserver"))
    assert sites[-1].is_default_site


def test_a_host_the_site_does_not_serve_is_a_bad_request(client):
    response = client.get("/en/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
