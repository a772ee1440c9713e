from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from blog.models import BlogPostPage
from pagecache.answers import in_order
from pagecache.generation import kept_until_changed
from translations.tag_names import cached_tag_names

FEED_ITEMS = 20


class BlogFeed(Feed):
    """RSS 2.0 feed of a blog index's newest posts, in that index's language."""

    feed_type = Rss201rev2Feed

    def __init__(self, blog_index):
        super().__init__()
        self.blog_index = blog_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.blog_index.title

    def link(self):
        return self.blog_index.get_url(self.request)

    def description(self):
        return self.blog_index.intro

    def items(self):
        def newest():
            posts = self.blog_index.posts().prefetch_related("tagged_items__tag")[:FEED_ITEMS]
            return [
                {
                    "pk": post.pk,
                    "author": ", ".join(author.name for author in post.authors.all()),
                    "tags": [(tagged.tag.slug, tagged.tag.name) for tagged in post.tagged_items.all()],
                }
                for post in posts
            ]

        # Which posts the feed lists, with their authors and tags, changes only with content; the posts
        # are loaded by id on each request, without their bodies (the feed gives each post's intro).
        entries = kept_until_changed(self.request, f"blog-feed:{self.blog_index.pk}", newest)
        posts = in_order(BlogPostPage.objects.defer("body").select_related("locale"), [e["pk"] for e in entries])
        by_pk = {entry["pk"]: entry for entry in entries}
        for post in posts:
            post.feed_entry = by_pk[post.pk]
        return posts

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_author_name(self, item):
        return item.feed_entry["author"]

    def item_categories(self, item):
        if not hasattr(self, "tag_names"):
            self.tag_names = cached_tag_names(self.request)
        return [self.tag_names.get(slug, name) for slug, name in item.feed_entry["tags"]]

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}#{item.locale.language_code}"

    item_guid_is_permalink = False
