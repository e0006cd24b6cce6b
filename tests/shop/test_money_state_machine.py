"""Money in every order of events: a Hypothesis state machine drives carts, orders, payment
attempts, webhooks (duplicated, reordered, delayed, lost), expiries, refunds, deliveries,
payouts and Stripe calls whose answer is lost before or after Stripe acted — against the fake
Stripe over HTTP — and checks the shop's money rules after every step.

After every step: no offer's stock below zero or sold beyond what exists; for every paid order
sum(net) + sum(commission) = total − shipping; no ledger entry carried by two payouts; never
more transferred to an artist than her paid-out entries hold. After each `settle` (lost
answers reconciled, pending webhooks delivered): money captured from each buyer equals the
total of her paid orders less what was refunded on them, every charge at Stripe belongs to a
paid order or was given back, and every transfer to a paid payout.

Examples per run: HYPOTHESIS_MONEY_EXAMPLES (default 300). A failure prints the seed
(`@seed(...)`) and the steps to reproduce it."""

import contextlib
import os
from datetime import timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_config
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from shop.models import LedgerEntry, Offer, Order, PaymentAttempt, Payout
from shop.payments import gateway_for, transfers_gateway
from shop.services import (
    PaymentError,
    RefundError,
    RefundOutcomeUnknown,
    ShopError,
    order_cancel,
    order_create,
    order_mark_paid,
    order_refund,
    order_transition,
    orders_expire_report,
)
from shop.services.reconcile import orders_reconcile, payouts_reconcile
from shop.tasks import connect_transfers_send
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, PrintOfferFactory, buyer_details

pytestmark = pytest.mark.django_db
S = Order.Status
BUYERS = ["aziza@example.com", "bob@example.org", "chen@example.net"]
URLS = {"success_url": "https://x.example/ok", "cancel_url": "https://x.example/no"}
EXAMPLES = int(os.environ.get("HYPOTHESIS_MONEY_EXAMPLES", "300"))
drops = st.sampled_from([None, "before", "after"])


class Money(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        # Each example runs in a savepoint of the test's transaction and is rolled back, so
        # the artists and offers made once by the test start every example afresh.
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.fake = BASE["fake"]
        for store in (self.fake.sessions, self.fake.refunds, self.fake.transfers, self.fake.charges):
            store.clear()
        self.fake.requests.clear()
        self.fake.drops.clear()
        self.fake._idempotent.clear()
        self.offers = list(Offer.objects.filter(pk__in=BASE["offers"]).order_by("pk"))
        self.capacity = {offer.pk: offer.stock for offer in self.offers}
        self.events = []  # signed webhooks Stripe has not delivered yet
        self.now = timezone.now()

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    # -- helpers ------------------------------------------------------------------------

    def lose(self, endpoint, drop):
        if drop is not None:
            self.fake.drop(endpoint, after=drop == "after")

    def orders(self, *statuses):
        queryset = Order.objects.order_by("pk")
        return list(queryset.filter(status__in=statuses) if statuses else queryset)

    def pick(self, data, items):
        return data.draw(st.sampled_from(items)) if items else None

    # -- buyers ---------------------------------------------------------------------------

    @rule(
        buyer=st.sampled_from(BUYERS),
        which=st.lists(st.integers(0, 2), min_size=1, max_size=2, unique=True),
        quantity=st.integers(1, 2),
        card=st.booleans(),
    )
    def place_order(self, buyer, which, quantity, card):
        items = [(self.offers[i].pk, quantity) for i in which]
        method = Order.PaymentMethod.CARD if card else Order.PaymentMethod.BANK_TRANSFER
        with contextlib.suppress(ShopError):
            order_create(items, buyer_details(email=buyer, payment_method=method))

    @rule(data=st.data(), drop=drops)
    def start_payment(self, data, drop):
        order = self.pick(data, [o for o in self.orders(S.PENDING_PAYMENT) if o.payment_method == "card"])
        if order is None:
            return
        self.lose("checkout/sessions", drop)
        with contextlib.suppress(PaymentError):
            gateway_for(order).start(order, **URLS)
        self.fake.drops.clear()

    @rule(data=st.data())
    def buyer_pays(self, data):
        open_sessions = [sid for sid, s in self.fake.sessions.items() if s["status"] == "open"]
        session_id = self.pick(data, open_sessions)
        if session_id is not None:
            self.events.append(self.fake.complete(session_id))

    @rule(data=st.data())
    def session_runs_out(self, data):
        open_sessions = [sid for sid, s in self.fake.sessions.items() if s["status"] == "open"]
        session_id = self.pick(data, open_sessions)
        if session_id is not None:
            self.events.append(self.fake.expire(session_id))

    @rule(data=st.data(), keep=st.booleans())
    def stripe_delivers(self, data, keep):
        """One pending webhook arrives, in any order; it may arrive again later."""
        if not self.events:
            return
        index = data.draw(st.integers(0, len(self.events) - 1))
        event = self.events[index] if keep else self.events.pop(index)
        self.fake.deliver(event)

    @rule(data=st.data())
    def a_webhook_is_lost(self, data):
        if self.events:
            self.events.pop(data.draw(st.integers(0, len(self.events) - 1)))

    @rule(data=st.data())
    def buyer_cancels(self, data):
        order = self.pick(data, self.orders(S.PENDING_PAYMENT))
        if order is not None:
            with contextlib.suppress(ShopError):
                order_cancel(order, source="buyer")

    # -- time, editors, artists ---------------------------------------------------------------

    @rule(minutes=st.sampled_from([10, 40, 60 * 24 * 8]))
    def time_passes_and_the_sweep_runs(self, minutes):
        self.now += timedelta(minutes=minutes)
        orders_expire_report(now=self.now)

    @rule(data=st.data())
    def editor_records_a_bank_transfer(self, data):
        order = self.pick(
            data, [o for o in self.orders(S.PENDING_PAYMENT, S.CANCELLED) if o.payment_method != "card"]
        )
        if order is not None:
            with contextlib.suppress(ShopError):
                order_mark_paid(order, amount=order.total, currency=order.currency, source="editor")

    @rule(data=st.data(), part=st.sampled_from([1, 2, 3]), drop=drops)
    def editor_refunds(self, data, part, drop):
        order = self.pick(data, self.orders(S.PAID, S.SHIPPED, S.DELIVERED))
        if order is None:
            return
        self.lose("refunds", drop)
        with contextlib.suppress(RefundError, RefundOutcomeUnknown):
            order_refund(order, amount=max(1, order.refundable_amount // part), note="test")
        self.fake.drops.clear()

    @rule(data=st.data(), drop=drops)
    def parcel_arrives(self, data, drop):
        order = self.pick(data, self.orders(S.PAID, S.SHIPPED))
        if order is None:
            return
        order_transition(order, to=S.DELIVERED, source="test")
        self.lose("transfers", drop)
        connect_transfers_send.call(order_id=order.pk)
        self.fake.drops.clear()

    @rule()
    def settle(self):
        """Reconciliation runs with Stripe answering and every pending webhook arrives: then
        the books and Stripe must agree to the cent."""
        self.fake.drops.clear()
        orders_reconcile(older_than=timedelta(0), now=timezone.now() + timedelta(days=30))
        payouts_reconcile(gateway=transfers_gateway(), now=timezone.now() + timedelta(days=1))
        while self.events:
            self.fake.deliver(self.events.pop(0))
        orders_reconcile(older_than=timedelta(0), now=timezone.now() + timedelta(days=30))
        self.books_agree_with_stripe()

    # -- what must always hold ----------------------------------------------------------------

    @invariant()
    def stock_never_negative_nor_oversold(self):
        for offer in Offer.objects.filter(pk__in=self.capacity):
            held = [*Offer.TAKING_STATUSES, S.REFUNDED]  # a refunded work is not back on sale by itself
            taken = offer.order_lines.filter(order__status__in=held).aggregate(n=Sum("quantity"))
            assert offer.stock >= 0
            assert offer.stock + (taken["n"] or 0) == self.capacity[offer.pk], offer

    @invariant()
    def paid_orders_balance(self):
        for order in Order.objects.exclude(status__in=[S.PENDING_PAYMENT, S.CANCELLED]):
            sale = order.ledger_entries.filter(kind=LedgerEntry.Kind.SALE).aggregate(
                net=Sum("net"), commission=Sum("commission")
            )
            assert (sale["net"] or 0) + (sale["commission"] or 0) == order.total - order.shipping_fee

    @invariant()
    def never_more_transferred_than_paid_out(self):
        sent = sum(t["amount"] for t in self.fake.transfers.values())
        carried = LedgerEntry.objects.filter(
            state=LedgerEntry.State.PAID_OUT, payout__method=Payout.Method.STRIPE
        ).exclude(payout__status=Payout.Status.FAILED)
        owed = sum(entry.payable for entry in carried)
        assert sent <= owed
        for payout in Payout.objects.filter(status=Payout.Status.PAID):
            assert payout.amount == sum(entry.payable for entry in payout.entries.all())

    def books_agree_with_stripe(self):
        intents = {a.payment_intent: a for a in PaymentAttempt.objects.exclude(payment_intent="")}
        for buyer in BUYERS:
            captured = 0
            for intent, charge in self.fake.charges.items():
                session = next(s for s in self.fake.sessions.values() if s["payment_intent"] == intent)
                if session["customer_email"] == buyer:
                    captured += charge["amount"] - charge["amount_refunded"]
            orders = Order.objects.filter(email=buyer, payment_method="card").exclude(
                status__in=[S.PENDING_PAYMENT, S.CANCELLED]
            )
            kept = sum(order.total - order.refunded_amount for order in orders)
            assert captured == kept, f"{buyer}: captured {captured}, her paid orders keep {kept}"
        for intent, charge in self.fake.charges.items():
            attempt = intents.get(intent)
            assert attempt is not None, f"a charge no attempt knows: {intent}"
            paying = attempt.order.stripe_payment_intent == intent
            assert paying or charge["amount_refunded"] == charge["amount"], "a stray charge was not refunded"
        assert not Payout.objects.filter(status__in=[Payout.Status.UNKNOWN, Payout.Status.SENDING]).exists()
        for payout in Payout.objects.filter(method=Payout.Method.STRIPE, status=Payout.Status.PAID):
            transfer = self.fake.transfers[payout.stripe_transfer_id]
            assert transfer["amount"] == payout.amount


# What every example starts from: made once by the test (Hypothesis builds the machine).
BASE: dict = {}


def test_money_rules_hold_in_every_order_of_events(settings, fake_stripe):
    settings.SHOP_UNPAID_ORDERS_PER_EMAIL = 50
    stripe_artist = ArtistFactory(payout_method="stripe", stripe_account_id="acct_test_sm")
    bank_artist = ArtistFactory(payout_method="bank")
    offers = [
        OfferFactory(artwork=ArtworkFactory(artist=stripe_artist, with_image=False), price_amount=120000),
        OfferFactory(artwork=ArtworkFactory(artist=bank_artist, with_image=False), price_amount=90000),
        PrintOfferFactory(
            artwork=ArtworkFactory(artist=stripe_artist, with_image=False),
            price_amount=30000,
            stock=3,
            edition_size=3,
        ),
    ]
    BASE.update(fake=fake_stripe, offers=[offer.pk for offer in offers])
    run = Money.TestCase
    run.settings = hypothesis_settings()
    run("runTest").runTest()


def hypothesis_settings():
    return hypothesis_config(
        max_examples=EXAMPLES,
        stateful_step_count=12,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
