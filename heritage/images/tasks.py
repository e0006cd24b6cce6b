"""Renditions made by the task worker after an upload, so pages never wait on them."""

from django.tasks import task

from wagtail.images import get_image_model

from .renditions import PUBLIC_RENDITION_SPECS


def renditions_make(image) -> int:
    """Create the image's missing public renditions, in bulk; existing ones (for its
    current focal point) are left alone. Returns how many were made."""
    before = image.renditions.count()
    image.get_renditions(*PUBLIC_RENDITION_SPECS)
    return image.renditions.count() - before


@task
def renditions_generate(image_id: int) -> int:
    """Make every missing public rendition of one image. An image deleted since the task
    was queued is skipped."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    return renditions_make(image)
