"""Upload rules for documents: allowed extensions come from WAGTAILDOCS_EXTENSIONS; this adds
a size limit and refuses markup (HTML, SVG, XML) whatever the file is called, because a
browser could run script from it."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body", b"<iframe")


def looks_like_markup(uploaded):
    position = uploaded.tell()
    uploaded.seek(0)
    start = uploaded.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    uploaded.seek(position)
    return start.startswith(MARKUP_STARTS)


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "size") and not getattr(uploaded, "_committed", False):
            if uploaded.size > settings.DOCUMENT_MAX_UPLOAD_SIZE:
                raise forms.ValidationError(
                    _("This file is %(size)s; documents can be at most %(limit)s.")
                    % {
                        "size": filesizeformat(uploaded.size),
                        "limit": filesizeformat(settings.DOCUMENT_MAX_UPLOAD_SIZE),
                    }
                )
            if looks_like_markup(uploaded):
                raise forms.ValidationError(_("Web pages and SVG files can't be uploaded as documents."))
        return uploaded
