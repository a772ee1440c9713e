import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from guides.models import GuideChapterPage, GuideIndexPage, ResourceIndexPage, ResourcePage, ResourceTopic


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"GuideIndexPage {n}")
    intro = "An index page."

    class Meta:
        model = GuideIndexPage


class GuideChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chapter {n}")
    summary = "What this step is about."

    class Meta:
        model = GuideChapterPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resources {n}")
    intro = "Resources for facilitators."

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A resource for facilitators."
    kind = "worksheet"
    link_url = "https://community.p2pu.org/"

    class Meta:
        model = ResourcePage


class ResourceTopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ResourceTopic
