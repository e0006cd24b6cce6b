"""Studio forms: applying, editing her profile, claiming a profile made on her behalf.

Every photo she sends goes through the site's one upload pipeline (`image_upload_form`), so
the studio refuses what the admin refuses and stores the same clean bytes.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heritage.images.forms import image_upload_form

from .models import ArtistProfile, Discipline

MAX_SAMPLES = 5

# Letters a Russian or Tajik keyboard types that look like the Latin ones in a claim code.
CYRILLIC_LOOKALIKES = str.maketrans("АВСЕНКМРТХУ", "ABCEHKMPTXY")


def image_form_errors(image_form, filename: str) -> list[str]:
    """The refusals of one file, each naming the file so she knows which photo to replace."""
    return [
        gettext("%(file)s: %(error)s") % {"file": filename, "error": error}
        for errors in image_form.errors.values()
        for error in errors
    ]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one `<input type="file" multiple>`; cleans to a list."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        clean_one = super().clean
        return [clean_one(f, initial) for f in files]


class DisciplineField(forms.ModelMultipleChoiceField):
    """Ticks for what she makes, each named in the language of the page."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Discipline.objects.all(),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=_("What do you make?"),
            help_text=_("Tick all that apply."),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.name


class ProfileFieldsForm(forms.ModelForm):
    """What she tells the public about herself, and her private phone number.

    Only the fields listed in `Meta.fields` are read from the request: her account, status,
    slug and commission are never hers to send.
    """

    disciplines = DisciplineField()
    # What buyers see of her, shown together in the application and the profile form.
    PUBLIC_FIELDS = ("display_name", "bio", "statement", "disciplines", "region", "show_location")

    @property
    def public_fields(self):
        return [self[name] for name in self.PUBLIC_FIELDS]

    class Meta:
        model = ArtistProfile
        fields = ["display_name", "bio", "statement", "disciplines", "region", "show_location", "phone"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "bio": forms.Textarea(attrs={"rows": 5}),
            "statement": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "bio": _("A few sentences about you and your craft: where you learnt it, what you make."),
            "statement": _("What your work means to you, in your own words."),
            "show_location": _(
                "If you tick this, your region (for example Sughd) appears on your public page. "
                "Leave it empty to keep your region private. We never show a town or an address."
            ),
            "phone": _(
                "Private: only our editors see it, to reach you about your application and sales. "
                "Buyers never see it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Choose your region")), *self.fields["region"].choices[1:]]

    def profile_data(self) -> dict:
        """The cleaned profile fields, ready for the service."""
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class ArtistApplicationForm(ProfileFieldsForm):
    """Her application: the profile fields and one to five photos of her work."""

    samples = MultipleFileField(
        label=_("Photos of your work"),
        help_text=_(
            "Choose 1 to 5 photos. JPEG, PNG, WebP or HEIC, up to 25 MB each. "
            "Location and camera details are removed from every photo."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, user, **kwargs):
        # Her own account from the start, so the model's rules for profiles listed on an
        # artist's behalf (without an account) never apply.
        kwargs["instance"] = ArtistProfile(user=user)
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["bio"].required = True
        self.sample_forms = []

    def clean(self):
        cleaned_data = super().clean()
        uploads = cleaned_data.get("samples") or []
        if len(uploads) > MAX_SAMPLES:
            self.add_error(
                "samples",
                gettext("Please choose at most %(count)s photos; you chose %(chosen)s.")
                % {"count": MAX_SAMPLES, "chosen": len(uploads)},
            )
            return cleaned_data
        name = cleaned_data.get("display_name") or ""
        # With another field refused nothing is saved: the photos are only checked (from their
        # headers), and decoded one by one only when the rest of the application is right.
        sanitize = not self.errors
        errors = []
        for number, upload in enumerate(uploads, start=1):
            image_form = image_upload_form(
                upload=upload,
                title=f"{name or 'Artist'} sample {number}",
                alt_text=gettext("Sample work by %(name)s") % {"name": name or gettext("the artist")},
                user=self.user,
                sanitize=sanitize,
            )
            if image_form.is_valid():
                self.sample_forms.append(image_form)
            else:
                errors += image_form_errors(image_form, upload.name)
        if errors:
            self.add_error("samples", errors)
        return cleaned_data


class ArtistProfileForm(ProfileFieldsForm):
    """Her profile in the studio: everything she applied with, her links and a portrait."""

    portrait_file = forms.FileField(
        label=_("New portrait"),
        required=False,
        help_text=_(
            "A photo of you, or of your hands at work. JPEG, PNG, WebP or HEIC, up to 25 MB. "
            "Location and camera details are removed."
        ),
        widget=forms.FileInput(attrs={"accept": "image/*"}),
    )
    portrait_alt = forms.CharField(
        label=_("Describe your portrait"),
        required=False,
        max_length=255,
        help_text=_(
            "Needed with a portrait, for people who cannot see the picture, "
            "e.g. “Madina at her embroidery frame”."
        ),
    )

    class Meta(ProfileFieldsForm.Meta):
        fields = [*ProfileFieldsForm.Meta.fields, "website", "instagram", "telegram"]
        widgets = {
            **ProfileFieldsForm.Meta.widgets,
            "website": forms.URLInput(attrs={"autocomplete": "url", "inputmode": "url"}),
            "instagram": forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
            "telegram": forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
        }
        help_texts = {
            **ProfileFieldsForm.Meta.help_texts,
            "instagram": _("Your user name, e.g. @madina.art"),
            "telegram": _("Your channel's name, e.g. @madina_art"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.portrait_form = None
        portrait = self.instance.portrait
        self.fields["portrait_alt"].initial = (
            portrait.alt_text
            if portrait
            else gettext("Portrait of %(name)s") % {"name": self.instance.display_name}
        )
        if portrait:
            self.fields["portrait_file"].label = _("Replace your portrait")

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("portrait_file")
        alt_text = (cleaned_data.get("portrait_alt") or "").strip()
        if (upload or self.instance.portrait) and not alt_text:
            self.add_error(
                "portrait_alt",
                gettext("Please describe your portrait for people who cannot see it."),
            )
            return cleaned_data
        if upload:
            name = cleaned_data.get("display_name") or self.instance.display_name
            image_form = image_upload_form(
                upload=upload, title=f"{name} portrait", alt_text=alt_text, user=self.user
            )
            if image_form.is_valid():
                self.portrait_form = image_form
            else:
                self.add_error("portrait_file", image_form_errors(image_form, upload.name))
        return cleaned_data


class ClaimForm(forms.Form):
    """The one-time code an editor gave her, typed however she likes."""

    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        help_text=_(
            "Eight letters and numbers, e.g. ABCD-2345. Capital or small letters, "
            "with or without the dash, are all fine."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        typed = self.cleaned_data["code"].upper().translate(CYRILLIC_LOOKALIKES)
        code = "".join(ch for ch in typed if ch.isascii() and ch.isalnum())
        if len(code) != 8:
            raise forms.ValidationError(
                _("The code has eight letters and numbers, like ABCD-2345. Please check it and try again."),
                code="format",
            )
        return code


DETAILS_NEEDED = _(
    "Please write where we should send your money: your bank details, "
    "or where and to whom we hand over the cash."
)


class PayoutDetailsForm(forms.Form):
    """How she is paid, set by herself. Her password is asked again, so someone who finds
    her phone signed in cannot send her money elsewhere; a wrong one keeps everything else
    she typed."""

    payout_method = forms.ChoiceField(
        label=_("How should we pay you?"),
        widget=forms.RadioSelect,
        choices=[("bank", _("Bank transfer")), ("cash", _("Cash"))],
    )
    payout_details = forms.CharField(
        label=_("Your details"),
        max_length=1000,
        error_messages={"required": DETAILS_NEEDED},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For a bank transfer: the bank, the account number or card, and the name on it. "
            "For cash: where and to whom we hand it over. Only you and our finance team see this."
        ),
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To keep your money safe, please type the password you sign in with."),
    )

    def __init__(self, *args, artist, user, **kwargs):
        kwargs.setdefault(
            "initial", {"payout_method": artist.payout_method, "payout_details": artist.payout_details}
        )
        super().__init__(*args, **kwargs)
        self.user = user
        if artist.payout_method == "stripe":
            # Set up with our finance team; she may keep it or move to bank or cash.
            self.fields["payout_method"].choices = [
                ("stripe", _("Stripe Connect")),
                *self.fields["payout_method"].choices,
            ]
            self.fields["payout_details"].required = False

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Please type it again."), code="wrong_password"
            )
        return password

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("payout_method") in {"bank", "cash"} and not cleaned_data.get("payout_details"):
            self.add_error("payout_details", DETAILS_NEEDED)
        return cleaned_data
