"""The buyer's return request: her reason and up to three photos, each through the site's one
upload pipeline (`image_upload_form`: limits, refusals, no location or camera data kept)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from artists.forms import MultipleFileField, MultipleFileInput, image_form_errors
from heritage.images.forms import image_upload_form

MAX_RETURN_PHOTOS = 3


class ReturnRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you want to return it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        help_text=_(
            "Up to 3 photos, for example of damage. JPEG, PNG, WebP or HEIC, up to 25 MB each. "
            "Location and camera details are removed from every photo."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/*"}),
    )

    def __init__(self, *args, order, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.user = user if user is not None and user.is_authenticated else None
        self.image_forms = []

    def clean(self):
        cleaned = super().clean()
        uploads = cleaned.get("photos") or []
        if len(uploads) > MAX_RETURN_PHOTOS:
            self.add_error(
                "photos",
                gettext("Please choose at most %(count)s photos; you chose %(chosen)s.")
                % {"count": MAX_RETURN_PHOTOS, "chosen": len(uploads)},
            )
            return cleaned
        sanitize = not self.errors
        errors = []
        for number, upload in enumerate(uploads, start=1):
            image_form = image_upload_form(
                upload=upload,
                title=f"Return {self.order.number} photo {number}",
                alt_text=gettext("Photo sent with the return of order %(number)s")
                % {"number": self.order.number},
                user=self.user,
                sanitize=sanitize,
            )
            if image_form.is_valid():
                self.image_forms.append(image_form)
            else:
                errors += image_form_errors(image_form, upload.name)
        if errors:
            self.add_error("photos", errors)
        return cleaned

    def images_save(self) -> list:
        """Store the checked photos (cleaned by the pipeline) and return them."""
        return [image_form.save() for image_form in self.image_forms]
