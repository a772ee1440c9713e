import factory
import wagtail_factories

from blog.models import BlogIndexPage, BlogPostPage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"BlogIndexPage {n}")
    intro = "An index page."

    class Meta:
        model = BlogIndexPage


class BlogPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    intro = "A story from a learning circle."

    class Meta:
        model = BlogPostPage
