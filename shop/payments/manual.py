"""Bank transfer and cash on delivery: no provider to call. The buyer sees instructions and
her order number as the reference; an editor marks the order paid in the admin when the money
arrives, and records refunds she has paid back by hand."""

from django.utils.translation import gettext as _

from heritage.models import SiteSettings

from .base import Gateway, PaymentStart


class ManualGateway(Gateway):
    name = "manual"

    def start(self, order, *, success_url: str = "", cancel_url: str = "") -> PaymentStart:
        settings = SiteSettings.load()
        if order.payment_method == order.PaymentMethod.CASH:
            text = settings.cash_instructions
        else:
            text = settings.bank_transfer_instructions
        return PaymentStart(instructions=text, reference=order.number)

    def refund(self, refund) -> str:
        return _("paid back by hand")
