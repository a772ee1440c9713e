"""Tag names (blog tags, course topics) in the visitor's language, translated like any snippet."""

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogPostPage
from translations.models import TagName

pytestmark = pytest.mark.django_db


def test_a_new_tag_gets_an_english_name_that_follows_it():
    tag = Tag.objects.create(name="gardening", slug="gardening")
    name = TagName.objects.get(tag=tag)
    assert (name.name, name.locale.language_code) == ("gardening", "en")
    tag.name = "community gardening"
    tag.save()
    assert TagName.objects.get(tag=tag).name == "community gardening"


def test_blog_tags_show_in_the_readers_language(client):
    english = BlogPostPage.objects.get(slug="kansas-city-gathering-recap", locale=Locale.get_default())
    assert "gathering" in english.tags.names()
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    post = client.get(spanish.url).content.decode()
    assert ">encuentro</a>" in post and ">gathering</a>" not in post
    index = client.get(spanish.get_parent().url).content.decode()
    assert ">encuentro</a>" in index
    feed = client.get(spanish.get_parent().url + "feed/").content.decode()
    assert "<category>encuentro</category>" in feed
    # English readers keep the English name.
    assert ">gathering</a>" in client.get(english.url).content.decode()


def test_course_topics_show_in_the_readers_language(client):
    html = client.get("/fr/courses/").content.decode()
    assert ">prise de parole en public</option>" in html
    assert ">prise de parole en public</a>" in html  # on the course's card
    assert ">public speaking</option>" in client.get("/en/courses/").content.decode()


def test_translators_translate_tag_names_but_nobody_adds_one_by_hand(client):
    translator = get_user_model().objects.get(username="translator-sw")
    client.force_login(translator)
    kiswahili = TagName.objects.get(tag__slug="reading", locale__language_code="sw")
    assert client.get(f"/admin/snippets/translations/tagname/edit/{kiswahili.pk}/").status_code == 200
    listing = client.get("/admin/snippets/translations/tagname/", {"q": "kusoma"}).content.decode()
    assert "kusoma" in listing
    assert client.get("/admin/snippets/translations/tagname/add/").status_code in (302, 403)
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    assert client.get("/admin/snippets/translations/tagname/add/").status_code in (302, 403)
