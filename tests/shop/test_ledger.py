"""The ledger: commission and net per paid line, refunds reversing them, payouts and transfers."""

import pytest

from heritage.models import SiteSettings
from shop.models import LedgerEntry, Order, Payout
from shop.services import (
    PayoutError,
    artist_balance,
    order_refund_record,
    order_transition,
    payout_record,
)
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, PrintOfferFactory, order_paid

pytestmark = pytest.mark.django_db

S = Order.Status


def totals(order):
    entries = LedgerEntry.objects.filter(order=order)
    return {
        "gross": sum(e.gross for e in entries),
        "commission": sum(e.commission for e in entries),
        "net": sum(e.net for e in entries),
        "shipping": sum(e.shipping for e in entries),
    }


def offer_by(artist, *, price, kind="print", stock=50):
    factory = PrintOfferFactory if kind == "print" else OfferFactory
    return factory(artwork=ArtworkFactory(artist=artist), price_amount=price, stock=stock)


@pytest.mark.parametrize(
    ("prices", "quantities", "rates"),
    [
        ([150000], [1], [20]),
        ([99999], [3], [15]),
        ([1], [7], [33]),
        ([12345, 6789, 1001], [1, 2, 3], [17, None, 0]),
        ([333, 777], [9, 11], [100, 12]),
        ([25050, 101], [4, 13], [None, 7]),
    ],
)
def test_net_plus_commission_is_total_minus_shipping(prices, quantities, rates):
    site = SiteSettings.load()
    site.default_commission_percent = 13
    site.save()
    items = []
    for price, quantity, rate in zip(prices, quantities, rates, strict=True):
        artist = ArtistFactory(commission_percent=rate)
        items.append((offer_by(artist, price=price), quantity))

    order = order_paid(*items)

    money = totals(order)
    assert money["net"] + money["commission"] == order.total - order.shipping_fee
    assert money["gross"] == order.subtotal
    assert money["shipping"] == order.shipping_fee
    for line in order.lines.all():
        entry = LedgerEntry.objects.get(line=line)
        rate = 13 if line.artist.commission_percent is None else line.artist.commission_percent
        assert line.commission_percent == rate
        assert entry.commission + entry.net == entry.gross == line.line_total
        assert abs(entry.commission - line.line_total * rate / 100) <= 0.5


def test_the_rate_is_copied_at_purchase():
    artist = ArtistFactory(commission_percent=None)
    order = order_paid((offer_by(artist, price=10001), 1))
    artist.commission_percent = 50
    artist.save()
    line = order.lines.get()
    assert line.commission_percent == SiteSettings.load().default_commission_percent
    assert LedgerEntry.objects.get(line=line).commission == round(10001 * line.commission_percent / 100)


@pytest.mark.parametrize("parts", [[1], [3, 4], [1, 1, 1], [7, 2, 5, 11]])
def test_partial_then_full_refunds_net_to_zero(parts):
    first = ArtistFactory(commission_percent=17)
    second = ArtistFactory(commission_percent=None)
    order = order_paid((offer_by(first, price=33333), 3), (offer_by(second, price=12347), 1))
    left = order.total
    whole = sum(parts)
    for i, part in enumerate(parts):
        amount = left if i == len(parts) - 1 else order.total * part // whole
        order_refund_record(order, amount=amount, source="test")
        left -= amount
        order.refresh_from_db()
        money = totals(order)
        assert money["net"] + money["commission"] + money["shipping"] == order.total - order.refunded_amount
        assert money["gross"] == money["net"] + money["commission"]

    assert order.status == S.REFUNDED
    assert totals(order) == {"gross": 0, "commission": 0, "net": 0, "shipping": 0}
    for line in order.lines.all():
        line_entries = LedgerEntry.objects.filter(line=line)
        assert sum(e.net for e in line_entries) == 0
        assert sum(e.commission for e in line_entries) == 0


def test_a_refund_never_exceeds_what_was_paid():
    order = order_paid((PrintOfferFactory(), 1))
    order_refund_record(order, amount=order.total + 500, source="test")
    order.refresh_from_db()
    assert order.refunded_amount == order.total
    assert totals(order)["gross"] == 0


def delivered_order(artist, price=40000, quantity=1):
    order = order_paid((offer_by(artist, price=price), quantity))
    order_transition(order, to=S.DELIVERED, source="test")
    return order


def test_entries_become_available_on_delivery():
    artist = ArtistFactory(commission_percent=20)
    order = order_paid((offer_by(artist, price=40000), 1))
    assert artist_balance(artist).pending == 32000 + order.shipping_fee
    assert artist_balance(artist).available == 0
    order_transition(order, to=S.DELIVERED, source="test")
    assert artist_balance(artist).available == 32000 + order.shipping_fee
    assert artist_balance(artist).pending == 0


def test_payout_takes_exactly_the_available_balance():
    artist = ArtistFactory(commission_percent=20)
    first = delivered_order(artist, 40000)
    second = delivered_order(artist, 10001, 3)
    order_paid((offer_by(artist, price=5000), 1))  # not delivered: stays pending
    available = artist_balance(artist).available
    assert available == 32000 + first.shipping_fee + (30003 - 6001) + second.shipping_fee

    payout = payout_record(artist, method=Payout.Method.BANK, expected_amount=available, reference="TX-1")

    assert payout.amount == available
    assert sum(e.payable for e in payout.entries.all()) == available
    balance = artist_balance(artist)
    assert (balance.available, balance.paid_out) == (0, available)
    assert balance.pending > 0


def test_payout_refuses_a_stale_amount():
    artist = ArtistFactory()
    delivered_order(artist)
    available = artist_balance(artist).available
    with pytest.raises(PayoutError) as caught:
        payout_record(artist, method=Payout.Method.BANK, expected_amount=available - 1)
    assert "changed" in str(caught.value.message)
    with pytest.raises(PayoutError):
        payout_record(artist, method=Payout.Method.BANK, expected_amount=available + 1)
    assert not Payout.objects.exists()
    assert artist_balance(artist).available == available


def test_payout_refuses_when_nothing_is_available():
    artist = ArtistFactory()
    order_paid((offer_by(artist, price=5000), 1))  # paid, not delivered
    with pytest.raises(PayoutError) as caught:
        payout_record(artist, method=Payout.Method.CASH, expected_amount=0)
    assert "after delivery" in str(caught.value.message)
    assert not Payout.objects.exists()


def test_a_payout_never_pays_an_entry_twice():
    artist = ArtistFactory()
    delivered_order(artist)
    available = artist_balance(artist).available
    payout_record(artist, method=Payout.Method.BANK, expected_amount=available)
    with pytest.raises(PayoutError):
        payout_record(artist, method=Payout.Method.BANK, expected_amount=available)
    assert Payout.objects.count() == 1


def test_a_refund_after_delivery_is_deducted_from_the_next_payout():
    artist = ArtistFactory(commission_percent=20)
    order = delivered_order(artist, 40000)
    before = artist_balance(artist).available
    order_refund_record(order, amount=10000, source="test")
    after = artist_balance(artist).available
    assert 0 < before - after <= 10000
    payout = payout_record(artist, method=Payout.Method.BANK, expected_amount=after)
    assert payout.amount == after


def stripe_artist():
    return ArtistFactory(payout_method="stripe", stripe_account_id="acct_test_gulnora", commission_percent=20)


def test_delivery_sends_a_connect_transfer(fake_stripe, django_capture_on_commit_callbacks):
    artist = stripe_artist()
    manual = ArtistFactory(payout_method="bank")
    order = order_paid((offer_by(artist, price=40000), 1), (offer_by(manual, price=20000), 1))
    owed = 32000 + order.lines.get(artist=artist).shipping_fee

    with django_capture_on_commit_callbacks(execute=True):
        order_transition(order, to=S.DELIVERED, source="test")

    [transfer] = fake_stripe.transfers.values()
    assert (transfer["amount"], transfer["currency"]) == (owed, "tjs")
    assert transfer["destination"] == "acct_test_gulnora"
    payout = Payout.objects.get(artist=artist)
    assert (payout.status, payout.amount) == (Payout.Status.PAID, owed)
    assert payout.stripe_transfer_id == transfer["id"]
    post = fake_stripe.requests_to("POST", "/v1/transfers")[0]
    assert post["headers"]["idempotency-key"] == payout.idempotency_key  # derived from the entries paid
    assert artist_balance(artist).paid_out == owed
    # The artist paid by bank waits for a manual payout.
    assert not Payout.objects.filter(artist=manual).exists()
    assert artist_balance(manual).available > 0


def test_a_failed_transfer_gives_the_entries_back(fake_stripe, django_capture_on_commit_callbacks):
    artist = stripe_artist()
    order = order_paid((offer_by(artist, price=40000), 1))
    fake_stripe.fail("transfers", "Your destination account needs to have at least one capability enabled.")

    with django_capture_on_commit_callbacks(execute=True):
        order_transition(order, to=S.DELIVERED, source="test")

    payout = Payout.objects.get(artist=artist)
    assert payout.status == Payout.Status.FAILED
    assert "capability" in payout.note
    assert not payout.entries.exists()
    assert fake_stripe.transfers == {}
    balance = artist_balance(artist)
    assert balance.available == 32000 + order.shipping_fee
    assert balance.paid_out == 0
    # Once Stripe accepts, the same balance can be sent.
    fake_stripe.failures.clear()
    from shop.tasks import connect_transfers_send

    assert connect_transfers_send.call(order_id=order.pk) == 1
    assert artist_balance(artist).paid_out == 32000 + order.shipping_fee
