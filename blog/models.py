import re

from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, route
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock
from home.models import IntroMixin
from pagecache.answers import in_order, kept_answer, kept_page, page_of_ids
from pagecache.generation import kept_until_changed

POSTS_PER_PAGE = 10
TAG_SLUG = re.compile(r"[-\w]+")
RELATED_POSTS = 3


class BlogIndexPage(RoutablePageMixin, IntroMixin, Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPostPage"]
    max_count_per_parent = 1
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]
    content_panels = [*Page.content_panels, "intro"]

    class Meta:
        verbose_name = _("blog index")
        verbose_name_plural = _("blog indexes")

    def posts(self):
        return (
            BlogPostPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .select_related("locale")
            .prefetch_related("authors")
        )

    @path("")
    def index(self, request):
        every_post = self.posts()
        tag = request.GET.get("tag", "").strip()[:100]
        if tag and not TAG_SLUG.fullmatch(tag):
            tag = ""
        page_number = request.GET.get("page", "1")

        def newest_first():
            posts = every_post.filter(tags__slug=tag).distinct() if tag else every_post
            return page_of_ids(posts.values_list("pk", flat=True), POSTS_PER_PAGE, page_number)

        # Which posts a page of the listing shows, and the topics, change only with content.
        found = kept_answer(request, "blog-page", (self.pk, tag, page_number), newest_first)
        # The ids were chosen among live, public children under this generation: any change to those raises it.
        shown = in_order(BlogPostPage.objects.live().select_related("locale").prefetch_related("authors"), found["ids"])
        items = kept_page(shown, found["number"], POSTS_PER_PAGE, found["count"])
        tags = kept_until_changed(
            request,
            f"blog-tags:{self.pk}",
            lambda: sorted(
                set(BlogPostTag.objects.filter(content_object__in=every_post).values_list("tag__name", "tag__slug"))
            ),
        )
        return self.render(request, context_overrides={"posts": items, "active_tag": tag, "tags": tags})

    @route(r"^feed/$", name="feed")
    def feed(self, request):
        from blog.feeds import BlogFeed

        return BlogFeed(self)(request)

    @route(r"^tag/(?P<slug>[-\w]+)/$")
    def tag_alias(self, request, slug):
        return redirect(f"{self.get_url(request)}?tag={slug}")


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey("blog.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogAuthor(TranslatableMixin, Orderable):
    """A post's author; translatable so that their role reaches translators (a name stays as it is)."""

    post = ParentalKey("blog.BlogPostPage", on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True, help_text=_("For example: Community Lead, P2PU."))

    panels = ["name", "role"]
    translatable_fields = [SynchronizedField("name"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return self.name


class BlogPostPage(IntroMixin, Page):
    date = models.DateField(_("post date"), default=timezone.localdate)
    hero_image = models.ForeignKey(
        "home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyStreamBlock(), blank=True)
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True)
    recap_of = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recaps",
        help_text=_("If this post recaps a gathering, choose the gathering's page; it will link back here."),
    )

    og_type = "article"  # for the social sharing tags
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(["date", "tags"], heading=_("Post details")),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        "intro",
        "hero_image",
        "body",
        PageChooserPanel("recap_of"),
    ]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def related_posts(self):
        """Other live posts in this language sharing a tag, newest first; else the newest posts."""
        siblings = BlogPostPage.objects.sibling_of(self, inclusive=False).live().public().order_by("-date")
        tag_ids = [item.tag_id for item in self.tagged_items.all()]
        related = list(siblings.filter(tagged_items__tag_id__in=tag_ids).distinct()[:RELATED_POSTS]) if tag_ids else []
        if len(related) < RELATED_POSTS:
            seen = {post.pk for post in related}
            related += [post for post in siblings[: RELATED_POSTS * 2] if post.pk not in seen][
                : RELATED_POSTS - len(related)
            ]
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_posts"] = self.related_posts()
        return context

    def article_schema(self):
        return {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "datePublished": self.date.isoformat(),
            "description": self.search_description or self.intro,
            "inLanguage": self.locale.language_code,
            "url": self.full_url,
            "author": [{"@type": "Person", "name": author.name} for author in self.authors.all()],
        }
