"""Images on public pages are responsive renditions in modern formats."""

import re

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from circles.factories import build_circle
from circles.models import CircleFacilitator, CircleIndexPage, TeamPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(title="Learners at the library", file=get_test_image_file(size=(1600, 900)))


def sources(html):
    return re.findall(r'<source[^>]+type="(image/[a-z]+)"[^>]+srcset="([^"]+)"', html) + re.findall(
        r'<source[^>]+srcset="([^"]+)"[^>]+type="(image/[a-z]+)"', html
    )


def assert_responsive(html):
    assert "<picture>" in html
    formats = " ".join(str(match) for match in sources(html))
    assert "image/avif" in formats
    assert "image/webp" in formats
    srcset = re.search(r'<img[^>]+srcset="([^"]+)"', html).group(1)
    assert srcset.count("w,") >= 1, "the fallback image offers more than one width"


def test_circle_and_team_images_are_responsive_and_modern(client, image):
    english = Locale.get_default()
    circle = build_circle(title="Circle with a photo", slug="circle-with-photo", image=image)
    circle.facilitators = [CircleFacilitator(name="Fa")]
    CircleIndexPage.objects.get(locale=english).add_child(instance=circle)
    circle.save_revision().publish()
    assert_responsive(client.get(circle.url).content.decode())

    team = TeamPage.objects.get(locale=english, slug="knls")
    team.header_image = image
    team.save_revision().publish()
    assert_responsive(client.get(team.url).content.decode())
