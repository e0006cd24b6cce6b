"""Writes about artworks: the artist drafts, adds images and submits; an editor publishes
or asks for changes; the artist may archive. Each move checks the current state."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import tasks
from .models import Artwork, ArtworkImage


class ArtworkError(Exception):
    """A move the work's current state does not allow; the message, translatable, is for the
    person who asked."""


def artwork_slug_make(*, artist, title: str, exclude_pk=None) -> str:
    base = slugify(title, allow_unicode=True)[:170] or "artwork"
    others = Artwork.objects.filter(artist=artist).exclude(pk=exclude_pk)
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _notify(task, **kwargs):
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@transaction.atomic
def artwork_image_add(*, artwork: Artwork, image) -> ArtworkImage:
    """Add an uploaded image after her other images."""
    last = artwork.images.aggregate(last=Max("sort_order"))["last"]
    return ArtworkImage.objects.create(artwork=artwork, image=image, sort_order=(last or 0) + 1)


@transaction.atomic
def artwork_images_reorder(*, artwork: Artwork, image_ids: list[int]) -> None:
    """Put her images in the given order; the first is the primary image. Ids that are not
    this work's images are ignored, and any she left out keep their place at the end."""
    images = {ai.pk: ai for ai in artwork.images.all()}
    ordered = [images[pk] for pk in image_ids if pk in images]
    ordered += [ai for pk, ai in images.items() if ai not in ordered]
    for position, artwork_image in enumerate(ordered):
        if artwork_image.sort_order != position:
            artwork_image.sort_order = position
            artwork_image.save(update_fields=["sort_order"])


@transaction.atomic
def artwork_image_make_primary(*, artwork: Artwork, artwork_image_id: int) -> None:
    ids = [ai.pk for ai in artwork.images.all()]
    if artwork_image_id in ids:
        ids.remove(artwork_image_id)
        artwork_images_reorder(artwork=artwork, image_ids=[artwork_image_id, *ids])


@transaction.atomic
def artwork_image_remove(*, artwork: Artwork, artwork_image_id: int) -> None:
    """Remove one of her images (and the image file, which nothing else uses)."""
    artwork_image = artwork.images.filter(pk=artwork_image_id).select_related("image").first()
    if artwork_image is None:
        return
    image = artwork_image.image
    artwork_image.delete()
    image.delete()


@transaction.atomic
def artwork_submit(*, artwork: Artwork) -> Artwork:
    """Send a draft (or a work that needed changes) to the editors for review."""
    if artwork.status not in {Artwork.Status.DRAFT, Artwork.Status.REJECTED}:
        raise ArtworkError(_("Only a draft or a work that needs changes can be sent for review."))
    if not artwork.images.exists():
        raise ArtworkError(_("Add at least one photo of the work before sending it for review."))
    artwork.status = Artwork.Status.SUBMITTED
    artwork.submitted_at = timezone.now()
    artwork.save(update_fields=["status", "submitted_at", "updated_at"])
    _notify(tasks.artwork_submitted_notify, artwork_id=artwork.pk)
    return artwork


@transaction.atomic
def artwork_withdraw(*, artwork: Artwork) -> Artwork:
    """Take a submitted or published work back to draft so she can change it; a published
    work leaves the public site until it is approved again."""
    if artwork.status not in {Artwork.Status.SUBMITTED, Artwork.Status.PUBLISHED}:
        raise ArtworkError(_("This work is not waiting for review or published."))
    artwork.status = Artwork.Status.DRAFT
    artwork.save(update_fields=["status", "updated_at"])
    return artwork


@transaction.atomic
def artwork_approve(*, artwork: Artwork, by) -> Artwork:
    """Publish a submitted work; it appears on her portfolio at once (if she is approved).

    Works an editor lists on behalf of an artist without an account can be published from
    draft too: nobody else will submit them.
    """
    publishable = {Artwork.Status.SUBMITTED}
    if artwork.artist.is_assisted:
        publishable |= {Artwork.Status.DRAFT, Artwork.Status.REJECTED}
    if artwork.status not in publishable:
        raise ArtworkError(_("Only a submitted work can be published."))
    if not artwork.images.exists():
        raise ArtworkError(_("A work needs at least one photo to be published."))
    artwork.status = Artwork.Status.PUBLISHED
    artwork.rejection_reason = ""
    artwork.published_at = timezone.now()
    artwork.save(update_fields=["status", "rejection_reason", "published_at", "updated_at"])
    _notify(tasks.artwork_decision_notify, artwork_id=artwork.pk)
    return artwork


@transaction.atomic
def artwork_reject(*, artwork: Artwork, by, reason: str) -> Artwork:
    """Send a submitted work back with a reason she reads in her studio and email."""
    if artwork.status != Artwork.Status.SUBMITTED:
        raise ArtworkError(_("Only a submitted work can be sent back."))
    if not reason.strip():
        raise ArtworkError(_("Give the artist a reason."))
    artwork.status = Artwork.Status.REJECTED
    artwork.rejection_reason = reason.strip()
    artwork.save(update_fields=["status", "rejection_reason", "updated_at"])
    _notify(tasks.artwork_decision_notify, artwork_id=artwork.pk)
    return artwork


@transaction.atomic
def artwork_archive(*, artwork: Artwork) -> Artwork:
    """Take a work off the site for good (it stays in her studio's archive)."""
    if artwork.status == Artwork.Status.ARCHIVED:
        return artwork
    artwork.status = Artwork.Status.ARCHIVED
    artwork.save(update_fields=["status", "updated_at"])
    return artwork
