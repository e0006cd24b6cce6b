"""Forms of the artist's studio for her works.

Every photo goes through the site's one upload pipeline — Wagtail's image form, built on
`heritage.images.forms.CustomImageForm` — so the studio stores exactly what the admin would:
an upright image without location or camera details, or a clear refusal in her language.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from heritage.images.forms import ALLOWED, image_upload_form

from .models import Artwork, Medium

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"
FIRST_IMAGES_MAX = 6
EARLIEST_YEAR = 1900

ALT_TEXT_HELP = _(
    "Describe the work for someone who cannot see it: colours, subject, technique. "
    "For example: “Red and gold suzani with large pomegranates on white cotton”."
)


def file_help_text():
    """The same words as the admin's upload form: what we accept and what we remove."""
    return _("%(formats)s, up to %(limit)s. Location and camera details are removed.") % {
        "formats": ALLOWED,
        "limit": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
    }


class CentimetreField(forms.DecimalField):
    """A size in centimetres: a comma works as the decimal mark, and it is kept to 1 mm."""

    def __init__(self, **kwargs):
        super().__init__(
            min_value=Decimal("0.1"),
            max_digits=6,
            decimal_places=1,
            required=False,
            widget=forms.NumberInput(attrs={"step": "any", "min": "0.1", "inputmode": "decimal"}),
            **kwargs,
        )
        self.error_messages["min_value"] = _("A size must be more than zero.")

    def prepare_value(self, value):
        # 80 rather than 80.0 in the box she edits.
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return super().prepare_value(value)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        number = super().to_python(value)
        return None if number is None else number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def model_label(name: str):
    """The model field's own (translated) name, so each label is translated once."""
    return capfirst(Artwork._meta.get_field(name).verbose_name)


class MediumChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ArtworkForm(forms.ModelForm):
    """The details of a work she can change while it is a draft or needs changes."""

    year = forms.IntegerField(
        label=model_label("year"),
        required=False,
        min_value=EARLIEST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    medium = MediumChoiceField(
        label=model_label("medium"),
        queryset=Medium.objects.all(),
        required=False,
        empty_label=_("Not chosen"),
    )
    width_cm = CentimetreField(label=model_label("width_cm"))
    height_cm = CentimetreField(label=model_label("height_cm"))
    depth_cm = CentimetreField(label=model_label("depth_cm"))

    class Meta:
        model = Artwork
        fields = [
            "title",
            "year",
            "medium",
            "materials",
            "width_cm",
            "height_cm",
            "depth_cm",
            "description",
            "tags",
        ]
        help_texts = {
            "materials": _("For example: silk thread on cotton."),
            "description": _("What it shows, how you made it, what it means to you."),
            "tags": _("Words buyers might search for, separated by commas: suzani, silk, pomegranate."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year > timezone.now().year:
            raise forms.ValidationError(_("The year cannot be in the future."), code="future_year")
        return year


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked by the image pipeline later."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > FIRST_IMAGES_MAX:
            raise forms.ValidationError(
                ngettext(
                    "Choose up to %(count)s photo here; you can add more after saving.",
                    "Choose up to %(count)s photos here; you can add more after saving.",
                    FIRST_IMAGES_MAX,
                )
                % {"count": FIRST_IMAGES_MAX},
                code="too_many",
            )
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]


def _copy_image_errors(form, image_form, *, file_field: str, alt_field: str, prefix: str = ""):
    """Show the pipeline's refusals on our own fields, next to what she chose or typed."""
    for name, errors in image_form.errors.items():
        if name == "alt_text" and form.has_error(alt_field):
            continue
        target = {"file": file_field, "alt_text": alt_field}.get(name)
        for error in errors:
            form.add_error(target, f"{prefix}{error}")


class ArtworkCreateForm(ArtworkForm):
    """A new work's details and, if she likes, its first photos with one description."""

    images = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    images_alt_text = forms.CharField(
        label=_("Description of the photos"),
        required=False,
        max_length=255,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.image_forms = []
        self.fields["images"].help_text = _(
            "%(file_help)s You can also add photos one by one after saving."
        ) % {"file_help": file_help_text()}

    def clean(self):
        cleaned_data = super().clean()
        uploads = cleaned_data.get("images") or []
        alt_text = (cleaned_data.get("images_alt_text") or "").strip()
        if uploads and not alt_text and not self.has_error("images_alt_text"):
            self.add_error("images_alt_text", ArtworkImageUploadForm.alt_text_required)
        title = cleaned_data.get("title")
        if not title:
            return cleaned_data
        for upload in uploads:
            image_form = image_upload_form(upload=upload, alt_text=alt_text, title=title, user=self.user)
            if image_form.is_valid():
                self.image_forms.append(image_form)
            else:
                _copy_image_errors(
                    self,
                    image_form,
                    file_field="images",
                    alt_field="images_alt_text",
                    prefix=f"{upload.name}: " if len(uploads) > 1 else "",
                )
        return cleaned_data


class ArtworkImageUploadForm(forms.Form):
    """One more photo of a work, with the description every image must have."""

    alt_text_required = _("Describe the photo for people who cannot see it.")

    file = forms.FileField(
        label=_("Photo"),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={"required": _("Choose a photo of the work.")},
    )
    alt_text = forms.CharField(
        label=_("Description of the photo"),
        max_length=255,
        help_text=ALT_TEXT_HELP,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": alt_text_required},
    )

    def __init__(self, *args, artwork: Artwork, user, **kwargs):
        # Its own ids, apart from the details form on the same page.
        kwargs.setdefault("auto_id", "upload_%s")
        super().__init__(*args, **kwargs)
        self.artwork = artwork
        self.user = user
        self.image_form = None
        self.fields["file"].help_text = file_help_text()

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload:
            # Checked even without a description, so she hears about both at once.
            image_form = image_upload_form(
                upload=upload,
                alt_text=(cleaned_data.get("alt_text") or "").strip(),
                title=self.artwork.title,
                user=self.user,
            )
            if image_form.is_valid():
                self.image_form = image_form
            else:
                _copy_image_errors(self, image_form, file_field="file", alt_field="alt_text")
        return cleaned_data
