"""Editors look after orders in the Wagtail admin: they mark bank transfers paid, post and
deliver parcels, cancel unpaid orders and make refunds, each through the shop's services."""

from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

import pytest

from shop.models import LedgerEntry, Order, OrderEvent
from tests.factories import OfferFactory, PrintOfferFactory, UserFactory, order_paid, order_place
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

BANK = Order.PaymentMethod.BANK_TRANSFER


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")


@pytest.fixture
def editor_client(client, editor):
    staff_login(client, editor)
    return client


@pytest.fixture
def act(django_capture_on_commit_callbacks):
    """POST one action on an order, running the after-commit emails as the request ends."""

    def post(client, order, action, **data):
        fields = {f"{action}-{name}": value for name, value in data.items()}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("shop_orders:action", args=[order.pk, action]), fields, follow=True)

    return post


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_order_list_filters_by_status(editor_client):
    waiting = order_place((OfferFactory(), 1), payment_method=BANK)
    paid = order_paid((OfferFactory(), 1), payment_method=BANK)
    response = editor_client.get(reverse("shop_orders:index"), {"status": "pending_payment"})
    assert response.status_code == 200
    content = response.content.decode()
    assert waiting.number in content
    assert paid.number not in content


def test_the_order_list_finds_an_order_by_the_buyers_email(editor_client):
    hers = order_place((OfferFactory(), 1), payment_method=BANK, email="zarina@example.tj")
    other = order_place((OfferFactory(), 1), payment_method=BANK)
    response = editor_client.get(reverse("shop_orders:index"), {"q": "zarina@"})
    content = response.content.decode()
    assert hers.number in content
    assert other.number not in content


def test_the_order_page_shows_lines_totals_and_the_moves_its_status_allows(editor_client):
    order = order_place((OfferFactory(artwork__title="Pomegranates at dusk"), 1), payment_method=BANK)
    response = editor_client.get(reverse("shop_orders:inspect", args=[order.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pomegranates at dusk" in content
    assert "Rudaki Avenue 12, apt 4" in content
    actions = [item["key"] for item in response.context["actions"]]
    assert actions == ["mark-paid", "cancel"]


def test_marking_a_bank_transfer_paid_writes_the_ledger_and_emails_the_buyer(editor_client, editor, act):
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    mail.outbox.clear()
    response = act(editor_client, order, "mark-paid", reference="AMONATBONK-4411")
    assert response.status_code == 200
    assert any("Marked paid" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.payment_reference == "AMONATBONK-4411"
    assert order.events.filter(to_status=Order.Status.PAID, actor=editor, source="editor").exists()
    [entry] = order.ledger_entries.all()
    assert entry.kind == LedgerEntry.Kind.SALE
    assert entry.gross == 150000
    assert "buyer@example.com" in [to for email in mail.outbox for to in email.to]


def test_a_card_order_cannot_be_marked_paid_by_hand(editor_client, act):
    order = order_place((OfferFactory(), 1), payment_method=Order.PaymentMethod.CARD)
    response = act(editor_client, order, "mark-paid")
    assert any("cannot move" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert not order.ledger_entries.exists()


def test_a_user_without_shop_permissions_cannot_see_or_move_orders(client, act):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, clerk)
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    assert client.get(reverse("shop_orders:index")).status_code in {302, 403}
    assert client.get(reverse("shop_orders:inspect", args=[order.pk])).status_code in {302, 403}
    response = client.post(reverse("shop_orders:action", args=[order.pk, "mark-paid"]))
    assert response.status_code in {302, 403}
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_an_editor_who_may_only_view_orders_sees_no_actions_and_cannot_act(client):
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_order")
    )
    staff_login(client, viewer)
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    response = client.get(reverse("shop_orders:inspect", args=[order.pk]))
    assert response.status_code == 200
    assert response.context["actions"] == []
    response = client.post(reverse("shop_orders:action", args=[order.pk, "cancel"]))
    assert response.status_code in {302, 403}
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_marking_shipped_records_the_tracking_number(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    response = act(editor_client, order, "ship", carrier="Tojikiston Post", tracking_number="RR123456789TJ")
    assert any("Marked shipped" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.SHIPPED
    [line] = order.lines.all()
    assert line.tracking_number == "RR123456789TJ"
    assert line.carrier == "Tojikiston Post"


def test_marking_delivered_makes_the_artists_earnings_available(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    act(editor_client, order, "deliver")
    order.refresh_from_db()
    assert order.status == Order.Status.DELIVERED
    assert set(order.ledger_entries.values_list("state", flat=True)) == {LedgerEntry.State.AVAILABLE}


def test_cancelling_a_pending_order_puts_its_stock_back(editor_client, act):
    offer = PrintOfferFactory(stock=5)
    order = order_place((offer, 2), payment_method=BANK)
    offer.refresh_from_db()
    assert offer.stock == 3
    response = act(editor_client, order, "cancel", note="Buyer changed her mind by phone.")
    assert any("Cancelled" in text for text in messages_of(response))
    order.refresh_from_db()
    offer.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    assert offer.stock == 5
    assert order.events.filter(note="Buyer changed her mind by phone.").exists()


def test_a_partial_then_a_full_refund_ends_refunded(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)  # 1 500 + 50 shipping = 1 550 TJS
    assert order.total == 155000
    act(editor_client, order, "refund", amount="500", note="Frame arrived cracked.")
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.refunded_amount == 50000
    assert order.ledger_entries.filter(kind=LedgerEntry.Kind.REFUND).count() == 1

    response = act(editor_client, order, "refund", amount="1050.00")
    assert any("Refund recorded" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    assert order.refunded_amount == order.total


def test_refunds_adding_up_to_the_total_leave_the_artist_owed_nothing(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    act(editor_client, order, "refund", amount="500")
    act(editor_client, order, "refund", amount="1050")
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    assert sum(entry.payable for entry in order.ledger_entries.all()) == 0
    assert sum(entry.commission for entry in order.ledger_entries.all()) == 0


def test_a_refund_larger_than_what_is_left_is_refused_and_changes_nothing(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    events = OrderEvent.objects.filter(order=order).count()
    response = act(editor_client, order, "refund", amount="1550.01")
    assert any("left to refund" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.refunded_amount == 0
    assert not order.ledger_entries.filter(kind=LedgerEntry.Kind.REFUND).exists()
    assert OrderEvent.objects.filter(order=order).count() == events


def test_a_zero_refund_is_refused(editor_client, act):
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    response = act(editor_client, order, "refund", amount="0")
    assert any("greater than zero" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.refunded_amount == 0


def test_an_action_the_status_does_not_allow_is_refused(editor_client, act):
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    response = act(editor_client, order, "ship", tracking_number="RR1TJ")
    assert any("cannot move" in text for text in messages_of(response))
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert not order.lines.exclude(shipped_at=None).exists()
