"""Demo of the workflows: a second team's organizer, an independent facilitator, and work awaiting review.

A newcomer who logs in as `moderator` finds a guide chapter waiting for approval, `reviewer-sw` a Kiswahili
translation and `organizer` a KNLS circle. Each item is submitted once: after it has been reviewed, running
`load_demo` again does not submit it again.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from circles.models import CircleFacilitator, LearningCirclePage, TeamMember, TeamPage
from guides.models import GuideChapterPage

DRAFT_NOTE = (
    "<p>New in this edition: after each circle, ask two learners whether they would like to facilitate "
    "the next one. Most new facilitators start this way.</p>"
)
DEMO_CIRCLE_SLUG = "digital-skills-buruburu"


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _never_submitted(page):
    return not WorkflowState.objects.for_instance(page).exists()


def ensure_second_organizer():
    """`organizer-b` organizes the Chicago team: they must see nothing of KNLS's circles."""
    chicago = TeamPage.objects.filter(slug="chicago", locale=Locale.get_default()).first()
    user = _user("organizer-b")
    if chicago is not None and user is not None:
        TeamMember.objects.get_or_create(team=chicago, user=user, defaults={"role": TeamMember.Role.ORGANIZER})


def submit_chapter_draft():
    editor = _user("editor")
    chapter = GuideChapterPage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if editor is None or chapter is None or not _never_submitted(chapter):
        return
    draft = chapter.get_latest_revision_as_object()
    draft.body.append(("paragraph", _rich(DRAFT_NOTE)))
    draft.save_revision(user=editor)
    chapter.refresh_from_db()
    chapter.get_workflow().start(chapter, editor)


def _rich(html):
    from wagtail.rich_text import RichText

    return RichText(html)


def submit_kiswahili_translation():
    translator = _user("translator-sw")
    sw = Locale.objects.filter(language_code="sw").first()
    if translator is None or sw is None:
        return
    source_chapter = GuideChapterPage.objects.filter(locale=Locale.get_default()).order_by("-path").first()
    chapter = source_chapter.get_translation_or_none(sw) if source_chapter else None
    if chapter is None or not _never_submitted(chapter):
        return
    translation = Translation.objects.filter(
        source__object_id=chapter.translation_key, target_locale=sw, enabled=True
    ).first()
    if translation is None:
        return
    translation.save_target(user=translator, publish=False)
    chapter.refresh_from_db()
    chapter.get_workflow().start(chapter, translator)


def submit_team_circle():
    """A facilitator's new KNLS circle, waiting for the team's organizer."""
    facilitator = _user("facilitator")
    knls = TeamPage.objects.filter(slug="knls", locale=Locale.get_default()).first()
    if facilitator is None or knls is None or knls.get_children().filter(slug=DEMO_CIRCLE_SLUG).exists():
        return
    circle = LearningCirclePage(
        slug=DEMO_CIRCLE_SLUG,
        title="Digital skills at Buruburu library",
        venue_name="Buruburu Library",
        city="Nairobi",
        country="Kenya",
        time_zone="Africa/Nairobi",
        facilitators=[CircleFacilitator(user=facilitator)],
        owner=facilitator,
        live=False,
    )
    circle.fill_weekly_meetings(timezone.localdate() + timedelta(days=21), weeks=6)
    knls.add_child(instance=circle)
    circle.save_revision(user=facilitator)
    circle.refresh_from_db()
    circle.get_workflow().start(circle, facilitator)


def load(home):
    ensure_second_organizer()
    submit_chapter_draft()
    submit_kiswahili_translation()
    submit_team_circle()
