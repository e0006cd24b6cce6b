"""Pages render even when the media storage cannot be reached.

A rendition that is missing must be made from the original, which means reading it from the
storage and writing the result back. When the bucket does not answer (or refuses), the image
gets a placeholder rendition — the empty, zero-sized one Wagtail's own tags use for a missing
original — and the error is logged, so a page shows its text with a blank picture frame
instead of failing. Renditions made before stay as they are: they need no storage call.
"""

import logging

from wagtail.images.models import Filter, SourceImageIOError

from heritage.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

RENDITION_ERRORS = (SourceImageIOError, *STORAGE_ERRORS)
PLACEHOLDER_NAME = "not-found"


def placeholder_rendition(image):
    """An unsaved, zero-sized rendition that stands in for one that could not be made."""
    rendition = image.get_rendition_model()(image=image, width=0, height=0)
    rendition.file.name = PLACEHOLDER_NAME
    return rendition


def is_placeholder(rendition) -> bool:
    return rendition.pk is None and rendition.file.name == PLACEHOLDER_NAME


class PlaceholderOnStorageError:
    """Image model mixin: rendition lookups never raise for storage trouble."""

    def get_rendition(self, filter: Filter | str):
        try:
            return super().get_rendition(filter)
        except RENDITION_ERRORS as error:
            _log(self, error)
            return placeholder_rendition(self)

    def get_renditions(self, *filters: Filter | str) -> dict:
        try:
            return super().get_renditions(*filters)
        except RENDITION_ERRORS as error:
            _log(self, error)
            placeholder = placeholder_rendition(self)
            return {(f if isinstance(f, str) else f.spec): placeholder for f in filters}


def _log(image, error: Exception) -> None:
    logger.error(
        "Renditions of image %s (%s) could not be made, a placeholder is shown: %s",
        image.pk,
        image.file.name,
        error,
        exc_info=error,
    )
