"""Blocks only gathering pages use: the agenda (days of sessions) and the FAQ."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SESSION_FORMATS = [
    ("large_group", _("Large group")),
    ("breakout", _("Breakout")),
    ("open_space", _("Open space")),
    ("social", _("Social")),
    ("meal", _("Meal")),
    ("tour", _("Tour")),
]


class AgendaSessionBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label=_("Starts"), help_text=_("Local time at the venue."))
    end = blocks.TimeBlock(label=_("Ends"))
    title = blocks.CharBlock(max_length=160)
    format = blocks.ChoiceBlock(choices=SESSION_FORMATS, default="large_group")
    room = blocks.CharBlock(max_length=120, required=False)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "time"
        label = _("Session")


class AgendaDayBlock(blocks.StructBlock):
    date = blocks.DateBlock()
    title = blocks.CharBlock(max_length=120, required=False, help_text=_("For example: Opening day."))
    sessions = blocks.ListBlock(AgendaSessionBlock())

    class Meta:
        icon = "date"
        template = "gathering/blocks/agenda_day.html"
        description = _("One day of the programme, shown as a timetable.")
        label = _("Day")


class AgendaBlock(blocks.StreamBlock):
    day = AgendaDayBlock()


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        template = "gathering/blocks/faq_item.html"
        description = _("A question and its answer; search engines read them as an FAQ.")
        preview_value = {"question": "How much does it cost?", "answer": "<p>There is no fee.</p>"}


class FAQBlock(blocks.StreamBlock):
    item = FAQItemBlock()


class GoalsBlock(blocks.StreamBlock):
    goal = blocks.CharBlock(max_length=300, icon="tick", label=_("Goal"))
