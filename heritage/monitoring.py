"""Errors reach someone: the people in DJANGO_ADMINS get an email for every server error and
for every email the task worker gives up on, and, when SENTRY_DSN is set, each error also goes
to Sentry. Without SENTRY_DSN, Sentry is never started and nothing leaves the server."""

from email.utils import formataddr, getaddresses

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration


def admins_parse(value: str) -> list[str]:
    """DJANGO_ADMINS, "Name <a@example.org>, b@example.org" → ["Name <a@example.org>",
    "b@example.org"] (Django's ADMINS: a list of addresses, a name allowed). An entry without
    an @ is refused, so a typo cannot silently leave errors unread."""
    admins = []
    for name, address in getaddresses([value]):
        if not name and not address:
            continue
        if "@" not in address:
            raise ValueError(f"DJANGO_ADMINS: {name or address!r} is not an email address.")
        admins.append(formataddr((name, address)) if name else address)
    return admins


def sentry_init(*, dsn: str, environment: str = "production", traces_sample_rate: float = 0.0) -> bool:
    """Start Sentry's client when a DSN is given; returns whether it was started. No personal
    data is sent (send_default_pii off): buyers' and artists' details stay with us."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration(), LoggingIntegration()],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
    )
    return True
