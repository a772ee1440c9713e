from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.spam import SpamProtectedForm


class CircleAdminForm(WagtailAdminPageForm):
    """The circle editor, with a helper that fills in weekly meetings."""

    fill_first_date = forms.DateField(
        label=_("Add weekly meetings from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date of the first meeting. Leave empty to edit meetings by hand."),
    )
    fill_start_time = forms.TimeField(
        label=_("Start time"), required=False, initial="18:00", widget=forms.TimeInput(attrs={"type": "time"})
    )
    fill_weeks = forms.IntegerField(label=_("Number of weeks"), required=False, initial=6, min_value=1, max_value=52)
    fill_duration = forms.IntegerField(
        label=_("Minutes per meeting"), required=False, initial=90, min_value=15, max_value=480
    )

    def save(self, commit=True):
        page = super().save(commit=False)
        first_date = self.cleaned_data.get("fill_first_date")
        if first_date:
            page.fill_weekly_meetings(
                first_date,
                weeks=self.cleaned_data.get("fill_weeks") or 6,
                start_time=self.cleaned_data.get("fill_start_time"),
                duration=self.cleaned_data.get("fill_duration") or 90,
            )
        if commit:
            page.save()
        return page


class SignupForm(SpamProtectedForm):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Email"), help_text=_("We send your confirmation and reminders here, and never show it to anyone.")
    )
    mobile = forms.CharField(label=_("Mobile number (optional)"), max_length=40, required=False)
    goals = forms.CharField(
        label=_("What do you hope to achieve?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    contribution = forms.CharField(
        label=_("How will you help your peers?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    custom_answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)
    consent = forms.BooleanField(
        label=_("I agree that the facilitators of this circle may see my answers and contact me about it."),
        error_messages={"required": _("Please agree so that the facilitators can contact you.")},
    )
    news_opt_in = forms.BooleanField(label=_("Send me news about learning circles (optional)"), required=False)

    field_order = ["name", "email", "mobile", "goals", "contribution", "custom_answer", "consent", "news_opt_in"]

    def __init__(self, *args, question="", **kwargs):
        super().__init__(*args, **kwargs)
        if question:
            self.fields["custom_answer"].label = question
        else:
            del self.fields["custom_answer"]
        for name, field in self.fields.items():
            if name in {"website", "form_started"}:
                continue
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["mobile"].widget.attrs["autocomplete"] = "tel"


class ConfirmForm(forms.Form):
    """An empty POST form: the button that acts on a signed link."""
