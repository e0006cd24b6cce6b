"""Staff who must use two-step sign-in, in tests: a confirmed authenticator and real codes."""

import re
from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device: TOTPDevice, *, offset: int = 0) -> str:
    """The six digits her authenticator app shows now (or `offset` 30-second steps away),
    computed from the device's key as the app does."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def authenticator_for(user) -> TOTPDevice:
    """A confirmed authenticator app for `user`."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def staff_login(client, user):
    """Sign `user` in on `client` as after password and code: the admin opens for her even
    when her permissions call for two-step sign-in."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or authenticator_for(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


KEY_ON_PAGE = re.compile(r'class="two-factor-secret">([A-Z2-7 ]+)<')


def key_on_page(html: str) -> str:
    """The key the setup page shows her, without the spaces between its groups of four."""
    match = KEY_ON_PAGE.search(html)
    assert match, "the page shows no key to set up"
    return match.group(1).replace(" ", "")


def code_for_key(key: str, *, offset: int = 0) -> str:
    """The six digits an authenticator app shows for a base32 `key` she typed in by hand."""
    padded = key + "=" * (-len(key) % 8)
    return f"{totp(b32decode(padded), step=30, t0=0, digits=6, drift=offset):06d}"
