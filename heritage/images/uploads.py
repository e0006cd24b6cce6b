"""Storing uploaded images all or nothing.

An upload stores a file in the media storage and then writes its row. If the storage fails
part way through several photos, the caller's transaction removes the rows, and the files
already stored are deleted here, so no object is left without a row.
"""

import logging

from heritage.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)


class ImageStorageUnavailable(Exception):
    """The media storage could not store an uploaded image; nothing of it was kept."""


def images_save(image_forms) -> list:
    """Save the image of each valid image form, in order, inside the caller's transaction.

    On a storage error the files stored so far are deleted (best effort, logged when even
    that fails) and `ImageStorageUnavailable` is raised; the caller's transaction must then
    roll back, which removes the rows.
    """
    saved = []
    try:
        for image_form in image_forms:
            saved.append(image_form.save())
    except STORAGE_ERRORS as error:
        logger.error("An uploaded image could not be stored: %s", error, exc_info=error)
        images_files_discard(saved)
        raise ImageStorageUnavailable(str(error)) from error
    return saved


def images_files_discard(images) -> None:
    """Delete the stored files of images whose rows are being rolled back."""
    for image in images:
        name = image.file.name
        try:
            image.file.storage.delete(name)
        except STORAGE_ERRORS:
            logger.exception("The stored file %s has no image row; delete it from the storage.", name)
