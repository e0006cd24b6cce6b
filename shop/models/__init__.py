from .cart import Cart, CartItem
from .inquiries import Inquiry, InquiryMessage
from .ledger import LedgerEntry, Payout
from .offers import Offer, ShippingProfile, ShippingZone, shipping_zone_for
from .orders import Order, OrderEvent, OrderLine, WebhookEvent
from .payments import PaymentAttempt, Refund
from .receipts import ReceiptSettings
from .returns import ReturnPhoto, ReturnRequest
from .reviews import Review, ReviewReport

__all__ = [
    "Cart",
    "CartItem",
    "Inquiry",
    "InquiryMessage",
    "LedgerEntry",
    "Offer",
    "Order",
    "OrderEvent",
    "OrderLine",
    "PaymentAttempt",
    "Payout",
    "ReceiptSettings",
    "Refund",
    "ReturnPhoto",
    "ReturnRequest",
    "Review",
    "ReviewReport",
    "ShippingProfile",
    "ShippingZone",
    "WebhookEvent",
    "shipping_zone_for",
]
