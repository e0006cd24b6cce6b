from heritage.accounts.signals import email_verified

from .services import artist_claim_by_email


def claim_listed_profile(sender, user, **kwargs):
    artist_claim_by_email(user=user)


def register_signal_handlers():
    email_verified.connect(claim_listed_profile, dispatch_uid="artists.claim_listed_profile")
