from django import forms
from django.utils.translation import gettext_lazy as _

from heritage.email_fields import CanonicalEmailFormField


class EventRegistrationForm(forms.Form):
    """What a visitor gives to take a place: her name, an email for the confirmation and the
    cancel link, and a phone number if she wants to be called about changes."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = CanonicalEmailFormField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send your confirmation and a link to cancel here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        help_text=_("Only to tell you about a change of time or place."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "registration")
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name
