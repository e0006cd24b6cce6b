"""The boundary every payment provider sits behind. Views, admin actions and tasks talk to a
`Gateway`; only the gateway's own module knows the provider exists."""

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from ..services.errors import PaymentError, PaymentOutcomeUnknown

__all__ = ["Gateway", "PaymentError", "PaymentOutcomeUnknown", "PaymentStart"]


@dataclass(frozen=True)
class PaymentStart:
    """What to do after an order is created: send the buyer to `redirect_url` (a hosted card
    page), or show her `instructions` (bank details, cash on delivery) with her reference."""

    redirect_url: str = ""
    instructions: str = ""
    reference: str = ""


class Gateway:
    name = ""

    def start(self, order, *, success_url: str, cancel_url: str) -> PaymentStart:
        """Begin paying for a pending order."""
        raise NotImplementedError

    def handle_webhook(self, request: HttpRequest) -> HttpResponse:
        """Verify and apply a provider's notification (providers that send none answer 404)."""
        return HttpResponse(status=404)

    def refund(self, refund) -> str:
        """Give a `Refund` row's amount back to the buyer; returns the provider's reference.
        `PaymentOutcomeUnknown` when the provider may have done it without saying so."""
        raise NotImplementedError

    def cancel(self, order) -> bool:
        """Stop a pending payment before the order is cancelled; False if it was paid after all."""
        return True

    def reconcile(self, order) -> str:
        """Ask the provider what became of a pending order's payment and apply it exactly as
        its notification would have (for notifications that never came); returns what
        happened. Providers that send none have nothing to ask."""
        return "nothing to ask"
