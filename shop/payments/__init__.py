"""Payment gateways: `gateway_for(order)` picks the one for the order's payment method."""

from .base import Gateway, PaymentError, PaymentStart


def gateway_for(order) -> Gateway:
    from ..models import Order

    if order.payment_method == Order.PaymentMethod.CARD:
        from .stripe.gateway import StripeGateway

        return StripeGateway()
    from .manual import ManualGateway

    return ManualGateway()


__all__ = ["Gateway", "PaymentError", "PaymentStart", "gateway_for"]
