from heritage.accounts.signals import email_verified
from heritage.finance import finance_fields_changed

from .models import PAYOUT_DESTINATION_FIELDS, ArtistProfile
from .services import artist_claim_by_email, artist_payout_destination_changed


def claim_listed_profile(sender, user, **kwargs):
    artist_claim_by_email(user=user)


def hold_payouts_on_new_destination(sender, instance, changes, by, **kwargs):
    if any(change.name in PAYOUT_DESTINATION_FIELDS for change in changes):
        artist_payout_destination_changed(artist=instance, by=by)


def register_signal_handlers():
    email_verified.connect(claim_listed_profile, dispatch_uid="artists.claim_listed_profile")
    finance_fields_changed.connect(
        hold_payouts_on_new_destination,
        sender=ArtistProfile,
        dispatch_uid="artists.hold_payouts_on_new_destination",
    )
