"""The permission matrix: what each role may do, asked through real admin requests.

docs/roles.md holds the same matrix as a table; `test_docs_hold_the_same_matrix` keeps them equal.
"""

from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from circles.factories import build_circle
from circles.models import CircleFacilitator, LearningCirclePage
from guides.models import GuideChapterPage
from home.models import HomePage, StandardPage
from workflows.tests.helpers import chapter_data, circle_data, fresh, guide_index, login, team, user, workflow_action

pytestmark = pytest.mark.django_db

# role in the matrix -> demo username (None: not logged in)
ROLES = {
    "anonymous": None,
    "facilitator of team A": "facilitator",
    "organizer of team A": "organizer",
    "organizer of team B": "organizer-b",
    "independent facilitator": "facilitator-indie",
    "editor": "editor",
    "moderator": "moderator",
    "Kiswahili translator": "translator-sw",
    "Kiswahili reviewer": "reviewer-sw",
    "Spanish translator": "translator-es",
    "gathering staff": "gathering-staff",
    "administrator": "admin",
}

# action -> the roles that may do it (the administrator may do everything)
MATRIX = {
    "view a draft (guide chapter)": {"editor", "moderator"},
    "edit a guide chapter": {"editor", "moderator"},
    "submit a guide chapter for review": {"editor", "moderator"},
    "approve a guide chapter": {"moderator"},
    "publish a guide chapter": {"moderator"},
    "edit own circle of team A": {"facilitator of team A", "organizer of team A", "editor", "moderator"},
    "publish a circle of team A": {"organizer of team A", "moderator"},
    "edit a circle of team B": {"organizer of team B", "editor", "moderator"},
    "publish a circle of team B": {"organizer of team B", "moderator"},
    "edit a Kiswahili page": {"Kiswahili translator", "Kiswahili reviewer"},
    "publish a Kiswahili page": {"Kiswahili reviewer"},
    "edit a Spanish page": {"Spanish translator"},
    "publish a Spanish page": set(),
    "see circle signups of team A": {"facilitator of team A", "organizer of team A"},
    "export circle signups of team A": {"facilitator of team A", "organizer of team A"},
    "see gathering registrations": {"gathering staff"},
    "export gathering registrations": {"gathering staff"},
    "manage users": set(),
}


def allowed(action, role):
    return role == "administrator" or role in MATRIX[action]


def matrix_markdown():
    """The matrix as docs/roles.md shows it: one row per action, one column per role."""
    roles = list(ROLES)
    lines = [
        "| action | " + " | ".join(roles) + " |",
        "| --- | " + " | ".join("---" for _ in roles) + " |",
    ]
    for action in MATRIX:
        cells = ["yes" if allowed(action, role) else "no" for role in roles]
        lines.append(f"| {action} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_docs_hold_the_same_matrix():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text()
    assert matrix_markdown() in docs


# --- the objects the actions work on ------------------------------------------------------------


def standard_page_data(page, title):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": "Updated.",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def things():
    editor, facilitator = user("editor"), user("facilitator")
    chapter = GuideChapterPage(title="Matrix chapter", slug="matrix-chapter", summary="For the matrix.", owner=editor)
    guide_index().add_child(instance=chapter)
    chapter.save_revision(user=editor).publish()
    chapter.title = "Matrix chapter (draft)"
    chapter.save_revision(user=editor)
    in_review = GuideChapterPage(
        title="Chapter in review", slug="chapter-in-review", summary="Waiting.", owner=editor, live=False
    )
    guide_index().add_child(instance=in_review)
    in_review.save_revision(user=editor)
    in_review.get_workflow().start(fresh(in_review), editor)
    circle_a = build_circle(
        slug="matrix-circle-a",
        title="Matrix circle A",
        owner=facilitator,
        facilitators=[CircleFacilitator(user=facilitator)],
    )
    team("knls").add_child(instance=circle_a)
    circle_a.save_revision(user=facilitator).publish()
    circle_b = build_circle(slug="matrix-circle-b", title="Matrix circle B")
    team("chicago").add_child(instance=circle_b)
    circle_b.save_revision().publish()
    pages = {}
    for code in ("sw", "es"):
        home = HomePage.objects.get(locale__language_code=code)
        page = StandardPage(title=f"Matrix page {code}", slug=f"matrix-{code}", intro="Plain page.")
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[code] = page
    signups_circle = LearningCirclePage.objects.get(slug="public-speaking-buruburu", locale=Locale.get_default())
    return {
        "chapter": chapter,
        "in_review": in_review,
        "circle_a": circle_a,
        "circle_b": circle_b,
        "sw": pages["sw"],
        "es": pages["es"],
        "signups": signups_circle,
        "facilitator": facilitator,
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def ok(response):
    return response.status_code == 200


def can_edit(client, page):
    return ok(client.get(edit_url(page)))


def publishes(client, page, data, django_capture_on_commit_callbacks):
    before = fresh(page).live_revision_id
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(page), {**data, "action-publish": "x"})
    return fresh(page).live_revision_id != before


def run_action(action, client, things, capture):
    t = things
    if action == "view a draft (guide chapter)":
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[t["chapter"].pk]))
        return ok(response) and "Matrix chapter (draft)" in response.content.decode()
    if action == "edit a guide chapter":
        return can_edit(client, t["chapter"])
    if action == "submit a guide chapter for review":
        data = chapter_data(title="Matrix chapter (submitted)", slug="matrix-chapter", summary="For the matrix.")
        client.post(edit_url(t["chapter"]), {**data, "action-submit": "x"})
        return fresh(t["chapter"]).workflow_in_progress
    if action == "approve a guide chapter":
        with capture(execute=True):
            workflow_action(client, fresh(t["in_review"]), "approve")
        return fresh(t["in_review"]).live
    if action == "publish a guide chapter":
        data = chapter_data(title="Matrix chapter (published)", slug="matrix-chapter", summary="For the matrix.")
        return publishes(client, t["chapter"], data, capture)
    if action == "edit own circle of team A":
        return can_edit(client, t["circle_a"])
    if action == "publish a circle of team A":
        data = circle_data(title="Matrix circle A2", slug="matrix-circle-a", facilitator=t["facilitator"])
        return publishes(client, t["circle_a"], data, capture)
    if action == "edit a circle of team B":
        return can_edit(client, t["circle_b"])
    if action == "publish a circle of team B":
        return publishes(client, t["circle_b"], circle_data(title="Matrix circle B2", slug="matrix-circle-b"), capture)
    if action in ("edit a Kiswahili page", "edit a Spanish page"):
        return can_edit(client, t["sw" if "Kiswahili" in action else "es"])
    if action in ("publish a Kiswahili page", "publish a Spanish page"):
        page = t["sw" if "Kiswahili" in action else "es"]
        return publishes(client, page, standard_page_data(page, page.title + " 2"), capture)
    if action == "see circle signups of team A":
        response = client.get(f"/admin/circle-signups/{t['signups'].pk}/")
        return ok(response) and "@example.org" in response.content.decode()
    if action == "export circle signups of team A":
        response = client.get(f"/admin/circle-signups/{t['signups'].pk}/signups.csv")
        return ok(response) and response["Content-Type"].startswith("text/csv")
    if action == "see gathering registrations":
        return ok(client.get(reverse("gathering_registrations")))
    if action == "export gathering registrations":
        response = client.get(reverse("gathering_registrations") + "?export=csv")
        return ok(response) and response["Content-Type"].startswith("text/csv")
    if action == "manage users":
        return ok(client.get(reverse("wagtailusers_users:index")))
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(ROLES))
def test_permission_matrix(role, client, things, django_capture_on_commit_callbacks):
    username = ROLES[role]
    found = {}
    for action in MATRIX:
        # Each action starts from the same state: what one role did is rolled back for the next.
        with transaction.atomic():
            if username is None:
                client.logout()
            else:
                login(client, username)
            found[action] = run_action(action, client, things, django_capture_on_commit_callbacks)
            transaction.set_rollback(True)
    expected = {action: allowed(action, role) for action in MATRIX}
    wrong = {action: found[action] for action in MATRIX if found[action] != expected[action]}
    assert not wrong, f"{role}: these actions did not match the matrix (found): {wrong}"
