from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from artists.models import ArtistProfile

from ..money import Currency
from .orders import Order, OrderLine


class Payout(models.Model):
    """Money sent to one artist for a batch of available ledger entries: a Stripe Connect
    transfer, or a bank transfer or cash handed over that an editor records with its reference."""

    class Method(models.TextChoices):
        STRIPE = "stripe", _("Stripe transfer")
        BANK = "bank", _("Bank transfer")
        CASH = "cash", _("Cash")

    artist = models.ForeignKey(
        ArtistProfile, verbose_name=_("artist"), on_delete=models.PROTECT, related_name="payouts"
    )
    amount = models.PositiveIntegerField(_("amount"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.TJS)
    method = models.CharField(_("method"), max_length=8, choices=Method.choices)
    reference = models.CharField(
        _("reference"), max_length=120, blank=True, help_text=_("Bank reference or receipt number.")
    )
    proof = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("proof"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the bank slip or the signed receipt (keep it in a private collection)."),
    )

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        UNKNOWN = "unknown", _("Outcome unknown")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")

    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PAID)
    stripe_transfer_id = models.CharField(max_length=255, blank=True)
    # Derived from the ledger entries the transfer pays (see shop.services.payouts), so the
    # same money sent twice carries the same key and Stripe makes one transfer.
    idempotency_key = models.CharField(max_length=255, blank=True, db_index=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("paid on"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.artist} — {self.amount} {self.currency}"


class LedgerEntry(models.Model):
    """What one order line means in money: gross, the site's commission, the artist's net
        (gross = commission + net, always), plus the line's shipping fee, which goes to the artist
    who posts the parcel. A sale writes a positive entry when the order is paid;
        a refund writes a negative one. Entries are `pending` until the order is delivered, then
        `available` for a payout, then `paid_out` with the payout that carried them."""

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        REFUND = "refund", _("Refund")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        AVAILABLE = "available", _("Available")
        PAID_OUT = "paid_out", _("Paid out")

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="ledger_entries")
    line = models.ForeignKey(OrderLine, on_delete=models.PROTECT, related_name="ledger_entries")
    artist = models.ForeignKey(ArtistProfile, on_delete=models.PROTECT, related_name="ledger_entries")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    gross = models.IntegerField(_("gross"))
    commission = models.IntegerField(_("commission"))
    net = models.IntegerField(_("artist net"))
    shipping = models.IntegerField(
        _("shipping"), default=0, help_text="the shipping fee passed on to the artist, who posts the parcel"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    payout = models.ForeignKey(
        Payout, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    available_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gross=models.F("commission") + models.F("net")),
                name="ledger_gross_is_commission_plus_net",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.gross} {self.currency} ({self.artist})"

    @property
    def payable(self) -> int:
        """What the artist is owed for this entry: her net plus the shipping she paid for."""
        return self.net + self.shipping
