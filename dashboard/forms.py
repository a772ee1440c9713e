from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from circles.models import TeamMember
from dashboard.models import MeetingFeedback, MeetingReminder


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=TeamMember.Role.choices, initial=TeamMember.Role.FACILITATOR)
    message = forms.CharField(
        label=_("Personal message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, team=None, **kwargs):
        self.team = team
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.team is not None:
            from dashboard.access import team_members

            if any((member.user.email or "").lower() == email for member in team_members(self.team)):
                raise forms.ValidationError(_("Someone with this address is already a member of the team."))
        return email


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How did the meeting go?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = badly, 5 = very well."),
    )

    class Meta:
        model = MeetingFeedback
        fields = ["rating", "attendance", "reflection"]


class ReminderForm(forms.ModelForm):
    class Meta:
        model = MeetingReminder
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


class NewAccountForm(forms.Form):
    """The invitee's account: their address is the invited one and can't be changed here."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            user = get_user_model()(username=self.email, email=self.email, first_name=cleaned.get("first_name", ""))
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self):
        User = get_user_model()
        username = self.email[:150]
        if User.objects.filter(username__iexact=username).exists():
            username = f"{username[:140]}-{User.objects.count()}"
        user = User(
            username=username,
            email=self.email,
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data.get("last_name", ""),
        )
        user.set_password(self.cleaned_data["password1"])
        user.save()
        return user
