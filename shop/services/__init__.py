"""Everything that changes the shop's state. Views, webhooks, admin actions and tasks call
these; none of them repeats a rule."""

from .cart import cart_add, cart_clear, cart_get, cart_items, cart_merge, cart_remove, cart_set_quantity
from .errors import (
    CheckoutError,
    PaymentMismatch,
    PayoutError,
    RefundError,
    ShopError,
    SoldOut,
    TransitionNotAllowed,
)
from .ledger import artist_balance, ledger_release, payout_fail, payout_record
from .orders import (
    ALLOWED_MOVES,
    BuyerDetails,
    Quote,
    checkout_quote,
    line_ship,
    order_cancel,
    order_create,
    order_mark_paid,
    order_refund,
    order_refund_record,
    order_ship,
    order_transition,
    orders_expire,
)

__all__ = [
    "ALLOWED_MOVES",
    "BuyerDetails",
    "CheckoutError",
    "PaymentMismatch",
    "PayoutError",
    "Quote",
    "RefundError",
    "ShopError",
    "SoldOut",
    "TransitionNotAllowed",
    "artist_balance",
    "cart_add",
    "cart_clear",
    "cart_get",
    "cart_items",
    "cart_merge",
    "cart_remove",
    "cart_set_quantity",
    "checkout_quote",
    "ledger_release",
    "line_ship",
    "order_cancel",
    "order_create",
    "order_mark_paid",
    "order_refund",
    "order_refund_record",
    "order_ship",
    "order_transition",
    "orders_expire",
    "payout_fail",
    "payout_record",
]
