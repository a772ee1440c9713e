"""The page tree can only take the shape DESIGN describes."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage
from circles.models import CircleIndexPage, CourseIndexPage, TeamPage
from gathering.models import GatheringIndexPage
from guides.models import GuideIndexPage, ResourceIndexPage
from home.models import HomePage, StandardPage

INDEX_PAGES = [
    GuideIndexPage,
    ResourceIndexPage,
    CircleIndexPage,
    CourseIndexPage,
    GatheringIndexPage,
    BlogIndexPage,
]


class TestPageTree(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        # Teams are many per home, each at its own URL such as /en/knls/.
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, TeamPage, *INDEX_PAGES})

    def test_standard_page_is_a_leaf_under_home(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_index_pages_live_under_home(self):
        for model in INDEX_PAGES:
            self.assertAllowedParentPageTypes(model, {HomePage})

    def test_each_index_page_once_per_home(self):
        home = HomePage.objects.get(locale__language_code="en")
        for model in INDEX_PAGES:
            assert not model.can_create_at(home), f"a second {model.__name__} was allowed"

    def test_editor_can_create_standard_page_through_the_admin_form(self):
        self.login()
        home = HomePage.objects.get(locale__language_code="en")
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Volunteer with us",
                    "slug": "volunteer",
                    "intro": "Help run a circle.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Why volunteer", "level": "h2"}),
                            ("paragraph", rich_text("<p>It is fun.</p>")),
                        ]
                    ),
                }
            ),
        )


@pytest.mark.parametrize(
    "model", [m for m in apps.get_models() if issubclass(m, Page) and m is not Page], ids=lambda m: m.__name__
)
def test_every_page_type_has_a_factory(model):
    factories = importlib.import_module(f"{model._meta.app_label}.factories")
    assert hasattr(factories, f"{model.__name__}Factory"), f"{model.__name__} has no factory"
