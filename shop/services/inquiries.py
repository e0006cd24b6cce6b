"""Questions and commission requests between a buyer and an artist, relayed by the site so
neither learns the other's email address."""

from django.db import transaction

from artists.models import ArtistProfile
from gallery.models import Artwork

from ..models import Inquiry, InquiryMessage
from .notify import inquiry_message_added, send_on_commit


def inquiry_create(
    *,
    artwork: Artwork,
    name: str,
    email: str,
    body: str,
    kind: str = Inquiry.Kind.QUESTION,
    user=None,
    language: str = "en",
) -> Inquiry:
    """A buyer asks about a published work; the artist is emailed (in her language) with a
    link to answer in her studio. Her address is never shown to the buyer, nor the buyer's to her."""
    with transaction.atomic():
        inquiry = Inquiry.objects.create(
            artwork=artwork,
            artist=artwork.artist,
            user=user if user is not None and user.is_authenticated else None,
            name=name.strip(),
            email=email.strip().lower(),
            kind=kind,
            language=language,
        )
        InquiryMessage.objects.create(inquiry=inquiry, sender=InquiryMessage.Sender.BUYER, body=body.strip())
        _notify_on_commit(inquiry, InquiryMessage.Sender.BUYER)
    return inquiry


def inquiry_reply(inquiry: Inquiry, *, sender: str, body: str) -> InquiryMessage:
    """Add a message to the conversation: from the artist (the buyer is emailed the answer and
    a link to reply) or from the buyer (the artist is emailed)."""
    with transaction.atomic():
        message = InquiryMessage.objects.create(inquiry=inquiry, sender=sender, body=body.strip())
        inquiry.status = (
            Inquiry.Status.ANSWERED if sender == InquiryMessage.Sender.ARTIST else Inquiry.Status.OPEN
        )
        inquiry.save(update_fields=["status", "updated_at"])
        _notify_on_commit(inquiry, sender)
    return message


def inquiry_close(inquiry: Inquiry) -> Inquiry:
    inquiry.status = Inquiry.Status.CLOSED
    inquiry.save(update_fields=["status", "updated_at"])
    return inquiry


def inquiries_for_artist(artist: ArtistProfile):
    """Her conversations, newest activity first, with the work each is about."""
    return artist.inquiries.select_related("artwork").prefetch_related("messages")


def _notify_on_commit(inquiry: Inquiry, sender: str) -> None:
    send_on_commit(inquiry_message_added, inquiry_id=inquiry.pk, by=sender)
