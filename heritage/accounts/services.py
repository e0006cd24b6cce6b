"""Account writes: signing up, confirming an email address, the language of our emails.

Emails leave only after the surrounding transaction commits, through the task queue.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from heritage.accounts.signals import email_verified
from heritage.accounts.tasks import password_reset_email_send, verification_email_send
from heritage.accounts.tokens import TokenCheck, VerificationStatus, email_verification_token_check
from heritage.email_address import email_canonical

# One verification email a minute per account is plenty, and keeps a mistyped or hostile
# address from being flooded.
VERIFICATION_EMAIL_INTERVAL = 60


@transaction.atomic
def user_sign_up(*, email: str, password: str, language: str):
    """Create an account with an unconfirmed address and send the confirmation link.

    Raises IntegrityError if the address is taken (callers check first; this only happens in
    a race).
    """
    user = get_user_model().objects.create_user(
        email=email_canonical(email), password=password, language=language
    )
    verification_email_request(user=user)
    return user


def verification_email_request(*, user) -> bool:
    """Send `user` a new confirmation link, at most once a minute.

    Returns False, sending nothing, if her address is already confirmed or she asked less
    than a minute ago.
    """
    if user.email_verified_at is not None:
        return False
    if not cache.add(f"accounts:verification-email:{user.pk}", True, VERIFICATION_EMAIL_INTERVAL):
        return False
    transaction.on_commit(lambda: verification_email_send.enqueue(user_id=user.pk))
    return True


def email_verify(*, token: str) -> TokenCheck:
    """Confirm the address a verification link was made for, if the link is still good.

    The link works once: afterwards it reports USED. It never confirms an address other than
    the one it was sent to.
    """
    check = email_verification_token_check(token)
    if check.status == VerificationStatus.VALID:
        user_email_mark_verified(user=check.user)
    return check


def user_email_mark_verified(*, user) -> None:
    """Record that she has shown she reads her account's inbox (first time only)."""
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        email_verified.send(sender=user.__class__, user=user)


def user_language_set(*, user, language: str) -> None:
    """Choose the language of our emails to `user`; one of settings.LANGUAGES."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}")
    user.language = language
    user.save(update_fields=["language"])


def password_reset_email_request(*, user) -> None:
    """Send `user` a link to choose a new password, once the transaction commits."""
    transaction.on_commit(lambda: password_reset_email_send.enqueue(user_id=user.pk))
