"""Blocks shared by every content app, and the one body StreamBlock they build on."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        help_text=_("Use h2 for sections; h3 only inside an h2 section."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value.get("text") or "")
        return context

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        description = _("A section heading; it also appears in the page's table of contents.")
        preview_value = {"text": "Gather a team", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "home/blocks/captioned_image.html"
        description = _("An image with alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=120, help_text=_("Who said it."))
    role = blocks.CharBlock(required=False, max_length=160, help_text=_("Their role or organisation."))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        description = _("A quotation with the name and role of the person quoted.")
        preview_value = {
            "text": "When your colleagues have buy-in, they will not let the programme die.",
            "attribution": "Juliana Muchai",
            "role": "Learning circle coordinator, KNLS",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an outside address: exactly one of the two."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("Outside link"))
    label = blocks.CharBlock(required=False, max_length=80, help_text=_("Defaults to the page title."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an outside link, not both."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "home/blocks/link.html"
        description = _("A link to a page of this site or to another site.")
        preview_value = {"url": "https://community.p2pu.org/", "label": "Community forum"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action.html"
        description = _("A highlighted invitation to act, with one button.")
        preview_value = {
            "title": "Start a learning circle",
            "text": "Anyone can start one, for free, at their local library.",
            "link": {"url": "https://www.p2pu.org/", "label": "Find out how"},
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, max_length=120, help_text=_("Defaults to the document title."))

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link.html"
        description = _("A link to download a document, with its file type and size.")


class EmbedWithCaptionBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text=_("A YouTube or Vimeo address, for example."))
    title = blocks.CharBlock(max_length=160, help_text=_("Describes the video for screen readers."))

    class Meta:
        icon = "media"
        template = "home/blocks/embed.html"
        description = _("A video or other media embedded from another site.")


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="home/blocks/paragraph.html",
        icon="pilcrow",
        description=_("Text with bold, italic, links and lists."),
        preview_value="<p>A learning circle is a group of people who meet to learn something together.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedWithCaptionBlock()
    table = TableBlock(
        template="home/blocks/table.html",
        icon="table",
        description=_("A simple table; the first row can be a header."),
        table_options={"contextMenu": ["row_above", "row_below", "remove_row", "col_left", "col_right", "remove_col"]},
    )
    document = DocumentLinkBlock()
