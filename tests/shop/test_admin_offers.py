"""Editors can correct what is for sale (price, stock, on sale or not) and consult the shop's
read-only records: the ledger and the payment provider's webhooks."""

from django.contrib.auth.models import Permission
from django.urls import reverse

import pytest

from shop.models import LedgerEntry, Offer, Order, WebhookEvent
from shop.services import order_transition
from tests.factories import ArtistFactory, OfferFactory, PrintOfferFactory, UserFactory, order_paid
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    staff_login(
        client, django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")
    )
    return client


def offer_data(offer: Offer, **changes) -> dict:
    data = {
        "artwork": offer.artwork_id,
        "kind": offer.kind,
        "price_amount": offer.price_amount,
        "currency": offer.currency,
        "price_usd_amount": offer.price_usd_amount or "",
        "edition_size": offer.edition_size or "",
        "stock": offer.stock,
        "shipping_profile": offer.shipping_profile_id,
    }
    if offer.active:
        data["active"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_editor_can_change_a_prints_price_and_stock_and_take_it_off_sale(editor_client):
    offer = PrintOfferFactory(stock=10, price_amount=25000)
    data = offer_data(offer, price_amount=30000, stock=4)
    del data["active"]
    response = editor_client.post(reverse("shop_offers:edit", args=[offer.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    offer.refresh_from_db()
    assert (offer.price_amount, offer.stock, offer.active) == (30000, 4, False)
    assert not Offer.objects.buyable().filter(pk=offer.pk).exists()


def test_an_original_cannot_be_given_more_than_one_in_stock(editor_client):
    offer = OfferFactory()
    response = editor_client.post(reverse("shop_offers:edit", args=[offer.pk]), offer_data(offer, stock=3))
    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.stock == 1


def test_the_offer_list_shows_the_artist_and_filters_by_kind(editor_client):
    original = OfferFactory(artwork__artist=ArtistFactory(display_name="Mehrangez Olimova"))
    prints = PrintOfferFactory()
    response = editor_client.get(reverse("shop_offers:list"))
    assert response.status_code == 200
    assert "Mehrangez Olimova" in response.content.decode()
    response = editor_client.get(reverse("shop_offers:list"), {"kind": "print"})
    assert list(response.context["object_list"]) == [prints]
    assert original not in response.context["object_list"]


def test_staff_without_the_offer_permission_cannot_edit_offers(client):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, clerk)
    offer = PrintOfferFactory(price_amount=25000)
    response = client.post(reverse("shop_offers:edit", args=[offer.pk]), offer_data(offer, price_amount=1))
    assert response.status_code in {302, 403}
    offer.refresh_from_db()
    assert offer.price_amount == 25000


def test_the_shipping_profiles_list_shows_the_fees(editor_client):
    response = editor_client.get(reverse("shop_shipping:list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rolled textile or unframed work" in content
    assert "400\u00a0TJS" in content  # its fee to Central Asia and CIS, 40 000 diram


def test_the_ledger_filters_by_state_and_offers_no_editing(editor_client):
    delivered = order_transition(
        order_paid((OfferFactory(), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER),
        to=Order.Status.DELIVERED,
    )
    pending = order_paid((OfferFactory(), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    response = editor_client.get(reverse("shop_ledger:index"), {"state": LedgerEntry.State.AVAILABLE})
    assert response.status_code == 200
    assert {entry.order for entry in response.context["object_list"]} == {delivered}
    assert pending.number not in response.content.decode()
    entry = delivered.ledger_entries.get()
    assert editor_client.get(reverse("shop_ledger:inspect", args=[entry.pk])).status_code == 200
    assert editor_client.get(f"/admin/shop/ledger/edit/{entry.pk}/").status_code == 404


def test_webhook_events_are_listed_for_reading_only(editor_client):
    order = order_paid((OfferFactory(), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    WebhookEvent.objects.create(
        provider="stripe", event_id="evt_123", type="checkout.session.completed", order=order, outcome="paid"
    )
    response = editor_client.get(reverse("shop_webhook_events:index"))
    assert response.status_code == 200
    assert "evt_123" in response.content.decode()
    assert editor_client.get("/admin/shop/webhooks/new/").status_code == 404


def test_the_shop_menu_groups_its_screens_and_hides_them_from_staff_without_permissions(
    client, editor_client
):
    content = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Shop", "Orders", "Balances", "Payouts", "Ledger", "Offers", "Shipping profiles"):
        assert f'"{label}"' in content, label
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, clerk)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Balances"' not in content
    assert '"Orders"' not in content


def test_every_shop_screen_opens_for_an_editor(editor_client, django_user_model):
    from shop.services import payout_record

    order = order_transition(
        order_paid((OfferFactory(), 1), payment_method=Order.PaymentMethod.BANK_TRANSFER),
        to=Order.Status.DELIVERED,
    )
    entry = order.ledger_entries.get()
    payout = payout_record(entry.artist, method="bank", expected_amount=entry.payable)
    event = WebhookEvent.objects.create(
        provider="stripe", event_id="evt_9", type="charge.refunded", order=order
    )
    urls = [
        reverse("shop_orders:index") + "?created_at_from=2020-01-01&payment_method=bank_transfer",
        reverse("shop_orders:inspect", args=[order.pk]),
        reverse("shop_balances:index"),
        reverse("shop_payouts:index") + f"?artist={entry.artist_id}",
        reverse("shop_payouts:inspect", args=[payout.pk]),
        reverse("shop_ledger:index") + "?kind=sale",
        reverse("shop_webhook_events:inspect", args=[event.pk]),
        reverse("shop_offers:list") + "?active=true",
        reverse("shop_offers:edit", args=[order.lines.get().offer_id]),
        reverse("shop_shipping:add"),
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 200, url
