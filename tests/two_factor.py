"""Staff who must use two-step sign-in, in tests: a confirmed authenticator and real codes."""

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
