"""Writes about artists: applying, editors' decisions, assisted listing and claiming, and
where her money goes.

Every decision is recorded on the profile and told to the artist by email in her own
language, after the transaction commits.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogContext

from . import tasks
from .models import ArtistProfile

CLAIM_CODE_DAYS = 30
PAYOUT_HOLD = timedelta(hours=48)
CLAIM_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud over the phone


class ArtistError(Exception):
    """A request that breaks a rule about artists; the message, translatable, is for the
    person who asked."""


def _notify(task, **kwargs):
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@transaction.atomic
def artist_apply(*, user, display_name: str, region: str, **fields) -> ArtistProfile:
    """Create her application (status `applied`) and tell the editors.

    `fields` are profile fields (bio, statement, show_location, disciplines, …). One
    profile per account: applying twice raises ArtistError.
    """
    if ArtistProfile.objects.filter(user=user).exists():
        raise ArtistError(_("Your account already has an artist profile."))
    disciplines = fields.pop("disciplines", [])
    samples = fields.pop("samples", [])
    artist = ArtistProfile.objects.create(
        user=user,
        display_name=display_name,
        slug=ArtistProfile.unique_slug(display_name),
        region=region,
        status=ArtistProfile.Status.APPLIED,
        **fields,
    )
    artist.disciplines.set(disciplines)
    for order, image in enumerate(samples):
        artist.samples.create(image=image, sort_order=order)
    artist.save()
    _notify(tasks.application_received_notify, artist_id=artist.pk)
    return artist


def _decide(artist: ArtistProfile, *, status, by, reason: str = "") -> ArtistProfile:
    artist.status = status
    artist.rejection_reason = reason
    artist.reviewed_at = timezone.now()
    artist.reviewed_by = by
    artist.save(update_fields=["status", "rejection_reason", "reviewed_at", "reviewed_by", "updated_at"])
    return artist


@transaction.atomic
def artist_approve(*, artist: ArtistProfile, by) -> ArtistProfile:
    """Approve an application (or lift a suspension): her portfolio becomes public."""
    _decide(artist, status=ArtistProfile.Status.APPROVED, by=by)
    _notify(tasks.artist_decision_notify, artist_id=artist.pk)
    return artist


@transaction.atomic
def artist_reject(*, artist: ArtistProfile, by, reason: str) -> ArtistProfile:
    """Turn down an application; she reads the reason in her email and her studio."""
    if not reason.strip():
        raise ArtistError(_("Give the artist a reason."))
    _decide(artist, status=ArtistProfile.Status.REJECTED, by=by, reason=reason.strip())
    _notify(tasks.artist_decision_notify, artist_id=artist.pk)
    return artist


@transaction.atomic
def artist_suspend(*, artist: ArtistProfile, by, reason: str) -> ArtistProfile:
    """Hide her portfolio and every work at once (public reads require `approved`)."""
    if not reason.strip():
        raise ArtistError(_("Give the artist a reason."))
    _decide(artist, status=ArtistProfile.Status.SUSPENDED, by=by, reason=reason.strip())
    _notify(tasks.artist_decision_notify, artist_id=artist.pk)
    return artist


def _claim_code_digest(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def artist_claim_code_issue(*, artist: ArtistProfile, by) -> str:
    """A one-time code an editor gives an artist (in person or by phone) so she can take
    over the profile listed on her behalf. Only its digest is kept; it expires in 30 days."""
    raw = "".join(secrets.choice(CLAIM_ALPHABET) for _ in range(8))
    artist.claim_code_hash = _claim_code_digest(raw)
    artist.claim_code_expires_at = timezone.now() + timezone.timedelta(days=CLAIM_CODE_DAYS)
    artist.save(update_fields=["claim_code_hash", "claim_code_expires_at", "updated_at"])
    return f"{raw[:4]}-{raw[4:]}"


@transaction.atomic
def artist_claim(*, user, code: str) -> ArtistProfile:
    """Attach the profile that `code` was issued for to `user`; the code then stops working."""
    if ArtistProfile.objects.filter(user=user).exists():
        raise ArtistError(_("Your account already has an artist profile."))
    artist = (
        ArtistProfile.objects.select_for_update()
        .filter(
            user__isnull=True,
            claim_code_hash=_claim_code_digest(code),
            claim_code_expires_at__gt=timezone.now(),
        )
        .first()
    )
    if artist is None:
        raise ArtistError(_("This code is not valid or has expired. Ask the editor for a new one."))
    artist.user = user
    artist.claim_code_hash = ""
    artist.claim_code_expires_at = None
    artist.save(update_fields=["user", "claim_code_hash", "claim_code_expires_at", "updated_at"])
    return artist


# What an artist may change about her own profile in the studio. Status, slug, account,
# commission and consent are the editors' to set.
ARTIST_EDITABLE_FIELDS = frozenset(
    {
        "display_name",
        "bio",
        "statement",
        "region",
        "show_location",
        "website",
        "instagram",
        "telegram",
        "phone",
    }
)


@transaction.atomic
def artist_profile_update(
    *, artist: ArtistProfile, disciplines=None, portrait=None, portrait_alt_text: str = "", **fields
) -> ArtistProfile:
    """Save the changes she makes to her own profile in the studio.

    Only `ARTIST_EDITABLE_FIELDS`, her disciplines and her portrait are written, so saving
    never changes her status (even if an editor decided while she was typing) and the slug
    stays as it is: links she has shared keep working after she changes her name. A new
    `portrait` (an image already through the upload pipeline) replaces the old one; without
    one, `portrait_alt_text` updates the description of the portrait she has.
    """
    unknown = set(fields) - ARTIST_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable by the artist: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(artist, name, value)
    if portrait is not None:
        artist.portrait = portrait
    elif portrait_alt_text and artist.portrait and artist.portrait.alt_text != portrait_alt_text:
        artist.portrait.alt_text = portrait_alt_text
        artist.portrait.save(update_fields=["alt_text"])
    update_fields = [*fields, "portrait", "updated_at"]
    if disciplines is not None:
        artist.disciplines.set(disciplines)
        update_fields.append("disciplines")
    artist.save(update_fields=update_fields)
    return artist


@transaction.atomic
def artist_reapply(*, artist: ArtistProfile) -> ArtistProfile:
    """Send a turned-down application to the editors again, once she has changed her profile.

    Only a rejected profile can be sent again; it goes back to `applied` and the editors are
    told, as for a new application.
    """
    current = ArtistProfile.objects.select_for_update().get(pk=artist.pk)
    if current.status != ArtistProfile.Status.REJECTED:
        raise ArtistError(
            _("Your application is already with the editors, so there is nothing to send again.")
        )
    artist.status = ArtistProfile.Status.APPLIED
    artist.rejection_reason = ""
    artist.save(update_fields=["status", "rejection_reason", "updated_at"])
    _notify(tasks.application_received_notify, artist_id=artist.pk)
    return artist


@transaction.atomic
def artist_claim_by_email(*, user) -> ArtistProfile | None:
    """After she confirms her email: the profile an editor listed for that address becomes
    hers, unless she already has one. Returns the profile, or None."""
    if ArtistProfile.objects.filter(user=user).exists():
        return None
    artist = (
        ArtistProfile.objects.select_for_update()
        .filter(user__isnull=True, claim_email=user.email)  # both canonical: compared exactly
        .exclude(claim_email="")
        .first()
    )
    if artist is None:
        return None
    artist.user = user
    artist.claim_code_hash = ""
    artist.claim_code_expires_at = None
    artist.save(update_fields=["user", "claim_code_hash", "claim_code_expires_at", "updated_at"])
    return artist


# How she may be paid when she chooses herself: a Stripe Connect account is set up with our
# finance staff, who enter its id.
ARTIST_PAYOUT_METHODS = ("bank", "cash")


@transaction.atomic
def artist_payout_details_update(*, artist: ArtistProfile, by, payout_method: str, payout_details: str):
    """She sets how she is paid, from her studio, after typing her password again (the view
    checks it). The change goes through the same rule as an editor's: logged, emailed to
    her, and her payouts wait `PAYOUT_HOLD`."""
    if payout_method not in ARTIST_PAYOUT_METHODS and payout_method != artist.payout_method:
        raise ArtistError(_("Choose bank transfer or cash."))
    artist.payout_method = payout_method
    artist.payout_details = payout_details.strip()
    with LogContext(user=by):
        artist.save(update_fields=["payout_method", "payout_details", "updated_at"])
    return artist


def artist_payout_destination_changed(*, artist: ArtistProfile, by=None) -> ArtistProfile:
    """Her payout method, Stripe account or payout details just changed (by finance staff or
    by her): no payout for `PAYOUT_HOLD`, and she is told by email, so a change she did not
    make is noticed before any money leaves. Called inside the saving transaction."""
    artist.payouts_held_until = timezone.now() + PAYOUT_HOLD
    ArtistProfile.objects.filter(pk=artist.pk).update(payouts_held_until=artist.payouts_held_until)
    _notify(
        tasks.payout_destination_changed_notify,
        artist_id=artist.pk,
        by_herself=by is not None and by.pk == artist.user_id,
    )
    return artist
