from django import forms
from django.utils.translation import gettext_lazy as _

from gathering.models import ExtraQuestion
from home.spam import SpamProtectedForm


class RegistrationDetailsForm(forms.Form):
    """What a registrant tells us; also the form on their manage page."""

    name = forms.CharField(label=_("Your name"), max_length=160, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Your role"),
        max_length=160,
        required=False,
        help_text=_("For example: librarian, facilitator, team organizer."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    city = forms.CharField(
        label=_("City"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    country = forms.CharField(
        label=_("Country"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "country-name"}),
    )
    circles_facilitated = forms.IntegerField(
        label=_("How many learning circles have you facilitated?"), min_value=0, max_value=1000, initial=0
    )
    pre_event_requested = forms.BooleanField(label=_("I would like to attend the pre-event"), required=False)
    dietary_needs = forms.CharField(
        label=_("Dietary needs"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Anything that would help you take part fully."),
    )
    travel_support_requested = forms.BooleanField(label=_("I am asking for travel support"), required=False)
    travel_support_reason = forms.CharField(
        label=_("Why do you need travel support?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    open_space_session = forms.CharField(
        label=_("A session you would like to lead in the open space (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photo_consent = forms.BooleanField(label=_("You may use photos of me taken at the gathering"), required=False)

    def __init__(self, *args, gathering, **kwargs):
        super().__init__(*args, **kwargs)
        self.gathering = gathering
        if not gathering.has_pre_event:
            del self.fields["pre_event_requested"]
        else:
            self.fields["pre_event_requested"].label = _("I would like to attend the pre-event: %(event)s") % {
                "event": gathering.pre_event_title
            }
        self.questions = list(gathering.extra_questions.all())
        for question in self.questions:
            self.fields[f"extra_{question.key}"] = self._question_field(question)

    @staticmethod
    def _question_field(question):
        common = {"label": question.label, "required": question.required, "help_text": question.help_text}
        kind = ExtraQuestion.Kind
        if question.kind == kind.LONG_TEXT:
            return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 3}), **common)
        if question.kind == kind.SINGLE_CHOICE:
            return forms.ChoiceField(choices=[(c, c) for c in question.choice_list], widget=forms.RadioSelect, **common)
        if question.kind == kind.CHECKBOX:
            return forms.BooleanField(**common)
        return forms.CharField(max_length=500, **common)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("travel_support_requested") and not (cleaned.get("travel_support_reason") or "").strip():
            self.add_error("travel_support_reason", _("Please tell us briefly why you need travel support."))
        return cleaned

    def details(self):
        """Cleaned data for the registration service, with extra answers keyed by question."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if not name.startswith("extra_") and name not in ("website", "form_started")
        }
        data["answers"] = {question.key: self.cleaned_data.get(f"extra_{question.key}") for question in self.questions}
        return data

    @property
    def extra_fields(self):
        return [self[f"extra_{question.key}"] for question in self.questions]

    @property
    def detail_fields(self):
        skip = {"email", "privacy_consent", "invitation_code", "website", "form_started"}
        return [field for field in self if field.name not in skip and not field.name.startswith("extra_")]


class RegistrationForm(SpamProtectedForm, RegistrationDetailsForm):
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Registering again with the same email updates your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    invitation_code = forms.CharField(label=_("Invitation code (if you were given one)"), max_length=40, required=False)
    privacy_consent = forms.BooleanField(
        label=_("I agree that my answers are stored to organise the gathering, as the privacy notice explains"),
        error_messages={"required": _("We can only register you if you agree to the privacy notice.")},
    )

    field_order = ["name", "email"]
