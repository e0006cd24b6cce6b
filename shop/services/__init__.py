"""Everything that changes the shop's state. Views, webhooks, admin actions and tasks call
these; none of them repeats a rule."""

from .cart import cart_add, cart_clear, cart_get, cart_items, cart_merge, cart_remove, cart_set_quantity
from .errors import (
    CheckoutError,
    PaymentError,
    PaymentInProgress,
    PaymentMismatch,
    PaymentOutcomeUnknown,
    PayoutError,
    RefundError,
    RefundOutcomeUnknown,
    ShopError,
    SoldOut,
    TermsChanged,
    TransitionNotAllowed,
)
from .expiry import orders_expire, orders_expire_report
from .ledger import artist_balance, balances_to_pay, ledger_release, payout_fail, payout_record
from .orders import (
    ALLOWED_MOVES,
    BuyerDetails,
    Quote,
    checkout_quote,
    order_cancel,
    order_create,
    order_mark_paid,
    order_transition,
)
from .refunds import order_refund, order_refund_record, refund_execute, refund_request, refund_succeeded
from .shipping import line_ship, order_ship

__all__ = [
    "ALLOWED_MOVES",
    "BuyerDetails",
    "CheckoutError",
    "PaymentError",
    "PaymentInProgress",
    "PaymentMismatch",
    "PaymentOutcomeUnknown",
    "PayoutError",
    "Quote",
    "RefundError",
    "RefundOutcomeUnknown",
    "ShopError",
    "SoldOut",
    "TermsChanged",
    "TransitionNotAllowed",
    "artist_balance",
    "balances_to_pay",
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
    "orders_expire_report",
    "payout_fail",
    "payout_record",
    "refund_execute",
    "refund_request",
    "refund_succeeded",
]
