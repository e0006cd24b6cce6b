"""The image form every upload passes through: Wagtail's single and multiple upload
(`WAGTAILIMAGES_IMAGE_FORM_BASE`) and the artist's studio, which reuses it."""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.images import get_image_model
from wagtail.images.forms import BaseImageForm, get_image_form
from wagtail.models import Collection

from .sanitize import SanitizedFile, UnsupportedImage, sanitize_image

ALLOWED = "JPEG, PNG, WebP, HEIC"


def upload_error_messages(max_bytes: int) -> dict:
    """Our own wording of every refusal, translated into Russian and Tajik."""
    limit = filesizeformat(max_bytes)
    return {
        "invalid_image": _(
            "This file is not an image we can read. Please choose a photo in %(formats)s format."
        )
        % {"formats": ALLOWED},
        "invalid_image_extension": _(
            "This file type is not accepted. Please choose a photo in %(formats)s format."
        )
        % {"formats": ALLOWED},
        "invalid_image_known_format": _(
            "The file's name says .%(extension)s but it contains %(image_format)s. "
            "Please choose a photo in JPEG, PNG, WebP or HEIC format."
        ),
        "file_too_large": _(
            "This photo is too large (%(file_size)s). The limit is %(max_filesize)s: "
            "please choose a smaller photo or reduce its size."
        ),
        "file_too_large_unknown_size": _(
            "This photo is too large. The limit is %(max_filesize)s: please choose a smaller photo."
        )
        % {"max_filesize": limit},
    }


def too_many_pixels_message(max_pixels: int) -> str:
    """The refusal of an image over `max_pixels`, with the limit in megapixels and an example
    size a photo editor can be asked for (3:2, as cameras take them)."""
    width = math.isqrt(max_pixels * 3 // 2) // 100 * 100
    height = width * 2 // 3 // 100 * 100
    megapixels = max_pixels // 1_000_000
    # Wagtail formats the message again with its own values: a message without a "%" is left as is.
    return ngettext(
        "This image has too many pixels: the limit is %(megapixels)s megapixel. Please make it "
        "smaller in your phone's or computer's photo editor (for example %(width)s × %(height)s "
        "pixels), or choose a smaller photo.",
        "This image has too many pixels: the limit is %(megapixels)s megapixels. Please make it "
        "smaller in your phone's or computer's photo editor (for example %(width)s × %(height)s "
        "pixels), or choose a smaller photo.",
        megapixels,
    ) % {"megapixels": megapixels, "width": width, "height": height}


def max_pixels_for(user) -> int:
    """How many pixels `user` may upload: editors more than artists, whose photos come from
    phones and need far less than the admin's limit."""
    if user is not None and user.is_active and (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
        return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    return settings.HERITAGE_ARTIST_MAX_IMAGE_PIXELS


class CustomImageForm(BaseImageForm):
    """Validates an upload with clear, translated messages and stores only clean bytes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if file_field is not None:
            file_field.error_messages.update(upload_error_messages(file_field.max_upload_size))
            self.limit_pixels(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
            file_field.help_text = _(
                "%(formats)s, up to %(limit)s. Location and camera details are removed."
            ) % {"formats": ALLOWED, "limit": filesizeformat(file_field.max_upload_size)}

    def limit_pixels(self, max_pixels: int) -> None:
        """Refuse images over `max_pixels`, before any of them is decoded."""
        file_field = self.fields.get("file")
        if file_field is not None:
            file_field.max_image_pixels = max_pixels
            file_field.error_messages["file_too_many_pixels"] = too_many_pixels_message(max_pixels)

    # False: check the file (format, size, pixels: all read from its header) without decoding
    # it, for a form that will not be saved anyway (heritage.images.forms.image_upload_form).
    sanitize_upload = True

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data or not self.sanitize_upload:
            return upload
        upload.seek(0)
        try:
            clean = sanitize_image(upload, upload.name, max_pixels=self.fields["file"].max_image_pixels)
        except UnsupportedImage:
            raise ValidationError(
                self.fields["file"].error_messages["invalid_image"], code="invalid_image"
            ) from None
        return SanitizedFile(clean.content, name=clean.filename)


def image_upload_form(*, upload, title: str, alt_text: str, user, sanitize: bool = True):
    """The image form bound to one photo uploaded outside the admin (the studio).

    Same messages and cleaning as the admin; the pixel limit is the artists' unless `user` is
    staff (`max_pixels_for`). Wagtail offers a user only the
    collections she may add to, and artists hold no admin permissions, so the form is built
    without a user: the image goes to the root collection, recorded as uploaded by her.
    `sanitize=False` only checks the file, for a form whose other fields are refused: its
    photo is decoded once, when the form is sent right, not on every try.
    """
    image_model = get_image_model()
    root = Collection.get_first_root_node()
    form = get_image_form(image_model)(
        data={"title": title[:255], "alt_text": alt_text[:255], "collection": root.pk},
        files={"file": upload},
        instance=image_model(uploaded_by_user=user, collection=root),
    )
    form.limit_pixels(max_pixels_for(user))
    form.sanitize_upload = sanitize
    return form
