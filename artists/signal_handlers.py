from heritage.accounts.signals import email_verified


def claim_listed_profile(sender, user, **kwargs):
    from .services import artist_claim_by_email

    artist_claim_by_email(user=user)


def register_signal_handlers():
    email_verified.connect(claim_listed_profile, dispatch_uid="artists.claim_listed_profile")
