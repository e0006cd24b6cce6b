"""Signed, expiring links that confirm a person reads the inbox of her account's email address.

A token carries the user's id and a keyed digest of her id and current email address, signed
with a timestamp. It proves nothing about any other address: once she changes her email, old
links stop working. Nothing readable about the address itself travels in the URL.
"""

import enum
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

VERIFY_EMAIL_MAX_AGE = timedelta(days=3)

_SIGNER_SALT = "heritage.accounts.verify-email"
_DIGEST_SALT = "heritage.accounts.verify-email.digest"


class VerificationStatus(enum.StrEnum):
    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class TokenCheck:
    """What a verification link turned out to be, and whose it is when that is known."""

    status: VerificationStatus
    user: object | None = None


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_SIGNER_SALT)


def _digest(user, secret: str) -> str:
    return salted_hmac(
        _DIGEST_SALT, f"{user.pk}|{user.email}", secret=secret, algorithm="sha256"
    ).hexdigest()[:32]


def email_verification_token_make(user) -> str:
    """A token for a link that confirms `user`'s current email address for three days."""
    return _signer().sign(f"{user.pk}:{_digest(user, settings.SECRET_KEY)}")


def email_verification_token_check(token: str, *, max_age: timedelta = VERIFY_EMAIL_MAX_AGE) -> TokenCheck:
    """Check a verification token without changing anything.

    VALID: authentic, fresh, for her current address, not yet verified. USED: that address is
    already verified. EXPIRED: authentic and for her current address, but too old (the user is
    returned so a new link can be sent). INVALID: anything else — tampered, for an address she
    no longer has, or for an account that is gone or disabled.
    """
    signer = _signer()
    expired = False
    try:
        value = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        expired = True
        value = signer.unsign(token)
    except signing.BadSignature:
        return TokenCheck(VerificationStatus.INVALID)

    pk, _, digest = value.partition(":")
    if not pk.isdigit():
        return TokenCheck(VerificationStatus.INVALID)
    user = get_user_model()._default_manager.filter(pk=int(pk), is_active=True).first()
    if user is None:
        return TokenCheck(VerificationStatus.INVALID)
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    if not any(constant_time_compare(_digest(user, secret), digest) for secret in secrets):
        return TokenCheck(VerificationStatus.INVALID)
    if user.email_verified_at is not None:
        return TokenCheck(VerificationStatus.USED, user)
    if expired:
        return TokenCheck(VerificationStatus.EXPIRED, user)
    return TokenCheck(VerificationStatus.VALID, user)
