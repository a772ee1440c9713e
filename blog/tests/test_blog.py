import re
from datetime import date, timedelta

import pytest
from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from blog.factories import BlogPostPageFactory
from blog.models import BlogAuthor, BlogIndexPage, BlogPostPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def english_blog():
    return BlogIndexPage.objects.get(locale=Locale.get_default())


def add_posts(blog, count, start=date(2020, 1, 1), tags=()):
    posts = []
    for i in range(count):
        post = BlogPostPageFactory.build(title=f"Extra story {i}", date=start + timedelta(days=i))
        post.authors = [BlogAuthor(name=f"Author {i}")]
        post.tags.add(*tags)
        blog.add_child(instance=post)
        posts.append(post)
    return posts


class TestBlogTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(BlogPostPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPostPage})
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})


def test_index_lists_newest_first_with_continue_reading(client):
    html = client.get("/en/blog/").content.decode()
    titles = [post.title for post in english_blog().posts()]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert html.count("Continue reading") == len(titles)
    assert 'type="application/rss+xml"' in html


def test_tag_filter_and_pagination(client):
    blog = english_blog()
    add_posts(blog, 12, tags=["bulk"])
    first = client.get("/en/blog/?tag=bulk").content.decode()
    assert first.count("Continue reading") == 10
    assert "Page 1 of 2" in first
    second = client.get("/en/blog/?tag=bulk&page=2").content.decode()
    assert second.count("Continue reading") == 2
    events = client.get("/en/blog/?tag=events").content.decode()
    assert "What happened in Kansas City?" in events
    assert "What is a learning circle?" not in events


@pytest.mark.parametrize(
    "query", ["?tag=%00", "?tag=" + "x" * 5000, "?page=-1", "?page=abc", "?page=99999", "?tag=<script>"]
)
def test_hostile_parameters_answer_calmly(client, query):
    assert client.get("/en/blog/" + query).status_code == 200


def test_feed_is_valid_rss_with_the_latest_posts(client):
    response = client.get("/en/blog/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    expected = list(english_blog().posts().values_list("title", flat=True)[:20])
    assert [item.findtext("title") for item in items] == expected
    for item in items:
        assert item.findtext("link").startswith("http://testserver/en/blog/")
        assert item.findtext("pubDate")
        assert item.findtext("guid")


def test_feed_is_per_language(client):
    channel = ET.fromstring(client.get("/sw/blog/feed/").content).find("channel")
    assert channel.findtext("language") == "sw"
    assert "Duara la kujifunza ni nini?" in [item.findtext("title") for item in channel.findall("item")]


def test_post_shows_authors_tags_related_posts_and_article_data(client):
    html = client.get("/en/blog/kansas-city-gathering-recap/").content.decode()
    assert "Nico Koenig" in html
    assert 'href="/en/blog/?tag=events"' in html
    assert "More stories" in html
    assert '<script type="application/ld+json">' in html
    assert '"@type": "BlogPosting"' in html
    assert '<link rel="canonical" href="http://localhost/en/blog/kansas-city-gathering-recap/">' in html
    assert '<meta property="og:type" content="article">' in html


def test_recap_post_links_the_gathering_it_recaps(client):
    post = BlogPostPage.objects.get(slug="kansas-city-gathering-recap", locale=Locale.get_default())
    target = HomePage.objects.get(locale=Locale.get_default()).get_children().get(slug="gatherings")
    post.recap_of = target
    post.save_revision().publish()
    html = client.get(post.url).content.decode()
    assert f'This story recaps <a href="{target.url}">' in html


def test_query_count_does_not_grow_with_posts(client, django_assert_max_num_queries):
    client.get("/en/blog/")  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(30) as few:
        client.get("/en/blog/")
    add_posts(english_blog(), 30, tags=["bulk"])
    client.get("/en/blog/")
    with django_assert_max_num_queries(30) as many:
        client.get("/en/blog/")
    assert len(many.captured_queries) == len(few.captured_queries)
    with django_assert_max_num_queries(30) as feed_few:
        client.get("/en/blog/feed/")
    assert len(feed_few.captured_queries) <= 13  # 12, and the tag names in the feed's language


def test_post_page_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get("/en/blog/kansas-city-gathering-recap/")
    with django_assert_max_num_queries(34):
        client.get("/en/blog/kansas-city-gathering-recap/")


def listed_titles(response):
    return re.findall(r'<h2 id="post-\d+"[^>]*><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_listing_and_feed_sort_their_posts_once_until_a_post_is_published_or_unpublished(client):
    with CaptureQueriesContext(connection) as first:
        listed = listed_titles(client.get("/en/blog/"))
    assert listed and [q for q in first.captured_queries if 'COUNT(*) AS "__count"' in q["sql"]]
    with CaptureQueriesContext(connection) as again:
        assert listed_titles(client.get("/en/blog/")) == listed
    assert not [q for q in again.captured_queries if 'COUNT(*) AS "__count"' in q["sql"] or "taggit_tag" in q["sql"]]

    feed = feed_titles(client.get("/en/blog/feed/"))

    (news,) = add_posts(english_blog(), 1, start=date.today())
    assert listed_titles(client.get("/en/blog/"))[0] == news.title
    assert feed_titles(client.get("/en/blog/feed/"))[0] == news.title
    news.unpublish()
    assert listed_titles(client.get("/en/blog/")) == listed
    assert feed_titles(client.get("/en/blog/feed/")) == feed


def feed_titles(response):
    return [item.findtext("title") for item in ET.fromstring(response.content).find("channel").findall("item")]


def test_the_feed_names_a_posts_authors_and_tags_as_last_published(client):
    (news,) = add_posts(english_blog(), 1, start=date.today(), tags=["gatherings"])
    item = ET.fromstring(client.get("/en/blog/feed/").content).find("channel").find("item")
    assert item.findtext("title") == news.title
    assert "Author 0" in item.findtext("{http://purl.org/dc/elements/1.1/}creator", "") + item.findtext("author", "")
    assert [c.text for c in item.findall("category")] == ["gatherings"]

    news.authors = [BlogAuthor(name="Grace Mwangi")]
    news.tags.set(["facilitation"])
    news.save_revision()
    item = ET.fromstring(client.get("/en/blog/feed/").content).find("channel").find("item")
    assert "Author 0" in ET.tostring(item, encoding="unicode")
    news.get_latest_revision().publish()
    item = ET.fromstring(client.get("/en/blog/feed/").content).find("channel").find("item")
    assert "Grace Mwangi" in ET.tostring(item, encoding="unicode")
    assert [c.text for c in item.findall("category")] == ["facilitation"]
