"""Two-factor sign-in (TOTP, an authenticator app) for the staff who can see orders and payouts.

Buyers' addresses and artists' money sit behind the shop's admin screens, so a stolen staff
password alone must not open them: superusers, anyone holding a permission on orders,
payouts or the ledger, and finance staff (`heritage.manage_finance`: payout destinations,
commissions, prices, payment instructions) type a six-digit code once per session before the
Wagtail admin opens.
Editors who only write pages are not asked.

Devices are django-otp's TOTP devices. She sets one up herself the first time; after that only
an administrator can remove it (`manage.py two_factor_reset`), so someone who learns her
password cannot swap in a device of their own.
"""

from base64 import b32encode

from django.utils.safestring import SafeString, mark_safe

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from heritage.finance.fields import FINANCE_PERMISSION

# Models whose every permission (view, add, change, delete) makes a person need a second factor.
GUARDED_MODELS = frozenset({"order", "payout", "ledgerentry"})
DEVICE_NAME = "Authenticator app"


def two_factor_required(user) -> bool:
    """Whether `user` must confirm a code before the admin opens: superusers, people with any
    permission on the shop's orders, payouts or ledger, and finance staff (directly or
    through a group)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if FINANCE_PERMISSION in permissions:
        return True
    for permission in permissions:
        app_label, _, codename = permission.partition(".")
        if app_label == "shop" and codename.partition("_")[2] in GUARDED_MODELS:
            return True
    return False


def totp_device_get(user) -> TOTPDevice | None:
    """Her confirmed authenticator, if she has set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def totp_device_for_setup(user) -> TOTPDevice:
    """The not-yet-confirmed device she is setting up (the same one on every visit until she
    confirms it, so reloading the page does not change the secret)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def totp_device_confirm(device: TOTPDevice) -> None:
    """She typed a right code from her new device: it is hers from now on."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()


def two_factor_reset(user) -> int:
    """Remove every second-factor device of `user` (she lost her phone). She sets up a new one
    at her next sign-in. Returns how many devices were removed."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def secret_grouped(device: TOTPDevice) -> str:
    """The device's secret as an authenticator app asks for it: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, *, title: str) -> SafeString:
    """The otpauth:// address as an inline SVG QR code (no script, no external image)."""
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5, title=title))  # noqa: S308
