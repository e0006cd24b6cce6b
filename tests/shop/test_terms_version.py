"""The order records which publication of the terms of sale the buyer accepted; she sees it
on her order page and in her emails, editors in the admin."""

from django.core import mail
from django.urls import reverse

import pytest

from shop.models import Order
from tests.factories import OfferFactory, order_place
from tests.policies import policy_republish, site_with_policies
from tests.shop.checkout import cart_with, checkout_data
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


def test_the_terms_version_she_accepted_is_stored_on_the_order(client, django_capture_on_commit_callbacks):
    pages = site_with_policies()
    terms = policy_republish(pages["terms"]["ru"], intro="Вторая редакция.")
    cart_with(client, (OfferFactory(), 1), language="ru")

    checkout = client.get("/ru/shop/checkout/").content.decode()
    assert 'href="/ru/terms/"' in checkout
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ru/shop/checkout/", checkout_data(terms_revision=terms.live_revision_id))

    order = Order.objects.get()
    assert order.terms_page_id == terms.pk
    assert order.terms_revision_id == terms.live_revision_id
    assert order.terms_version == 2
    assert order.terms_published_at == terms.last_published_at
    page = client.get(f"/ru/shop/orders/{order.token}/").content.decode()
    assert "order-terms" in page
    assert "2" in page[page.index("order-terms") :][:200]
    assert "http://localhost/ru/terms/" in mail.outbox[0].body or "/ru/terms/" in mail.outbox[0].body


def test_terms_published_again_during_checkout_must_be_accepted_again(client):
    pages = site_with_policies()
    cart_with(client, (OfferFactory(), 1))
    shown = pages["terms"]["en"].live_revision_id
    policy_republish(pages["terms"]["en"], intro="New rules.")

    response = client.post("/en/shop/checkout/", checkout_data(terms_revision=shown))

    assert response.status_code == 200
    assert not Order.objects.exists()
    page = response.content.decode()
    assert "terms of sale have just been updated" in page
    assert f'value="{pages["terms"]["en"].live_revision_id}"' in page
    assert 'name="terms_accepted" checked' not in page

    response = client.post(
        "/en/shop/checkout/", checkout_data(terms_revision=pages["terms"]["en"].live_revision_id)
    )
    assert response.status_code == 303
    assert Order.objects.get().terms_version == 2


def test_an_order_placed_without_policy_pages_records_no_version():
    order = order_place((OfferFactory(), 1))

    assert order.terms_version is None
    assert order.terms_accepted_at is not None


def test_the_admin_order_view_shows_the_accepted_version(client, django_user_model):
    site_with_policies()
    order = order_place((OfferFactory(), 1))
    staff_login(client, django_user_model.objects.create_superuser(email="editor@example.org", password="x"))

    page = client.get(reverse("shop_orders:inspect", args=[order.pk])).content.decode()

    assert "Terms of sale accepted: version 1" in page
    assert f"/revisions/{order.terms_revision_id}/view/" in page
