"""What the shop asked a payment provider to do, one row per request, so no outcome is lost.

A `PaymentAttempt` is one start of a payment (a Stripe Checkout session); a `Refund` is one
request to give money back. Each row holds the idempotency key its request was sent with. A
call that timed out leaves its row `unknown`: nothing is retried, given back or marked failed
until reconciliation has asked the provider what happened."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..money import Currency
from .orders import Order


class PaymentAttempt(models.Model):
    """One start of a payment for an order. A completed attempt is never replaced: a second
    attempt that succeeds on an order already paid is refunded in full."""

    class State(models.TextChoices):
        CREATING = "creating", _("Being created")
        OPEN = "open", _("Open")
        UNKNOWN = "unknown", _("Outcome unknown")
        SUCCEEDED = "succeeded", _("Paid")
        EXPIRED = "expired", _("Expired")
        FAILED = "failed", _("Failed")

    # States in which the buyer may still complete the payment at the provider.
    LIVE_STATES = (State.CREATING, State.OPEN, State.UNKNOWN)

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="attempts")
    gateway = models.CharField(_("gateway"), max_length=20)
    provider_id = models.CharField(_("provider reference"), max_length=255, blank=True, db_index=True)
    payment_intent = models.CharField(max_length=255, blank=True, db_index=True)
    idempotency_key = models.CharField(max_length=255, unique=True)
    amount = models.PositiveIntegerField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.CREATING)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("payment attempt")
        verbose_name_plural = _("payment attempts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "provider_id"],
                condition=~Q(provider_id=""),
                name="attempt_provider_unique",
            ),
        ]

    def __str__(self):
        return f"{self.order} · {self.gateway} {self.provider_id or self.idempotency_key} ({self.state})"


class Refund(models.Model):
    """Money given back for an order. `counts_for_order` is False for the automatic refund of
    a duplicate payment: that money was never the order's, so the order and the ledger keep
    their figures. A refund is booked on the order exactly once, when it is known to have
    succeeded."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        UNKNOWN = "unknown", _("Outcome unknown")
        SUCCEEDED = "succeeded", _("Refunded")
        FAILED = "failed", _("Failed")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    attempt = models.ForeignKey(
        PaymentAttempt, null=True, blank=True, on_delete=models.PROTECT, related_name="refunds"
    )
    amount = models.PositiveIntegerField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    counts_for_order = models.BooleanField(default=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REQUESTED)
    provider_id = models.CharField(max_length=255, blank=True, db_index=True)
    idempotency_key = models.CharField(max_length=255, unique=True)
    booked = models.BooleanField(default=False)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.order} · refund {self.amount} {self.currency} ({self.state})"
