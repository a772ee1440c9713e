"""Blocks for the organizer guide: activities, agendas, email templates, checklists,
tips, figures and lists of resources, on top of the shared body blocks."""

import datetime
import uuid

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks

from home.blocks import BodyStreamBlock, CaptionedImageBlock, LinkBlock


def heading_level(parent_context, base):
    """A block's heading level: one deeper in the printable guide, where chapter titles are h2."""
    offset = (parent_context or {}).get("heading_offset", 0) or 0
    return min(6, base + int(offset))


def format_minutes(minutes):
    """'2 hours', '1 hour 15 minutes', '45 minutes', in the active language."""
    hours, rest = divmod(int(minutes or 0), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)


class ResourceLinkBlock(LinkBlock):
    """A link to a facilitator resource of this site, or to an outside address."""

    page = blocks.PageChooserBlock(
        page_type="guides.ResourcePage",
        required=False,
        label=_("Resource"),
        help_text=_("A resource from the facilitator resources library."),
    )
    note = blocks.CharBlock(required=False, max_length=200, help_text=_("Optional: what the reader will find there."))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        target = value.get("page")
        current = (parent_context or {}).get("page")
        if target is not None and getattr(current, "locale_id", None) != target.locale_id:
            # A translated chapter links to the resource's translation where there is one.
            target = target.localized
        context["target"] = target
        return context

    class Meta:
        icon = "link"
        template = "guides/blocks/resource_link.html"
        preview_template = "guides/blocks/preview.html"
        description = _("A link to a facilitator resource or to another site.")
        preview_value = {
            "url": "https://community.p2pu.org/",
            "label": "Weekly check-in activity",
            "note": "Ideas for opening questions.",
        }


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(help_text=_("What the activity is for and how it runs."))
    discussion_prompt = blocks.TextBlock(
        required=False, help_text=_("What the person leading the meeting can say, word for word.")
    )
    task = blocks.TextBlock(required=False, label=_("Task to complete"), help_text=_("What is done at the end."))
    resources = blocks.ListBlock(ResourceLinkBlock(), required=False, default=[], label=_("Resources"))
    minutes = blocks.IntegerBlock(
        min_value=1, max_value=600, required=False, help_text=_("Estimated time in minutes; agendas add these up.")
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["duration"] = format_minutes(value.get("minutes")) if value.get("minutes") else ""
        context["activity_level"] = heading_level(parent_context, 3)
        return context

    class Meta:
        icon = "group"
        template = "guides/blocks/activity.html"
        preview_template = "guides/blocks/preview.html"
        description = _("An activity with its purpose, a discussion prompt, a task, resources and its length.")
        preview_value = {
            "title": "Check-in",
            "description": "Everyone says who they are and what they hope to get from the meeting.",
            "discussion_prompt": "What brings you here today? I will go first.",
            "task": "Everyone knows each other's names.",
            "resources": [],
            "minutes": 15,
        }


class AgendaBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    introduction = blocks.TextBlock(required=False)
    start_time = blocks.TimeBlock(
        required=False, help_text=_("Optional: when the meeting starts, to show the clock time of each part.")
    )
    activities = blocks.ListBlock(ActivityBlock(), min_num=1, label=_("Activities"))

    @staticmethod
    def schedule(value):
        """[(activity, start offset in minutes, end offset)] and the total minutes."""
        rows, elapsed = [], 0
        for activity in value.get("activities") or []:
            minutes = activity.get("minutes") or 0
            rows.append((activity, elapsed, elapsed + minutes))
            elapsed += minutes
        return rows, elapsed

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows, total = self.schedule(value)
        start = value.get("start_time")
        items = []
        for number, (activity, begin, end) in enumerate(rows, start=1):
            item = {
                "number": number,
                "activity": activity,
                "duration": format_minutes(end - begin) if end > begin else "",
                "begin_offset": begin,
            }
            if start:
                day = datetime.datetime.combine(datetime.date(2000, 1, 1), start)
                item["begins"] = (day + datetime.timedelta(minutes=begin)).time()
                item["ends"] = (day + datetime.timedelta(minutes=end)).time()
            items.append(item)
        context.update(
            {
                "items": items,
                "total_minutes": total,
                "total": format_minutes(total),
                "agenda_level": heading_level(parent_context, 3),
                "activity_level": heading_level(parent_context, 4),
            }
        )
        return context

    class Meta:
        icon = "list-ol"
        template = "guides/blocks/agenda.html"
        preview_template = "guides/blocks/preview.html"
        description = _("A meeting agenda: activities in order, with each one's time and the total worked out.")
        preview_value = {
            "title": "Onboarding meeting",
            "introduction": "",
            "start_time": None,
            "activities": [
                {"title": "Check-in", "description": "Introductions.", "minutes": 15, "resources": []},
                {"title": "Plus / delta", "description": "One thing that worked, one to change.", "minutes": 10},
            ],
        }


class EmailTemplateBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text=_("For example: Sample email to colleagues."))
    subject = blocks.CharBlock(max_length=200)
    body = blocks.TextBlock(help_text=_("Plain text; line breaks are kept."))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Ids tie the copy button to its text; several templates can share a page.
        context["element_id"] = f"email-{uuid.uuid4().hex[:8]}"
        return context

    class Meta:
        icon = "mail"
        template = "guides/blocks/email_template.html"
        preview_template = "guides/blocks/preview.html"
        description = _("An email readers can copy and adapt, with a copy button.")
        preview_value = {
            "title": "Sample email",
            "subject": "Would you help start learning circles here?",
            "body": "Hi there,\n\nI am looking for a few colleagues to pilot learning circles with me.",
        }


class ChecklistGroupBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300, label=_("Item")), min_num=1)

    class Meta:
        icon = "tasks"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    groups = blocks.ListBlock(ChecklistGroupBlock(), min_num=1, label=_("Groups"))

    class Meta:
        icon = "tasks"
        template = "guides/blocks/checklist.html"
        preview_template = "guides/blocks/preview.html"
        description = _("Titled groups of items to tick off, such as an organizer's tasks.")
        preview_value = {
            "title": "The organizer's roles",
            "groups": [
                {"title": "Leader", "items": ["Host team training workshops.", "Keep laptops and projector ready."]},
                {"title": "Spokesperson", "items": ["Share your team's outcomes on the forum."]},
            ],
        }


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("note", _("Note")), ("warning", _("Watch out"))],
        default="tip",
        help_text=_("Sets the label and colour."),
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["label"] = dict(self.child_blocks["kind"].field.choices).get(value.get("kind"), _("Tip"))
        return context

    class Meta:
        icon = "help"
        template = "guides/blocks/tip.html"
        preview_template = "guides/blocks/preview.html"
        description = _("A highlighted tip, note or warning beside the main text.")
        preview_value = {
            "kind": "tip",
            "title": "Start small",
            "text": "<p>Four to twelve people is a good size for a first team.</p>",
        }


class FigureBlock(CaptionedImageBlock):
    description = blocks.TextBlock(
        required=False,
        label=_("Long description"),
        help_text=_("For screenshots and charts: what the image shows, for readers who can't see it."),
    )

    class Meta:
        icon = "image"
        template = "guides/blocks/figure.html"
        preview_template = "guides/blocks/preview.html"
        description = _("An image such as a screenshot, with a caption and an optional long description.")


class ResourceListBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(ResourceLinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "list-ul"
        template = "guides/blocks/resource_list.html"
        preview_template = "guides/blocks/preview.html"
        description = _("A list of facilitator resources or outside links.")
        preview_value = {
            "title": "Explain learning circles to colleagues",
            "items": [
                {"url": "https://www.p2pu.org/", "label": "Introductory video"},
                {"url": "https://www.p2pu.org/", "label": "One-page flyer"},
            ],
        }


class GuideStreamBlock(BodyStreamBlock):
    activity = ActivityBlock()
    agenda = AgendaBlock()
    email_template = EmailTemplateBlock()
    checklist = ChecklistBlock()
    tip = TipBlock()
    figure = FigureBlock()
    resource_list = ResourceListBlock()
