"""Account forms. Email fields are typed for phone keyboards and password managers."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordMixin
from django.utils.translation import gettext_lazy as _

from heritage.accounts.services import password_reset_email_request
from heritage.email_address import EmailRefused, email_canonical
from heritage.email_fields import CanonicalEmailFormField, email_validation_error


def email_input(**attrs) -> forms.EmailInput:
    """An email box: no auto-capitalising or spell-checking on phones, filled by password managers."""
    return forms.EmailInput(
        attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false", **attrs}
    )


def language_field(**kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language of our emails to you"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        **kwargs,
    )


class SignupForm(SetPasswordMixin, forms.Form):
    """A new account: email, password twice, and the language we should write to her in."""

    email = CanonicalEmailFormField(label=_("Email"), max_length=254, widget=email_input())
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("Password"), label2=_("Password again")
    )
    language = language_field()

    error_messages = {
        **SetPasswordMixin.error_messages,
        "duplicate_email": _(
            "An account with this email address already exists. "
            "Sign in, or reset your password if you have forgotten it."
        ),
    }

    def clean_email(self):
        email = self.cleaned_data["email"]  # canonical: one account per address however typed
        if get_user_model()._default_manager.filter(email=email).exists():
            raise forms.ValidationError(self.error_messages["duplicate_email"], code="duplicate_email")
        return email

    def clean(self):
        self.validate_passwords()
        cleaned_data = super().clean()
        # Judge the password against what she typed, e.g. not too close to her address.
        candidate = get_user_model()(email=cleaned_data.get("email") or "")
        self.validate_password_for_user(candidate, password_field_name="password1")  # noqa: S106
        return cleaned_data


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with email and password; the address is matched in its canonical form, so
    letter case does not matter and a look-alike spelling is told why it is refused."""

    username = forms.CharField(label=_("Email"), max_length=254, widget=email_input(autofocus=True))

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email address or password is not right. Please check both and try again."),
    }

    def clean_username(self):
        try:
            return email_canonical(self.cleaned_data["username"])
        except EmailRefused as refused:
            raise email_validation_error(refused) from refused


class EmailPasswordResetForm(PasswordResetForm):
    """Asks for the address; the email goes out after commit, in the account's language."""

    email = CanonicalEmailFormField(label=_("Email"), max_length=254, widget=email_input(autofocus=True))

    def get_users(self, email):
        """The active account with a usable password at this (canonical) address, if any."""
        try:
            users = get_user_model()._default_manager.filter(email=email_canonical(email), is_active=True)
        except EmailRefused:
            return iter(())
        return (user for user in users if user.has_usable_password())

    def save(self, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            password_reset_email_request(user=user)


class LanguageForm(forms.Form):
    """The language of our emails to her."""

    language = language_field()
