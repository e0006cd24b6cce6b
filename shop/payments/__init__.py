"""Payment gateways: `gateway_for(order)` picks the one for the order's payment method;
`transfers_gateway()` is the one that pays artists (Stripe Connect)."""

from .base import Gateway, PaymentError, PaymentOutcomeUnknown, PaymentStart
from .manual import ManualGateway
from .stripe.gateway import StripeGateway


def gateway_for(order) -> Gateway:
    if order.payment_method == order.PaymentMethod.CARD:
        return StripeGateway()
    return ManualGateway()


def transfers_gateway() -> Gateway:
    return StripeGateway()


__all__ = [
    "Gateway",
    "ManualGateway",
    "PaymentError",
    "PaymentOutcomeUnknown",
    "PaymentStart",
    "StripeGateway",
    "gateway_for",
    "transfers_gateway",
]
