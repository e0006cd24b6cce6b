"""Wrong passwords slow an account down; they never lock its owner out.

- Each wrong password counts against the account, and against the pair of the account and the
  client it came from: her device when it carries our sign-in cookie for that account, else
  her address.
- After `ACCOUNT_FREE` failures from anywhere, each further try for the account waits 2, 4, 8 …
  seconds after the last failure, at most `CAP`. A try during the wait is refused before the
  password is looked at, so it tells nothing. Robots get a few guesses an hour; nobody is
  locked out.
- A client the account knows — a device she signed in on, an address she signed in from in
  the last `KNOWN_FOR` — is not held by anyone else's failures, only by its own: after
  `CLIENT_FREE` of them, the same growing delay.
- Failures are forgotten `FORGET` after the last one. A completed password reset forgets
  them at once and makes her device and address known.
- The slowed person is told how many seconds to wait, or to reset her password.

Reset emails have a silent budget instead of a 429: at most `RESET_EMAILS` an hour for an
account from clients it does not know, `RESET_EMAILS_PER_CLIENT` from each client. Past it,
the sender sees the same "check your email" page and no email goes out, so a flood of requests
by others neither fills her inbox nor blocks her own request from a known device or address.
A link already sent stays valid (Django's reset tokens change only when she changes her
password or signs in).

Counters live in the security store of `heritage.ratelimit` and fail open the same way.
"""

import json
import logging
import math
import secrets
import time

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import ngettext

from heritage.ratelimit import (
    DAY,
    HOUR,
    MINUTE,
    STORE_DOWN,
    Rate,
    account_identity,
    client_ip,
    counter_incr,
    counter_key,
    counters,
    rate_limit_refusal,
    too_many_attempts,
    window_key,
)

logger = logging.getLogger(__name__)

ACCOUNT_FREE = 10
CLIENT_FREE = 5
CAP = 5 * MINUTE
FORGET = HOUR
KNOWN_FOR = 30 * DAY
RESET_EMAILS = Rate(5, HOUR)
RESET_EMAILS_PER_CLIENT = Rate(3, HOUR)
DEVICE_COOKIE = "heritage_device"
DEVICE_SALT = "heritage.slowdown.device"
DEVICE_ACCOUNTS = 5


def _enabled() -> bool:
    return getattr(settings, "RATE_LIMITS_ENABLED", True)


def _device(request) -> dict:
    """Our sign-in cookie: a random device id and the accounts signed in on it."""
    value = request.get_signed_cookie(DEVICE_COOKIE, default=None, salt=DEVICE_SALT, max_age=KNOWN_FOR)
    try:
        device = json.loads(value) if value else {}
    except ValueError:
        return {}
    return device if isinstance(device, dict) and isinstance(device.get("accounts"), list) else {}


def _device_mark(account: str) -> str:
    return counter_key("signin-device", account_identity(account))


def _client(request, account: str) -> tuple[str, bool]:
    """(the client's identity for this account, whether the account knows it)."""
    device = _device(request)
    if _device_mark(account) in device.get("accounts", []):
        return f"device:{device.get('id')}", True
    address = f"ip:{client_ip(request)}"
    known = counters().get(counter_key("signin-known", account_identity(account, client=address)))
    return address, bool(known)


def _delay(failures: int, free: int) -> int:
    return 0 if failures < free else min(CAP, 2 ** (failures - free + 1))


def _wait(identity: str, free: int, now: float) -> int:
    store = counters()
    failures = store.get(counter_key("signin", identity)) or 0
    last = store.get(counter_key("signin-last", identity)) or now
    return max(0, math.ceil(_delay(failures, free) - (now - last)))


def _forget(identities) -> None:
    counters().delete_many(
        [counter_key(name, identity) for identity in identities for name in ("signin", "signin-last")]
    )


def signin_wait(request, account: str) -> int:
    """The seconds this client must wait before trying a password for `account` (0: none)."""
    if not _enabled():
        return 0
    try:
        now = time.time()
        client, known = _client(request, account)
        waits = [_wait(account_identity(account, client=client), CLIENT_FREE, now)]
        if not known:
            waits.append(_wait(account_identity(account), ACCOUNT_FREE, now))
    except Exception:
        logger.exception(STORE_DOWN, "sign-in")
        return 0
    if max(waits):
        logger.warning("Sign-in slowed down for %d seconds", max(waits))
    return max(waits)


def signin_failure(request, account: str) -> None:
    """Count a wrong password against the account and against this client of it."""
    if not _enabled():
        return
    try:
        now = time.time()
        client, _known = _client(request, account)
        store = counters()
        for identity in (account_identity(account), account_identity(account, client=client)):
            key = counter_key("signin", identity)
            counter_incr(key, FORGET)
            store.touch(key, FORGET)
            store.set(counter_key("signin-last", identity), now, FORGET)
    except Exception:
        logger.exception(STORE_DOWN, "sign-in")


def _client_remember(request, account: str, response) -> None:
    """From now on the account knows this address and this device."""
    address = f"ip:{client_ip(request)}"
    counters().set(counter_key("signin-known", account_identity(account, client=address)), 1, KNOWN_FOR)
    device = _device(request)
    mark = _device_mark(account)
    accounts = [other for other in device.get("accounts", []) if other != mark][1 - DEVICE_ACCOUNTS :]
    value = json.dumps({"id": device.get("id") or secrets.token_urlsafe(12), "accounts": [*accounts, mark]})
    response.set_signed_cookie(
        DEVICE_COOKIE,
        value,
        salt=DEVICE_SALT,
        max_age=KNOWN_FOR,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def signin_success(request, account: str, response) -> None:
    """She typed the right password: her own failures here are forgotten (others' are not),
    and this device and address are known to the account."""
    if not _enabled():
        return
    try:
        client, _known = _client(request, account)
        _forget([account_identity(account, client=client)])
        _client_remember(request, account, response)
    except Exception:
        logger.exception(STORE_DOWN, "sign-in")


def signin_owner_proven(request, account: str, response) -> None:
    """She reset her password through her inbox: every failure is forgotten at once."""
    if not _enabled():
        return
    try:
        client, _known = _client(request, account)
        _forget([account_identity(account), account_identity(account, client=client)])
        _client_remember(request, account, response)
    except Exception:
        logger.exception(STORE_DOWN, "sign-in")


def signin_slowed(request, wait: int, *, reset_url: str):
    """The 429 page of a slowed sign-in: the seconds to wait, or reset the password."""
    message = ngettext(
        "Many wrong passwords have been typed for this account, so each new try has to wait. "
        "Please try again in %(seconds)d second, or reset your password: the link we email you "
        "always works.",
        "Many wrong passwords have been typed for this account, so each new try has to wait. "
        "Please try again in %(seconds)d seconds, or reset your password: the link we email you "
        "always works.",
        wait,
    ) % {"seconds": wait}
    return too_many_attempts(request, wait, message=message, reset_url=reset_url)


def reset_email_allowed(request, account: str) -> bool:
    """Count a reset email to `account` from this client; False past the silent budget."""
    if not _enabled():
        return True
    try:
        now = time.time()
        client, known = _client(request, account)
        per_client = RESET_EMAILS_PER_CLIENT
        client_key, _left = window_key(
            "reset-email", account_identity(account, client=client), per_client.period, now
        )
        if (counters().get(client_key) or 0) >= per_client.limit:
            return False
        if not known:
            account_key, _left = window_key(
                "reset-email", account_identity(account), RESET_EMAILS.period, now
            )
            if (counters().get(account_key) or 0) >= RESET_EMAILS.limit:
                logger.warning("Reset emails for one account held back")
                return False
            counter_incr(account_key, RESET_EMAILS.period)
        counter_incr(client_key, per_client.period)
    except Exception:
        logger.exception(STORE_DOWN, "password reset")
    return True


class SignInSlowdownMixin:
    """For sign-in views: one address trying many accounts gets the 429 of form "login";
    wrong passwords slow the account down as the module docstring says."""

    password_reset_url_name = "accounts:password-reset"  # noqa: S105 (a URL name)

    def _account(self) -> str:
        return self.request.POST.get("username", "")

    def post(self, request, *args, **kwargs):
        refusal = rate_limit_refusal(request, "login")
        if refusal:
            return refusal
        wait = signin_wait(request, self._account()) if self._account() else 0
        if wait:
            return signin_slowed(request, wait, reset_url=reverse(self.password_reset_url_name))
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self._account():
            signin_failure(self.request, self._account())
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)
        signin_success(self.request, self._account(), response)
        return response


class PasswordResetBudgetMixin:
    """For password reset request views: past the silent budget, the same page, no email."""

    def post(self, request, *args, **kwargs):
        return rate_limit_refusal(request, "password-reset") or super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if reset_email_allowed(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetProvesOwnerMixin:
    """For password reset confirm views: her failures are forgotten, her device known."""

    def form_valid(self, form):
        response = super().form_valid(form)
        signin_owner_proven(self.request, form.user.email, response)
        return response
