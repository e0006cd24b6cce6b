"""Money under faults and abuse: one test per way a buyer could be charged twice, a payment
lost, or an artist paid twice (issue "Money you can trust", findings 1, 2, 4, 5 and 6)."""

import json
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

import pytest

from shop.models import LedgerEntry, Offer, Order, OrderEvent, PaymentAttempt, Payout, Refund
from shop.payments import gateway_for, transfers_gateway
from shop.services import (
    CheckoutError,
    order_create,
    order_mark_paid,
    order_transition,
    orders_expire,
    orders_expire_report,
)
from shop.services.reconcile import payouts_reconcile
from shop.tasks import connect_transfers_send
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    OfferFactory,
    buyer_details,
    order_paid,
    order_place,
)
from tests.fakes.stripe_server import sign
from tests.shop.checkout import checkout_data
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db
S = Order.Status
URLS = {"success_url": "https://x.example/ok", "cancel_url": "https://x.example/no"}


def card_order(fake_stripe, **buyer):
    order = order_place((OfferFactory(), 1), **buyer)
    gateway_for(order).start(order, **URLS)
    order.refresh_from_db()
    return order


def charged(fake_stripe) -> int:
    """What buyers paid at the fake Stripe, less what it gave back."""
    paid = sum(c["amount"] for c in fake_stripe.charges.values())
    return paid - sum(c["amount_refunded"] for c in fake_stripe.charges.values())


# 1. Paying again after a late webhook ---------------------------------------------------


def test_pay_again_after_a_late_webhook_neither_loses_nor_doubles_the_charge(
    client, fake_stripe, django_capture_on_commit_callbacks
):
    order = card_order(fake_stripe)
    first = order.stripe_session_id
    late = fake_stripe.complete(first)  # she paid; the webhook is late

    # Her order page still said "waiting"; she presses "Pay now" again.
    response = client.post(f"/en/shop/orders/{order.token}/pay/")

    assert response.status_code == 303
    assert list(fake_stripe.sessions) == [first], "no second session while the first is paid"
    order.refresh_from_db()
    assert order.status == S.PAID
    # The late webhook finds the same session and changes nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert fake_stripe.deliver(late, client=client).status_code == 200
    order.refresh_from_db()
    assert order.status == S.PAID
    assert LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.SALE).count() == 1
    assert charged(fake_stripe) == order.total


def test_the_order_page_offers_no_new_payment_while_a_session_may_complete(client, fake_stripe):
    order = card_order(fake_stripe)
    page = client.get(f"/en/shop/orders/{order.token}/").content.decode()
    assert "Continue to payment" in page
    assert "Pay now" not in page

    # She paid; the answer was lost. Her page asks Stripe and shows the payment, no button.
    fake_stripe.complete(order.stripe_session_id)
    PaymentAttempt.objects.filter(order=order).update(state=PaymentAttempt.State.UNKNOWN)
    page = client.get(f"/en/shop/orders/{order.token}/").content.decode()
    assert "Pay now" not in page and "Continue to payment" not in page
    order.refresh_from_db()
    assert order.status == S.PAID


def test_an_old_sessions_webhook_still_finds_its_order(client, fake_stripe):
    order = card_order(fake_stripe)
    first = order.stripe_session_id
    fake_stripe.expire(first)  # expired at Stripe; its event is lost
    fake_stripe.sessions[first]["status"] = "open"  # ...and yet she pays it (reordered world)
    event = fake_stripe.complete(first)
    Order.objects.filter(pk=order.pk).update(stripe_session_id="cs_some_later_session")

    fake_stripe.deliver(event, client=client)

    order.refresh_from_db()
    assert order.status == S.PAID


def test_a_second_payment_of_a_paid_order_is_refunded_with_an_event_and_an_email(
    client, fake_stripe, django_capture_on_commit_callbacks
):
    order = card_order(fake_stripe)
    # An editor recorded the money another way while her card session was still open.
    order_mark_paid(order, amount=order.total, currency=order.currency, source="editor")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fake_stripe.deliver(fake_stripe.complete(order.stripe_session_id), client=client)

    refund = Refund.objects.get(order=order)
    assert (refund.state, refund.amount, refund.counts_for_order) == ("succeeded", order.total, False)
    assert charged(fake_stripe) == 0
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (S.PAID, 0)
    assert OrderEvent.objects.filter(order=order, note__contains="duplicate payment").exists()
    assert any("paid twice" in m.body for m in mail.outbox if m.to == [order.email])


# 2. A transfer whose answer was lost ----------------------------------------------------


def stripe_artist():
    return ArtistFactory(payout_method="stripe", stripe_account_id="acct_test_nilufar", commission_percent=20)


def offer_by(artist, price):
    return OfferFactory(artwork=ArtworkFactory(artist=artist), price_amount=price)


def deliver(order, capture):
    with capture(execute=True):
        order_transition(order, to=S.DELIVERED, source="test")


def test_an_artist_is_never_paid_twice_after_a_transfer_times_out(
    fake_stripe, django_capture_on_commit_callbacks
):
    artist = stripe_artist()
    first = order_paid((offer_by(artist, 250000), 1), email="one@example.com")
    fake_stripe.drop("transfers", after=True, times=2)  # Stripe makes it; the answer is lost

    deliver(first, django_capture_on_commit_callbacks)
    fake_stripe.drops.clear()
    payout = Payout.objects.get(artist=artist)
    assert payout.status == Payout.Status.UNKNOWN
    assert not LedgerEntry.objects.filter(artist=artist, state=LedgerEntry.State.AVAILABLE).exists()

    # A second sale is delivered: only its own money may go.
    second = order_paid((offer_by(artist, 100000), 1), email="two@example.com")
    deliver(second, django_capture_on_commit_callbacks)
    payouts_reconcile(gateway=transfers_gateway())

    owed = sum(e.payable for e in LedgerEntry.objects.filter(artist=artist))
    sent = sum(t["amount"] for t in fake_stripe.transfers.values())
    assert sent == owed
    assert set(Payout.objects.filter(artist=artist).values_list("status", flat=True)) == {Payout.Status.PAID}


def test_a_transfer_lost_before_stripe_acted_is_sent_again_after_reconciliation(
    fake_stripe, django_capture_on_commit_callbacks
):
    artist = stripe_artist()
    order = order_paid((offer_by(artist, 250000), 1))
    fake_stripe.drop("transfers", after=False)

    deliver(order, django_capture_on_commit_callbacks)
    assert Payout.objects.get(artist=artist).status == Payout.Status.UNKNOWN
    assert fake_stripe.transfers == {}

    assert payouts_reconcile(gateway=transfers_gateway()) == {"failed": 1}
    assert connect_transfers_send.call(order_id=order.pk) == 1
    owed = sum(e.payable for e in LedgerEntry.objects.filter(artist=artist, kind="sale"))
    assert sum(t["amount"] for t in fake_stripe.transfers.values()) == owed


def test_transfer_keys_come_from_the_entries_they_pay(fake_stripe, django_capture_on_commit_callbacks):
    artist = stripe_artist()
    order = order_paid((offer_by(artist, 250000), 1))
    deliver(order, django_capture_on_commit_callbacks)
    payout = Payout.objects.get(artist=artist)
    key = fake_stripe.requests_to("POST", "/v1/transfers")[0]["headers"]["idempotency-key"]
    assert key == payout.idempotency_key
    assert str(payout.pk) not in key.split("-")[-1]
    assert key.startswith(f"transfer-{artist.pk}-")


# 4. Every reservation ends --------------------------------------------------------------


def test_a_cash_on_delivery_order_lapses_unless_the_artist_posts_it(settings):
    settings.SHOP_CASH_CONFIRM_DAYS = 3
    offer = OfferFactory()
    order = order_place((offer, 1), payment_method="cash")
    assert order.expires_at is not None

    assert orders_expire(now=timezone.now() + timedelta(days=2)) == 0
    assert orders_expire(now=timezone.now() + timedelta(days=3, minutes=1)) == 1
    order.refresh_from_db()
    offer.refresh_from_db()
    assert (order.status, offer.stock) == (S.CANCELLED, 1)


def test_a_posted_cash_order_no_longer_lapses():
    from shop.services import line_ship

    order = order_place((OfferFactory(), 1), payment_method="cash")
    line_ship(order.lines.get(), carrier="Post", tracking_number="TJ1")
    assert orders_expire(now=timezone.now() + timedelta(days=30)) == 0


def test_one_buyer_may_hold_only_a_few_unpaid_orders(settings):
    settings.SHOP_UNPAID_ORDERS_PER_EMAIL = 3
    for _ in range(3):
        order_place((OfferFactory(), 1), payment_method="cash", email="Hoarder@Example.com")
    with pytest.raises(CheckoutError, match="waiting for payment"):
        order_place((OfferFactory(), 1), payment_method="cash", email="hoarder@example.com")


def test_one_address_may_hold_only_a_few_unpaid_orders(settings):
    settings.SHOP_UNPAID_ORDERS_PER_ADDRESS = 2
    for index in range(2):
        order_create(
            [(OfferFactory().pk, 1)],
            buyer_details(email=f"b{index}@example.com", payment_method="cash"),
            client_address="203.0.113.9",
        )
    with pytest.raises(CheckoutError):
        order_create(
            [(OfferFactory().pk, 1)],
            buyer_details(email="b9@example.com", payment_method="cash"),
            client_address="203.0.113.9",
        )
    assert not Order.objects.filter(placed_from__contains="203.0.113.9").exists()


def test_the_unpaid_order_limit_applies_at_checkout(client, settings):
    settings.SHOP_UNPAID_ORDERS_PER_EMAIL = 1
    order_place((OfferFactory(), 1), payment_method="bank_transfer", email="once@example.com")
    offer = OfferFactory()
    client.post("/en/shop/cart/add/", {"offer": offer.pk})
    response = client.post("/en/shop/checkout/", checkout_data(email="once@example.com"))
    assert response.status_code == 200
    assert "waiting for payment" in response.content.decode()
    assert Order.objects.count() == 1


# 5. One bad order never stops the sweep; stock edits keep the rule ------------------------


def test_one_failing_order_does_not_stop_the_expiry_sweep():
    orders = [
        order_place((OfferFactory(), 1), payment_method="bank_transfer", email=f"s{i}@example.com")
        for i in range(3)
    ]
    from shop.services import expiry

    real = expiry.order_cancel

    def cancel(order, **kwargs):
        if order.pk == orders[0].pk:
            raise IntegrityError("CHECK constraint failed: offer_original_stock_at_most_one")
        return real(order, **kwargs)

    with mock.patch.object(expiry, "order_cancel", cancel):
        report = orders_expire_report(now=timezone.now() + timedelta(days=30))

    assert report == {"failed": 1, "cancelled": 2}
    assert [Order.objects.get(pk=o.pk).status for o in orders] == [
        S.PENDING_PAYMENT,
        S.CANCELLED,
        S.CANCELLED,
    ]


def test_a_reserved_original_cannot_be_put_back_in_stock():
    offer = OfferFactory()
    order = order_place((offer, 1), payment_method="bank_transfer")
    offer.refresh_from_db()
    offer.stock = 1
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "reserved or sold" in str(error.value)
    # The order still expires cleanly and the original is for sale once, not twice.
    assert orders_expire(now=order.expires_at + timedelta(minutes=1)) == 1
    offer.refresh_from_db()
    assert offer.stock == 1


def test_the_offers_snippet_refuses_to_restock_a_reserved_original(client, django_user_model):
    admin_client = client
    staff_login(
        client, django_user_model.objects.create_superuser(email="ed@tajikheritage.local", password="x")
    )
    offer = OfferFactory()
    order_place((offer, 1), payment_method="bank_transfer")
    offer.refresh_from_db()
    response = admin_client.post(
        reverse("shop_offers:edit", args=[offer.pk]),
        {
            "artwork": offer.artwork_id,
            "kind": "original",
            "price_amount": offer.price_amount,
            "currency": "TJS",
            "stock": 1,
            "shipping_profile": offer.shipping_profile_id,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "reserved or sold" in response.content.decode()
    offer.refresh_from_db()
    assert offer.stock == 0


def test_printed_edition_stock_counts_what_orders_hold():
    offer = OfferFactory(kind=Offer.Kind.PRINT, edition_size=5, stock=5)
    order_place((offer, 2), payment_method="bank_transfer")
    offer.refresh_from_db()
    offer.stock = 4
    with pytest.raises(ValidationError):
        offer.full_clean()
    offer.stock = 3
    offer.full_clean()


# 6. Webhooks trust only what they should -------------------------------------------------


def test_an_event_from_a_connected_account_is_ignored(client, fake_stripe):
    order = card_order(fake_stripe)
    event = fake_stripe.complete(order.stripe_session_id)
    body = event.data | {"account": "acct_someone_else"}
    forged = fake_stripe.event(body["type"], body["data"]["object"])
    data = forged.data | {"account": "acct_someone_else"}
    payload = json.dumps(data).encode()
    response = fake_stripe.deliver((payload, sign(payload, fake_stripe.webhook_secret)), client=client)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == S.PENDING_PAYMENT


def test_a_stripe_event_cannot_pay_a_bank_transfer_order(client, fake_stripe):
    card = card_order(fake_stripe, email="card@example.com")
    bank = order_place((OfferFactory(price_amount=card.subtotal), 1), payment_method="bank_transfer")
    session = fake_stripe.sessions[card.stripe_session_id]
    session["metadata"] = {"order_id": str(bank.pk), "order_number": bank.number}
    session["id"] = "cs_test_points_elsewhere"
    fake_stripe.sessions["cs_test_points_elsewhere"] = session

    fake_stripe.deliver(fake_stripe.complete("cs_test_points_elsewhere"), client=client)

    bank.refresh_from_db()
    assert bank.status == S.PENDING_PAYMENT
    assert bank.stripe_payment_intent == ""


def test_a_rejected_amount_writes_nothing_on_the_order(client, fake_stripe):
    order = card_order(fake_stripe)
    wrong = fake_stripe.complete(order.stripe_session_id, amount_total=1)

    assert fake_stripe.deliver(wrong, client=client).status_code == 200

    order.refresh_from_db()
    assert order.status == S.PENDING_PAYMENT
    assert order.stripe_payment_intent == ""
    assert order.payment_reference == ""
