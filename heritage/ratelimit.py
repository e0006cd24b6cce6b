"""Rate limits on the forms that robots abuse: signing in and up, password resets, messages to
artists, event registration, starting a checkout, claiming a listed profile and changing
payout details (which asks for the password again).

Each form has two counters, one per client address and one per account (the email address
typed, or the signed-in user). Over either, the visitor gets a friendly 429 page saying how many
minutes to wait, with a Retry-After header and the text she wrote, so nothing is lost.

Counters are fixed time windows in Django's cache (Redis in production, local memory
otherwise), so every lockout ends by itself: an attacker who types wrong passwords for someone
else's address can hold the account's sign-in for at most one window, and the owner gets back
in at once through a password reset, which clears the account's sign-in failures.

This is our own small module rather than django-ratelimit because what we need beyond
counting — failures-only counters for signing in, clearing them after a reset, the page, the
header, giving back what she typed — would be ours either way; the counting itself is a few
lines of `cache.add`/`cache.incr`. If the cache is unreachable, forms stay open (fail open):
refusing every sign-in because Redis restarted would be worse than a few minutes unguarded.
"""

import ipaddress
import logging
import math
import time
from dataclasses import dataclass
from functools import wraps
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

from heritage.email_address import email_counter_key

logger = logging.getLogger(__name__)

MINUTE = 60
HOUR = 60 * MINUTE


@dataclass(frozen=True)
class Rate:
    """At most `limit` counted attempts in each window of `period` seconds."""

    limit: int
    period: int


@dataclass(frozen=True)
class Limit:
    """The counters of one form. `account_counts` is "failures" where only wrong answers
    count against the account (signing in), so she is never locked out by her own success."""

    ip: Rate
    account: Rate | None = None
    account_counts: Literal["attempts", "failures"] = "attempts"


LIMITS: dict[str, Limit] = {
    "login": Limit(ip=Rate(30, 15 * MINUTE), account=Rate(10, 15 * MINUTE), account_counts="failures"),
    "signup": Limit(ip=Rate(10, HOUR), account=Rate(5, HOUR)),
    "password-reset": Limit(ip=Rate(10, HOUR), account=Rate(5, HOUR)),
    "inquiry": Limit(ip=Rate(10, HOUR), account=Rate(10, HOUR)),
    "event-registration": Limit(ip=Rate(20, HOUR), account=Rate(10, HOUR)),
    "checkout": Limit(ip=Rate(20, 10 * MINUTE), account=Rate(10, 10 * MINUTE)),
    "claim": Limit(ip=Rate(20, 15 * MINUTE), account=Rate(5, 15 * MINUTE)),
    "payout-details": Limit(ip=Rate(20, 15 * MINUTE), account=Rate(10, 15 * MINUTE)),
}


def client_ip(request) -> str:
    """The visitor's address as the counters know it.

    Behind `TRUSTED_PROXY_COUNT` proxies that each append to X-Forwarded-For, her address is
    that many entries from the end (entries before it are whatever the client claimed). An
    IPv6 address counts as its /64 network, since one household or phone gets a whole /64.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            remote = forwarded[-proxies]
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return remote or "unknown"
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _key(name: str, identity: str, period: int, now: float) -> tuple[str, int]:
    """The cache key of the current window and the seconds left in it. Identities are keyed
    digests, so no address or email sits in the cache in the clear."""
    digest = salted_hmac("heritage.ratelimit", identity, algorithm="sha256").hexdigest()[:24]
    window = int(now // period)
    return f"ratelimit:{name}:{digest}:{window}", math.ceil((window + 1) * period - now)


def _account_identity(account: str) -> str:
    return f"account:{email_counter_key(account)}"


def _buckets(request, name: str, account: str | None) -> list[tuple[str, Rate, bool]]:
    """(identity, rate, counted on every attempt) for each counter of `name` that applies."""
    limit = LIMITS[name]
    buckets = [(f"ip:{client_ip(request)}", limit.ip, True)]
    if account and limit.account:
        buckets.append((_account_identity(account), limit.account, limit.account_counts == "attempts"))
    return buckets


def _incr(key: str, timeout: int) -> int:
    if cache.add(key, 1, timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
        return 1


def rate_limit_wait(request, name: str, *, account: str | None = None) -> int | None:
    """Count this attempt at form `name`; the seconds she must wait if it is one too many.

    Counters already at their limit refuse the attempt without counting it. The account's
    counter of a failures-only form is looked at, not counted (see `rate_limit_failure`).
    """
    if not getattr(settings, "RATE_LIMITS_ENABLED", True):
        return None
    now = time.time()
    try:
        buckets = [
            (*_key(name, identity, rate.period, now), rate, counted)
            for identity, rate, counted in _buckets(request, name, account)
        ]
        waits = [left for key, left, rate, _counted in buckets if (cache.get(key) or 0) >= rate.limit]
        if waits:
            logger.warning("Rate limit %s reached (%d counters)", name, len(waits))
            return max(waits)
        for key, _left, rate, counted in buckets:
            if counted:
                _incr(key, rate.period)
    except Exception:
        logger.exception("Rate limit %s not checked: the cache did not answer", name)
    return None


def rate_limit_failure(request, name: str, *, account: str) -> None:
    """Count a wrong answer against `account` on a failures-only form (a wrong password)."""
    limit = LIMITS[name]
    if not limit.account or not getattr(settings, "RATE_LIMITS_ENABLED", True):
        return
    key, _left = _key(name, _account_identity(account), limit.account.period, time.time())
    try:
        _incr(key, limit.account.period)
    except Exception:
        logger.exception("Rate limit %s failure not counted: the cache did not answer", name)


def rate_limit_clear(name: str, *, account: str) -> None:
    """Forget the account's counter of form `name` (after she proved she owns the account)."""
    limit = LIMITS[name]
    if not limit.account:
        return
    key, _left = _key(name, _account_identity(account), limit.account.period, time.time())
    try:
        cache.delete(key)
    except Exception:
        logger.exception("Rate limit %s not cleared: the cache did not answer", name)


def too_many_attempts(request, wait: int, *, kept: str = "") -> HttpResponse:
    """The 429 page: how long to wait, and `kept` — the text she wrote — to copy."""
    minutes = max(1, math.ceil(wait / MINUTE))
    message = ngettext(
        "Too many attempts. Please try again in %(minutes)d minute.",
        "Too many attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    response = render(request, "429.html", {"message": message, "kept": kept}, status=429)
    response["Retry-After"] = str(wait)
    return response


def rate_limit_refusal(request, name: str, *, account: str | None = None, keep=()) -> HttpResponse | None:
    """For a POST to form `name`: None if it may go on, else the 429 page. `keep` names the
    posted fields whose text the page gives back to her."""
    if request.method != "POST":
        return None
    wait = rate_limit_wait(request, name, account=account)
    if wait is None:
        return None
    kept = "\n\n".join(
        request.POST.get(field, "").strip() for field in keep if request.POST.get(field, "").strip()
    )
    return too_many_attempts(request, wait, kept=kept)


def rate_limited(name: str, *, account=None, keep=()):
    """Decorate a view so POSTs to it count against form `name`.

    `account` is the posted field holding the email address, or a function of the request
    giving the account's identity (None when there is none).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            identity = account(request) if callable(account) else request.POST.get(account or "", "")
            refusal = rate_limit_refusal(request, name, account=identity or None, keep=keep)
            return refusal or view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimitedFormMixin:
    """For class-based form views: POSTs count against form `rate_limit`, the account being
    the address typed in `rate_limit_account_field`. On a failures-only form (signing in),
    each invalid form counts one failure against that address."""

    rate_limit: str
    rate_limit_account_field = "email"

    def rate_limit_account(self) -> str:
        return self.request.POST.get(self.rate_limit_account_field, "")

    def post(self, request, *args, **kwargs):
        refusal = rate_limit_refusal(request, self.rate_limit, account=self.rate_limit_account() or None)
        return refusal or super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        account = self.rate_limit_account()
        if account and LIMITS[self.rate_limit].account_counts == "failures":
            rate_limit_failure(self.request, self.rate_limit, account=account)
        return super().form_invalid(form)
