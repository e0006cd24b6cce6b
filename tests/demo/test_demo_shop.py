"""The demo seed gives a browsable shop: offers, orders in every state, a payout batch."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db.models import Sum

import pytest

from gallery.models import Artwork
from shop.models import LedgerEntry, Offer, Order, Payout

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", quiet=True, stdout=StringIO(), stderr=StringIO())


def test_the_demo_shop_has_offers_orders_in_each_state_a_balanced_ledger_and_a_payout(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        seed()

    published = Artwork.objects.published().count()
    on_sale = Artwork.objects.published().filter(offers__isnull=False).distinct().count()
    assert on_sale >= published * 0.7
    assert Offer.objects.filter(kind=Offer.Kind.PRINT).exists()

    statuses = set(Order.objects.values_list("status", flat=True))
    assert {"pending_payment", "paid", "shipped", "delivered", "cancelled"} <= statuses
    for order in Order.objects.exclude(status__in=["pending_payment", "cancelled"]):
        sums = order.ledger_entries.aggregate(net=Sum("net"), commission=Sum("commission"))
        assert sums["net"] + sums["commission"] == order.total - order.shipping_fee

    payout = Payout.objects.get()
    assert payout.method == "bank"
    assert payout.amount == sum(entry.payable for entry in payout.entries.all())
    assert not LedgerEntry.objects.filter(artist=payout.artist, state="available").exists()
    # Demo buyers and artists are never emailed.
    assert mail.outbox == []

    seed()
    assert Order.objects.count() == 6
    assert Payout.objects.count() == 1
