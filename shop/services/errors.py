"""Errors a buyer, an artist or an editor may see; messages are translated and say what to do."""

from django.utils.translation import gettext_lazy as _


class ShopError(Exception):
    default_message = _("Something went wrong with this order. Please try again.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class SoldOut(ShopError):
    default_message = _("Sorry, this work has just been sold. It is no longer in your cart.")

    def __init__(self, offer=None, message=None):
        self.offer = offer
        super().__init__(message)


class CheckoutError(ShopError):
    pass


class TermsChanged(CheckoutError):
    default_message = _(
        "The terms of sale have just been updated. Please read them and tick the box again "
        "to place the order."
    )


class TransitionNotAllowed(ShopError):
    default_message = _("This order cannot move to that status from where it is now.")


class PaymentInProgress(ShopError):
    default_message = _("This order could not be cancelled: its payment may have just arrived.")


class PaymentMismatch(ShopError):
    default_message = _("The amount paid does not match the order.")


class RefundError(ShopError):
    default_message = _("The refund could not be made.")


class PayoutError(ShopError):
    default_message = _("The payout could not be recorded.")


class RefundOutcomeUnknown(ShopError):
    default_message = _(
        "The card payment service did not answer in time. The refund is recorded as unknown and "
        "will be checked with the service within minutes: do not refund again."
    )


class PaymentError(Exception):
    """The payment provider refused, or could not be reached; the order is kept, the buyer may
    retry. Raised by gateways (shop.payments), caught by services and views."""


class PaymentOutcomeUnknown(PaymentError):
    """The provider may or may not have done what was asked (a timeout, a dropped connection,
    its own server error). Never retried blind: the request's row stays `unknown` until
    reconciliation has asked the provider."""
