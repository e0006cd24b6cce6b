"""Two-step sign-in (TOTP, an authenticator app) for everyone who may open the Wagtail admin.

Buyers' addresses, artists' money and unpublished work sit behind the admin, so a stolen staff
password alone must not open it: superusers, anyone allowed into the admin, anyone holding a
permission on orders, payouts or the ledger, and finance staff (`heritage.manage_finance`)
type a six-digit code (or a recovery code, `recovery_codes.py`) once per session.

Devices are django-otp's TOTP devices. She sets one up herself the first time. The key she is
shown lives only in the session of the browser that opened the setup page, is new on every
visit, and is forgotten when she confirms it: nobody else's browser can read it, and once she
has an authenticator no pending key can be confirmed any more. After that only an
administrator can remove it (`manage.py two_factor_reset`), so someone who learns her
password cannot swap in a device of their own.
"""

import time
from base64 import b32encode

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe

import segno
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from heritage.finance.fields import FINANCE_PERMISSION

# Models whose every permission (view, add, change, delete) makes a person need a second factor.
GUARDED_MODELS = frozenset({"order", "payout", "ledgerentry"})
ADMIN_PERMISSION = "wagtailadmin.access_admin"
DEVICE_NAME = "Authenticator app"
# The key being set up, as hex, in the session of the browser that opened the setup page.
SETUP_SESSION_KEY = "two_factor_setup_key"


def two_factor_required(user) -> bool:
    """Whether `user` must confirm a code before the admin opens: superusers, everyone allowed
    into the Wagtail admin, people with any permission on the shop's orders, payouts or ledger,
    and finance staff (directly or through a group)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if ADMIN_PERMISSION in permissions or FINANCE_PERMISSION in permissions:
        return True
    for permission in permissions:
        app_label, _, codename = permission.partition(".")
        if app_label == "shop" and codename.partition("_")[2] in GUARDED_MODELS:
            return True
    return False


def totp_device_get(user) -> TOTPDevice | None:
    """Her confirmed authenticator, if she has set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def totp_setup_start(user, session) -> TOTPDevice:
    """A new key for the authenticator she is about to add, kept in this browser's session only
    (every visit to the setup page makes a new one). Returned as an unsaved device so the page
    can show its key and QR code."""
    key = default_key()
    session[SETUP_SESSION_KEY] = key
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=False)


def totp_setup_pending(user, session) -> TOTPDevice | None:
    """The unsaved device of the key this browser's setup page last showed, if any."""
    key = session.get(SETUP_SESSION_KEY)
    if not key:
        return None
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=False)


def totp_setup_confirm(user, session, code: str) -> TOTPDevice | None:
    """She typed `code` from the app she added with this session's key: that key becomes her
    authenticator, and the session forgets it. Returns None (and stores nothing) when the code
    is wrong, the session holds no key, or she already has an authenticator — a key shown to
    another browser before then must never open her account."""
    device = totp_setup_pending(user, session)
    if device is None:
        return None
    with transaction.atomic():
        # Two browsers confirming at once: the second waits here, then finds the first's device.
        get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
        if totp_device_get(user) is not None:
            session.pop(SETUP_SESSION_KEY, None)
            return None
        if not _code_matches(device, code):
            return None
        device.confirmed = True
        device.save()
        # Pending rows from before keys were kept in the session.
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    session.pop(SETUP_SESSION_KEY, None)
    return device


def _code_matches(device: TOTPDevice, code: str) -> bool:
    """Whether `code` is what the unsaved `device`'s app shows now (within django-otp's
    tolerance); records the time step used so the same code cannot be typed again."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        return False
    device.last_t = totp.t()
    device.drift = totp.drift
    return True


def two_factor_reset(user) -> int:
    """Remove every second-factor device of `user` — authenticator and recovery codes — when
    she has lost both her phone and her codes. She sets up a new one at her next sign-in.
    Returns how many devices were removed."""
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
