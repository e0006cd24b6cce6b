"""Rate limits on the forms that robots abuse: signing in and up, password resets, messages to
artists and replies in a conversation, event registration, starting a checkout, claiming a
listed profile, changing payout details (which asks for the password again), and every form
that sends an email or takes photos (applications, works sent for review, uploads).

Each form has two counters, one per client address and one per account (the email address
typed, or the signed-in user). Over either, the visitor gets a friendly 429 page saying how many
minutes to wait, with a Retry-After header and the text she wrote, so nothing is lost.

Counters are fixed time windows in the security counters' own cache alias, `security`
(`SECURITY_CACHE`): a Redis database configured `noeviction`, or local memory when none is set.
They never share a store with the page cache, so a robot inventing page addresses cannot push
them out. Every counter expires by itself, so nothing piles up in a store that never evicts.
Wrong passwords are not counted here but in `heritage.slowdown`, which slows an account down
instead of locking it.

This is our own small module rather than django-ratelimit because what we need beyond
counting — the slowdown for signing in, the silent budget of reset emails, the page, the
header, giving back what she typed — would be ours either way; the counting itself is a few
lines of `cache.add`/`cache.incr`.

When the security store does not answer, forms stay open (fail open) and every unguarded
attempt is logged as an error, so monitoring sees it at once. Failing closed would turn a
Redis restart, or a full store, into exactly what these counters exist to prevent: nobody
could sign in or reset a password, artists and staff alike. While the store is down, guesses
are still held back by the cost of the password hash, and staff accounts by their second step.
"""

import ipaddress
import logging
import math
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext

from heritage.email_address import email_counter_key

logger = logging.getLogger(__name__)

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
SECURITY_CACHE = "security"
STORE_DOWN = "Security counters unreachable: %s not guarded"


def counters():
    """The store of every security counter (see the module docstring)."""
    return caches[SECURITY_CACHE]


@dataclass(frozen=True)
class Rate:
    """At most `limit` counted attempts in each window of `period` seconds."""

    limit: int
    period: int


@dataclass(frozen=True)
class Limit:
    """The counters of one form: per client address, and per account when it has one (the
    email typed, the signed-in user, a conversation)."""

    ip: Rate
    account: Rate | None = None


LIMITS: dict[str, Limit] = {
    # Wrong passwords per account slow it down (heritage.slowdown); this only holds one address
    # trying many accounts.
    "login": Limit(ip=Rate(30, 15 * MINUTE)),
    "signup": Limit(ip=Rate(10, HOUR), account=Rate(5, HOUR)),
    # Emails per account are a silent budget (heritage.slowdown), so others cannot block hers.
    "password-reset": Limit(ip=Rate(10, HOUR)),
    "inquiry": Limit(ip=Rate(10, HOUR), account=Rate(10, HOUR)),
    # The account of a reply is its conversation: each reply is an email to the other side.
    "inquiry-reply": Limit(ip=Rate(20, HOUR), account=Rate(10, HOUR)),
    "studio-reply": Limit(ip=Rate(60, HOUR), account=Rate(30, HOUR)),
    "artist-application": Limit(ip=Rate(20, HOUR), account=Rate(10, HOUR)),
    # Sending a work for review emails the editors; taking it back and sending again would too.
    "review-request": Limit(ip=Rate(60, HOUR), account=Rate(30, HOUR)),
    "verify-resend": Limit(ip=Rate(10, HOUR), account=Rate(10, HOUR)),
    # Photos (works, portrait) and the forms that carry them, per artist.
    "upload": Limit(ip=Rate(200, HOUR), account=Rate(100, HOUR)),
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


def counter_key(name: str, identity: str, *, period: int | None = None, now: float = 0) -> str:
    """The one place counters get their keys. Identities are keyed digests, so no address or
    email sits in the store in the clear; with a `period`, the key names the current window."""
    digest = salted_hmac("heritage.ratelimit", identity, algorithm="sha256").hexdigest()[:24]
    window = f":{int(now // period)}" if period else ""
    return f"ratelimit:{name}:{digest}{window}"


def window_key(name: str, identity: str, period: int, now: float) -> tuple[str, int]:
    """The key of the current window and the seconds left in it."""
    window = int(now // period)
    return counter_key(name, identity, period=period, now=now), math.ceil((window + 1) * period - now)


def _account_identity(account: str) -> str:
    return f"account:{email_counter_key(account)}"


def account_identity(account: str, *, client: str = "") -> str:
    """The identity of an account typed in a form, or of one client (an address or device) of
    that account. Every counter of an account is keyed through here."""
    identity = _account_identity(account)
    return f"{identity}|{client}" if client else identity


def _buckets(request, name: str, account: str | None) -> list[tuple[str, Rate]]:
    """(identity, rate) for each counter of `name` that applies."""
    limit = LIMITS[name]
    buckets = [(f"ip:{client_ip(request)}", limit.ip)]
    if account and limit.account:
        buckets.append((account_identity(account), limit.account))
    return buckets


def counter_incr(key: str, timeout: int) -> int:
    """Add one to a counter that expires `timeout` seconds after it was first counted."""
    store = counters()
    if store.add(key, 1, timeout):
        return 1
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.add(key, 1, timeout)
        return 1


def rate_limit_wait(request, name: str, *, account: str | None = None) -> int | None:
    """Count this attempt at form `name`; the seconds she must wait if it is one too many.

    Counters already at their limit refuse the attempt without counting it.
    """
    if not getattr(settings, "RATE_LIMITS_ENABLED", True):
        return None
    now = time.time()
    try:
        buckets = [
            (*window_key(name, identity, rate.period, now), rate)
            for identity, rate in _buckets(request, name, account)
        ]
        waits = [left for key, left, rate in buckets if (counters().get(key) or 0) >= rate.limit]
        if waits:
            logger.warning("Rate limit %s reached (%d counters)", name, len(waits))
            return max(waits)
        for key, _left, rate in buckets:
            counter_incr(key, rate.period)
    except Exception:
        logger.exception(STORE_DOWN, name)
    return None


def wait_message(wait: int) -> str:
    """How long to wait, in whole minutes."""
    minutes = max(1, math.ceil(wait / MINUTE))
    return ngettext(
        "Too many attempts. Please try again in %(minutes)d minute.",
        "Too many attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def too_many_attempts(
    request, wait: int, *, kept: str = "", message: str = "", reset_url: str = ""
) -> HttpResponse:
    """The 429 page: how long to wait (or `message`), `kept` — the text she wrote — to copy,
    and where to reset her password when the form is a sign-in."""
    context = {"message": message or wait_message(wait), "kept": kept, "reset_url": reset_url}
    response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def rate_limit_refusal(
    request, name: str, *, account: str | None = None, keep=(), respond=too_many_attempts
) -> HttpResponse | None:
    """For a POST to form `name`: None if it may go on, else the 429 page. `keep` names the
    posted fields whose text the page gives back to her; `respond(request, wait, kept=…)`
    answers a refusal some other way (a script's upload gets JSON)."""
    if request.method != "POST":
        return None
    wait = rate_limit_wait(request, name, account=account)
    if wait is None:
        return None
    return respond(request, wait, kept=kept_text(request, keep))


def kept_text(request, keep) -> str:
    """The text of the posted fields named in `keep`, to give back to her."""
    return "\n\n".join(
        request.POST.get(field, "").strip() for field in keep if request.POST.get(field, "").strip()
    )


def rate_limited(name: str, *, account=None, keep=(), respond=too_many_attempts):
    """Decorate a view so POSTs to it count against form `name`.

    `account` is the posted field holding the email address, or a function of the request
    and the view's URL arguments giving the account's identity (None when there is none).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if callable(account):
                identity = account(request, **kwargs)
            else:
                identity = request.POST.get(account or "", "")
            refusal = rate_limit_refusal(request, name, account=identity or None, keep=keep, respond=respond)
            return refusal or view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimitedFormMixin:
    """For class-based form views: POSTs count against form `rate_limit`, the account being
    the address typed in `rate_limit_account_field`."""

    rate_limit: str
    rate_limit_account_field = "email"

    def rate_limit_account(self) -> str:
        return self.request.POST.get(self.rate_limit_account_field, "")

    def post(self, request, *args, **kwargs):
        refusal = rate_limit_refusal(request, self.rate_limit, account=self.rate_limit_account() or None)
        return refusal or super().post(request, *args, **kwargs)


def signed_in_user(request, **_url_arguments) -> str:
    """The account of a form only signed-in people use: the user herself."""
    return f"user:{request.user.pk}" if request.user.is_authenticated else ""
