from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if self.device is not None and not self.device.verify_is_allowed()[0]:
            raise forms.ValidationError(
                _("Too many wrong codes in a row. Wait a few seconds, then try the current code.")
            )
        if not token.isdigit() or self.device is None or not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not valid. Check your app's clock and try the current code."))
        return token
