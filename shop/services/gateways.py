"""Which payment gateway serves an order. Services need a gateway to close or refund a payment
but sit below the payments package, so the shop's AppConfig registers `gateway_for` here at
start-up; callers may also pass a gateway of their own (tests, reconciliation)."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_resolver: Callable | None = None


def gateway_register(resolver: Callable) -> None:
    """Called once from ShopConfig.ready() with `shop.payments.gateway_for`."""
    global _resolver  # noqa: PLW0603 - the one registration point, set at start-up
    _resolver = resolver


def gateway_for_order(order):
    """The gateway of the order's payment method."""
    if _resolver is None:
        raise ImproperlyConfigured("No payment gateway resolver is registered (ShopConfig.ready).")
    return _resolver(order)
