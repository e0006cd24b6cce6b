"""Recovery codes: what lets a staff member in when her phone is lost, without anyone at a
server shell.

They are django-otp's static tokens: ten random codes on one `StaticDevice`, each deleted when
it is used. She sees them once, right after setting up her authenticator (or after making new
ones, which needs a fresh code and replaces the old set). The code page accepts one instead of
the six digits; each use is logged and she is told how many remain.
"""

import logging

from django.db import transaction

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

logger = logging.getLogger("heritage.accounts")

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Recovery codes"
# The new codes, kept in the session only until the page that shows them once has done so.
SHOW_SESSION_KEY = "two_factor_recovery_codes"


def recovery_codes_create(user) -> list[str]:
    """Ten new recovery codes for `user`, replacing any she had; returned for showing once."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_device_get(user) -> StaticDevice | None:
    """The device holding her recovery codes, if she has any."""
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def recovery_codes_left(user) -> int:
    """How many of her recovery codes are still unused."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recovery_code_normalise(typed: str) -> str:
    """A code as stored (lower-case base32, eight letters) from what she typed: case, spaces
    and the hyphen in the middle do not matter."""
    return "".join(typed.split()).replace("-", "").lower()


def recovery_code_use(user, typed: str) -> StaticDevice | None:
    """Spend one of her recovery codes: the device it belongs to, or None if it is not one of
    hers (django-otp slows down repeated wrong guesses). Each use is logged."""
    device = recovery_device_get(user)
    if device is None:
        return None
    allowed, _details = device.verify_is_allowed()
    if not allowed or not device.verify_token(recovery_code_normalise(typed)):
        return None
    logger.warning("%s signed in with a recovery code; %d left.", user.email, recovery_codes_left(user))
    return device


def recovery_code_display(code: str) -> str:
    """A code as shown to her: two groups of four, easier to copy by hand."""
    return f"{code[:4]}-{code[4:]}"
