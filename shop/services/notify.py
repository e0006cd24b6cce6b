"""Whether the shop's services email people about what they just did. Imports of past
orders and the demo seed switch it off, so nobody is told about records they did not make."""

from contextlib import contextmanager
from contextvars import ContextVar

_muted: ContextVar[bool] = ContextVar("shop_notifications_muted", default=False)


def notifications_enabled() -> bool:
    return not _muted.get()


@contextmanager
def notifications_muted():
    """Within this block, services change orders and inquiries without emailing anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)
