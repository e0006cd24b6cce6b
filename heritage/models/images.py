import posixpath

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_upload_to,
    get_upload_to,
)

from heritage.images.placeholders import PlaceholderOnStorageError
from heritage.images.sanitize import SanitizedFile, sanitize_image
from heritage.storage import original_image_storage, rendition_storage

NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789"


class CustomImage(PlaceholderOnStorageError, AbstractImage):
    """Every image on the site: artworks, portraits and editorial pictures.

    Alt text is required because every artwork must be described for people who cannot
    see it. What is stored is always the sanitised original (upright, no EXIF/GPS/XMP):
    `save()` is the one point that every way in — admin single and multiple upload, the
    studio, demo content, scripts — passes through.
    """

    # Originals are private (heritage.storage): signed links for staff and the artist only.
    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        storage=original_image_storage,
        width_field="width",
        height_field="height",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe the image for someone who cannot see it, e.g. "
            '"Red and gold suzani embroidery with pomegranate motifs".'
        ),
    )
    credit = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or rights holder, shown under the image where it is used."),
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.alt_text or self.title

    def get_rendition(self, filter):
        # "original" (the admin's edit page asks for it) would publish a full-size copy among the
        # public renditions: the stored original, at its private address, stands in for it.
        if (filter if isinstance(filter, str) else filter.spec) == "original":
            return self.original_as_rendition()
        return super().get_rendition(filter)

    def original_as_rendition(self):
        """An unsaved rendition that is the stored original itself, at its private address."""
        rendition = self.get_rendition_model()(
            image=self, filter_spec="original", width=self.width, height=self.height
        )
        rendition.file = ImageFieldFile(rendition, self.file.field, self.file.name)
        return rendition

    def save(self, *args, **kwargs):
        if self.file:
            if not self.file._committed:
                # A new file: clean unless the upload form has already done so.
                if not getattr(self.file.file, "is_sanitized", False):
                    self.sanitize_file()
            elif self._state.adding:
                # Stored before the row exists, e.g. Wagtail's multiple upload copying
                # a pending upload into place.
                self.sanitize_file()
        super().save(*args, **kwargs)

    def sanitize_file(self) -> None:
        """Replace the file with its sanitised version (see heritage.images.sanitize)."""
        self.file.open("rb")
        try:
            self.file.seek(0)
            data = self.file.read()
        finally:
            if self.file._committed:
                self.file.close()
        clean = sanitize_image(data, self.file.name)
        if self.file._committed:
            old_name, storage = self.file.name, self.file.storage
            self.file.save(clean.filename, ContentFile(clean.content), save=False)
            storage.delete(old_name)
        else:
            self.file = SanitizedFile(clean.content, name=clean.filename)
        self.width, self.height = clean.width, clean.height
        self._set_image_file_metadata()


class CustomRendition(AbstractRendition):
    """A resized copy that pages show: public, and cached by browsers and the CDN for a year."""

    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")
    file = WagtailImageField(
        upload_to=get_rendition_upload_to,
        storage=rendition_storage,
        width_field="width",
        height_field="height",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def get_upload_to(self, filename):
        # A random part makes every rendition's name new, even when an original is replaced
        # by one with the same name: cached copies are "immutable" and must never go stale.
        stem, extension = posixpath.splitext(filename)
        return super().get_upload_to(f"{stem}.{get_random_string(7, NAME_CHARACTERS)}{extension}")
