"""The image form every upload passes through: Wagtail's single and multiple upload
(`WAGTAILIMAGES_IMAGE_FORM_BASE`) and the artist's studio, which reuses it."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

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
        "file_too_many_pixels": _(
            "This image has too many pixels (%(num_pixels)s; the limit is %(max_pixels_count)s). "
            "Please choose a smaller image."
        ),
    }


class CustomImageForm(BaseImageForm):
    """Validates an upload with clear, translated messages and stores only clean bytes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if file_field is not None:
            file_field.error_messages.update(upload_error_messages(file_field.max_upload_size))
            file_field.help_text = _(
                "%(formats)s, up to %(limit)s. Location and camera details are removed."
            ) % {"formats": ALLOWED, "limit": filesizeformat(file_field.max_upload_size)}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        upload.seek(0)
        try:
            clean = sanitize_image(upload.read(), upload.name)
        except UnsupportedImage:
            raise ValidationError(
                self.fields["file"].error_messages["invalid_image"], code="invalid_image"
            ) from None
        return SanitizedFile(clean.content, name=clean.filename)


def image_upload_form(*, upload, title: str, alt_text: str, user):
    """The image form bound to one photo uploaded outside the admin (the studio).

    Same limits, messages and cleaning as the admin. Wagtail offers a user only the
    collections she may add to, and artists hold no admin permissions, so the form is built
    without a user: the image goes to the root collection, recorded as uploaded by her.
    """
    image_model = get_image_model()
    root = Collection.get_first_root_node()
    return get_image_form(image_model)(
        data={"title": title[:255], "alt_text": alt_text[:255], "collection": root.pk},
        files={"file": upload},
        instance=image_model(uploaded_by_user=user, collection=root),
    )
