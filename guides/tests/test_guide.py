"""The organizer guide: tree rules, blocks, agenda times, step numbers, the printable guide."""

import re
from datetime import time
from html import escape

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guides.blocks import AgendaBlock, GuideStreamBlock, format_minutes
from guides.factories import GuideChapterPageFactory
from guides.models import GuideChapterPage, GuideIndexPage, ResourceIndexPage, ResourcePage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def english_guide():
    return GuideIndexPage.objects.get(locale=Locale.get_default())


def main_of(html):
    return re.search(r"<main.*?</main>", html, re.S).group(0)


class TestGuideTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuideChapterPage})
        self.assertAllowedParentPageTypes(GuideChapterPage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuideChapterPage, set())

    def test_one_guide_per_home(self):
        home = HomePage.objects.get(locale=Locale.get_default())
        assert not GuideIndexPage.can_create_at(home)
        assert not ResourceIndexPage.can_create_at(home)

    def test_editor_can_create_a_chapter_through_the_admin_form(self):
        self.login()
        self.assertCanCreate(
            english_guide(),
            GuideChapterPage,
            nested_form_data(
                {
                    "title": "Evaluate your programme",
                    "slug": "evaluate",
                    "summary": "Find out what worked.",
                    "quote_text": "",
                    "quote_author": "",
                    "quote_role": "",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Ask learners", "level": "h2"}),
                            ("paragraph", rich_text("<p>Use the feedback form.</p>")),
                        ]
                    ),
                }
            ),
        )


def test_guide_index_shows_letter_chapters_credits_and_licence(client):
    html = main_of(client.get("/en/guide/").content.decode())
    assert "Karibu! Welcome!" in html
    assert "Richard Atuti" in html and "Director, KNLS" in html
    assert "Version 2.0" in html and "January 2019" in html
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license"' in html
    assert "Open Society Initiative for East Africa" in html
    assert "<li>Yusuf Ganyana</li>" in html and html.index("Abdikadir Diba") < html.index("Yusuf Ganyana")
    for number, chapter in enumerate(english_guide().chapters(), start=1):
        assert f'Step {number}</p>\n        <h3><a href="{chapter.url}">{chapter.title}</a>' in html
    assert "minute read" in html
    assert 'href="/en/guide/print/"' in html


def test_chapter_has_quote_contents_and_neighbours(client):
    html = main_of(client.get("/en/guide/gather-a-team/").content.decode())
    assert "Organizer guide</a> · Step 2" in html
    assert "your colleagues will not allow the programme to die" in html
    assert 'Juliana Muchai, <span class="quote__role">Learning circle coordinator, KNLS</span>' in html
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    for anchor in [
        "generate-interest-and-buy-in",
        "find-the-right-people-and-places",
        "reach-out-to-potential-facilitators",
    ]:
        assert f'href="#{anchor}"' in toc
        assert f'id="{anchor}"' in html
    assert 'href="/en/guide/orient-yourself/" rel="prev"' in html
    assert 'href="/en/guide/onboard-facilitators/" rel="next"' in html


def test_first_and_last_chapters_have_one_neighbour(client):
    first = client.get("/en/guide/orient-yourself/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    last = client.get("/en/guide/join-the-global-community/").content.decode()
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_onboarding_agenda_adds_up_to_two_hours(client):
    html = main_of(client.get("/en/guide/onboard-facilitators/").content.decode())
    assert '<td class="agenda__total">2 hours</td>' in html
    for part in ["1. Check-in", "2. Coursework", "3. Reflection", "4. Planning", "5. Plus / delta"]:
        assert part in html
    assert "<td>110 min</td><td>10 minutes</td>" in html
    assert "Library patron focus group" in html
    assert 'href="/en/facilitate/weekly-check-in-activity/"' in html


def test_agenda_times_are_computed_from_minutes():
    block = AgendaBlock()
    value = block.to_python(
        {
            "title": "Meeting",
            "start_time": "14:00",
            "activities": [
                {"title": "One", "description": "a", "minutes": 15},
                {"title": "Two", "description": "b", "minutes": 50},
                {"title": "Three", "description": "c", "minutes": None},
            ],
        }
    )
    context = block.get_context(value)
    assert context["total_minutes"] == 65
    assert context["total"] == "1 hour 5 minutes"
    assert [(item["begins"], item["ends"]) for item in context["items"]] == [
        (time(14, 0), time(14, 15)),
        (time(14, 15), time(15, 5)),
        (time(15, 5), time(15, 5)),
    ]
    html = block.render(value)
    assert "14:15–15:05" in html and "1 hour 5 minutes" in html


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 minutes"), (1, "1 minute"), (45, "45 minutes"), (60, "1 hour"), (150, "2 hours 30 minutes")],
)
def test_format_minutes(minutes, text):
    assert format_minutes(minutes) == text


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return get_image_model().objects.create(title="Dashboard", file=get_test_image_file(), credit="P2PU")


def test_every_guide_block_renders_on_a_chapter(client, image):
    guide = english_guide()
    resource = ResourcePage.objects.get(slug="one-page-flyer", locale=Locale.get_default())
    stream = GuideStreamBlock()
    body = [
        ("heading", {"text": "All the blocks", "level": "h2"}),
        ("heading", {"text": "All the blocks", "level": "h3"}),
        ("paragraph", RichText("<p>Plain words.</p>")),
        ("quote", {"text": "Quoted words.", "attribution": "Someone", "role": "Librarian"}),
        ("call_to_action", {"title": "Act now", "text": "", "link": {"url": "https://example.org/", "label": "Go"}}),
        ("table", {"data": [["A", "B"], ["1", "2"]], "first_row_is_table_header": True}),
        ("activity", stream.child_blocks["activity"].meta.preview_value),
        ("agenda", stream.child_blocks["agenda"].meta.preview_value),
        ("email_template", stream.child_blocks["email_template"].meta.preview_value),
        ("checklist", stream.child_blocks["checklist"].meta.preview_value),
        ("tip", {"kind": "warning", "title": "Careful", "text": RichText("<p>Mind the cables.</p>")}),
        ("figure", {"image": image, "caption": "The organizer dashboard", "description": "Four tabs."}),
        (
            "resource_list",
            {"title": "Read next", "items": [{"page": resource, "url": "", "label": "", "note": "Print it."}]},
        ),
    ]
    chapter = GuideChapterPageFactory.build(title="Block gallery", slug="block-gallery", body=body)
    guide.add_child(instance=chapter)
    chapter.save_revision().publish()
    html = main_of(client.get("/en/guide/block-gallery/").content.decode())
    expected = [
        '<h2 id="all-the-blocks">All the blocks</h2>',
        '<h3 id="all-the-blocks-2">All the blocks</h3>',
        "Plain words.",
        "Quoted words.",
        'href="https://example.org/"',
        '<th scope="col">A</th>',
        '<h3 class="activity__title">Check-in</h3>',
        '<td class="agenda__total">25 minutes</td>',
        "Would you help start learning circles here?",
        'class="copy-button"',
        '<p class="checklist__group-title">Spokesperson</p>',
        '<div class="callout callout--warning" role="note">',
        "Watch out: Careful",
        "<picture>",
        "The organizer dashboard",
        "<summary>What the image shows</summary>",
        '<a href="/en/facilitate/one-page-flyer/">One-page flyer</a>',
    ]
    for fragment in expected:
        assert fragment in html, fragment
    # Without JavaScript the copy button stays hidden; the email stays selectable text.
    assert re.search(r'<button type="button" class="copy-button"[^>]* hidden>', html)
    assert "<script" not in html
    assert "guides/copy.js" in client.get("/en/guide/block-gallery/").content.decode()


def test_every_block_with_a_preview_renders():
    for name, block in GuideStreamBlock().child_blocks.items():
        preview = getattr(block.meta, "preview_value", None)
        if preview is None:
            continue
        html = block.render(block.to_python(block.get_prep_value(block.normalize(preview))))
        assert html.strip(), name


def test_step_numbers_follow_reordering(client):
    guide = english_guide()
    last = GuideChapterPage.objects.child_of(guide).get(slug="join-the-global-community")
    first = GuideChapterPage.objects.child_of(guide).get(slug="orient-yourself")
    last.move(first, pos="left")
    html = main_of(client.get("/en/guide/").content.decode())
    assert html.index("Participate in the global community") < html.index("Orient yourself to P2PU")
    assert 'Step 1</p>\n        <h3><a href="/en/guide/join-the-global-community/">' in html
    assert 'Step 2</p>\n        <h3><a href="/en/guide/orient-yourself/">' in html
    chapter = client.get("/en/guide/join-the-global-community/").content.decode()
    assert "Organizer guide</a> · Step 1" in chapter
    # Translations keep the number of the chapter they translate.
    assert "· Étape 1" in client.get("/fr/guide/join-the-global-community/").content.decode()


def test_translated_chapter_keeps_its_source_step_number(client):
    html = main_of(client.get("/sw/guide/").content.decode())
    assert "Mwongozo wa mratibu" in html
    assert "Ifahamu P2PU" in html and "Shiriki katika jamii ya dunia" in html
    assert 'Hatua ya 6</p>\n        <h3><a href="/sw/guide/join-the-global-community/">' in html
    assert "Mkurugenzi, KNLS" in html


def test_print_view_holds_every_chapter_in_order(client):
    response = client.get("/en/guide/print/")
    assert response.status_code == 200
    html = response.content.decode()
    main = main_of(html)
    titles = [chapter.title for chapter in english_guide().chapters()]
    assert len(titles) == 6
    positions = [main.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    assert main.index("Karibu! Welcome!") < positions[0]
    assert positions[-1] < main.index("Yusuf Ganyana")
    # Chapter headings move one level down, so each chapter's own headings are h3.
    assert '<h3 id="gather-a-team-generate-interest-and-buy-in">' in main
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "anchors must be unique on the printable page"
    assert 'href="/static/guides/print.css" media="print"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_print_stylesheet_breaks_pages_prints_links_and_hides_navigation(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("guides/print.css"), encoding="utf-8").read()  # noqa: SIM115
    assert ".guide-print__chapter { break-before: page;" in css
    assert 'content: " (" attr(href) ")"' in css
    assert ".chapter-nav" in css
    site_print = open(finders.find("css/print.css"), encoding="utf-8").read()  # noqa: SIM115
    assert ".site-header" in site_print and ".main-nav" in site_print


def test_print_view_shows_a_published_change_at_once_and_a_draft_never(client):
    client.get("/en/guide/print/")
    chapter = english_guide().chapters().first().specific
    chapter.summary = "A summary saved as a draft only."
    chapter.save_revision()
    assert "A summary saved as a draft only." not in client.get("/en/guide/print/").content.decode()
    chapter.summary = "A summary that was published."
    chapter.save_revision().publish()
    html = main_of(client.get("/en/guide/print/").content.decode())
    assert "A summary that was published." in html
    assert "A summary saved as a draft only." not in html


def test_print_view_in_another_language(client):
    html = main_of(client.get("/es/guide/print/").content.decode())
    assert "Guía para organizadores" in html
    assert html.index("Conozca P2PU") < html.index("Participe en la comunidad mundial")


def test_chapter_search_finds_guide_text(client):
    html = client.get("/en/search/?q=onboarding").content.decode()
    assert "Onboard facilitators" in html


def test_guide_index_query_count_is_constant(client, django_assert_max_num_queries):
    guide = english_guide()
    chapters = list(GuideChapterPage.objects.child_of(guide))
    chapters[-1].delete()
    assert GuideChapterPage.objects.child_of(guide).count() == 5
    client.get("/en/guide/")
    with django_assert_max_num_queries(40) as few:
        assert client.get("/en/guide/").status_code == 200
    with django_assert_max_num_queries(40) as few_print:
        client.get("/en/guide/print/")
    body = chapters[1].body.raw_data
    for i in range(45):
        chapter = GuideChapterPageFactory.build(title=f"Extra chapter {i}", slug=f"extra-{i}", body=list(body))
        guide.add_child(instance=chapter)
    assert GuideChapterPage.objects.child_of(guide).live().count() == 50
    client.get("/en/guide/")
    with django_assert_max_num_queries(40) as many:
        assert client.get("/en/guide/").content.decode().count("minute read") == 50
    assert len(many.captured_queries) == len(few.captured_queries)
    # The printable guide resolves each chapter's resource links, but its own queries stay the same.
    with django_assert_max_num_queries(400) as many_print:
        client.get("/en/guide/print/")
    assert len(many_print.captured_queries) <= len(few_print.captured_queries) + 45 * 5


def test_resource_page_needs_exactly_one_target():
    page = ResourcePage(title="Both", slug="both", kind="video", summary="x", link_url="https://a.example/")
    page.video_url = "https://b.example/"
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "exactly one" in str(error.value)
    page.link_url = page.video_url = ""
    with pytest.raises(ValidationError):
        page.clean()


class TestBlockPreviews(WagtailPageTestCase):
    def test_guide_blocks_preview_in_the_admin(self):
        self.login()
        stream = GuideChapterPage._meta.get_field("body").stream_block
        for name in ["activity", "agenda", "email_template", "checklist", "tip", "resource_list"]:
            block = stream.child_blocks[name]
            response = self.client.get("/admin/block-preview/", {"id": block.definition_prefix})
            assert response.status_code == 200, name
            html = response.content.decode()
            assert "guides/guides.css" in html, name
            assert escape(block.meta.preview_value["title"]) in html, name
