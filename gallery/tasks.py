"""Artwork emails, sent by the task worker after the decision is committed."""

from django.tasks import task
from django.urls import reverse
from django.utils import translation

from heritage.emails import editors_notify, email_build, email_send_later, site_url

from .models import Artwork

DECISION_TEMPLATES = {
    Artwork.Status.PUBLISHED: "gallery/email/artwork_published",
    Artwork.Status.REJECTED: "gallery/email/artwork_rejected",
}


@task
def artwork_decision_notify(*, artwork_id: int) -> bool:
    """Tell the artist her work was published or needs changes."""
    artwork = Artwork.objects.select_related("artist__user").filter(pk=artwork_id).first()
    if artwork is None or artwork.artist.user is None or artwork.status not in DECISION_TEMPLATES:
        return False
    user = artwork.artist.user
    with translation.override(user.language):
        edit_url = site_url(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}))
    email_send_later(
        email_build(
            to=[user.email],
            language=user.language,
            template=DECISION_TEMPLATES[artwork.status],
            context={"artwork": artwork, "artist": artwork.artist, "edit_url": edit_url},
        )
    )
    return True


@task
def artwork_submitted_notify(*, artwork_id: int) -> int:
    """Tell the editors a work is waiting for review."""
    artwork = Artwork.objects.select_related("artist").filter(pk=artwork_id).first()
    if artwork is None:
        return 0
    return editors_notify(
        permission="gallery.change_artwork",
        template="gallery/email/artwork_submitted",
        context={"artwork": artwork, "admin_url": site_url("/admin/snippets/gallery/artwork/")},
    )
