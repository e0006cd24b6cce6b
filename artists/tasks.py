"""Artist emails, sent by the task worker after the decision is committed."""

from django.tasks import task
from django.urls import reverse
from django.utils import translation

from heritage.emails import editors_notify, email_build, email_send_later, site_url
from heritage.finance import mask
from heritage.models import SiteSettings

from .models import ArtistProfile

DECISION_TEMPLATES = {
    ArtistProfile.Status.APPROVED: "artists/email/approved",
    ArtistProfile.Status.REJECTED: "artists/email/rejected",
    ArtistProfile.Status.SUSPENDED: "artists/email/suspended",
}


@task
def artist_decision_notify(*, artist_id: int) -> bool:
    """Tell the artist an editor approved, rejected or suspended her profile."""
    artist = ArtistProfile.objects.select_related("user").filter(pk=artist_id).first()
    if artist is None or artist.user is None or artist.status not in DECISION_TEMPLATES:
        return False
    language = artist.user.language
    with translation.override(language):
        studio = site_url(reverse("artists:studio"))
    email_send_later(
        email_build(
            to=[artist.user.email],
            language=language,
            template=DECISION_TEMPLATES[artist.status],
            context={"artist": artist, "studio_url": studio},
        )
    )
    return True


@task
def application_received_notify(*, artist_id: int) -> int:
    """Tell the editors a new application is waiting for review."""
    artist = ArtistProfile.objects.filter(pk=artist_id).first()
    if artist is None:
        return 0
    return editors_notify(
        permission="artists.change_artistprofile",
        template="artists/email/application_received",
        context={"artist": artist, "admin_url": site_url("/admin/snippets/artists/artistprofile/")},
    )


@task
def payout_destination_changed_notify(*, artist_id: int, by_herself: bool = False) -> bool:
    """Tell the artist, in her language, that where her money goes has changed and that
    payouts wait until the hold ends; the details are masked, in case the email is read by
    someone else."""
    artist = ArtistProfile.objects.select_related("user").filter(pk=artist_id).first()
    if artist is None or artist.user is None:
        return False
    language = artist.user.language
    with translation.override(language):
        studio = site_url(reverse("artists:payout-details"))
    email_send_later(
        email_build(
            to=[artist.user.email],
            language=language,
            template="artists/email/payout_destination_changed",
            context={
                "artist": artist,
                "by_herself": by_herself,
                "stripe_account": mask(artist.stripe_account_id),
                "payout_details": mask(artist.payout_details),
                "held_until": artist.payouts_held_until,
                "contact_email": SiteSettings.load().contact_email,
                "payouts_url": studio,
            },
        )
    )
    return True
