"""A buyer is one buyer however she types her address: the limit on unpaid orders counts her
canonical address, and checkout refuses a look-alike address with a clear message."""

import pytest

from shop.models import Order
from shop.services import CheckoutError
from tests.factories import OfferFactory, order_place
from tests.shop.checkout import checkout_data

pytestmark = pytest.mark.django_db


def test_the_unpaid_order_limit_counts_every_spelling_of_one_address(settings):
    settings.SHOP_UNPAID_ORDERS_PER_EMAIL = 3
    for typed in ["Sara@Example.com", "ſara@example.com", "SARA@EXAMPLE.COM"]:
        order_place((OfferFactory(), 1), payment_method="cash", email=typed)

    with pytest.raises(CheckoutError, match="waiting for payment"):
        order_place((OfferFactory(), 1), payment_method="cash", email="ſarA@example.com")
    assert set(Order.objects.values_list("email", flat=True)) == {"sara@example.com"}


def test_checkout_refuses_a_look_alike_address_with_a_clear_message(client):
    offer = OfferFactory()
    client.post("/en/shop/cart/add/", {"offer": offer.pk})

    response = client.post("/en/shop/checkout/", checkout_data(email="madina@gmaıl.com"))

    assert response.status_code == 200
    assert "letters of one alphabet" in response.content.decode()
    assert not Order.objects.exists()
