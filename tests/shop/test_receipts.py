"""A paid order's receipt is a PDF in the buyer's language with the order number, the works,
their artists and the total; an unpaid order has none."""

from io import BytesIO

from django.core import mail

import pytest
from pypdf import PdfReader

from shop.models import Order, ReceiptSettings
from shop.money import money_format
from shop.services import order_mark_paid
from tests.factories import OfferFactory, order_place

pytestmark = pytest.mark.django_db

BANK = Order.PaymentMethod.BANK_TRANSFER


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_the_receipt_of_a_paid_order_holds_its_number_and_total(client, django_capture_on_commit_callbacks):
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    with django_capture_on_commit_callbacks(execute=True):
        order = order_mark_paid(order, amount=order.total, currency=order.currency, source="test")

    response = client.get(f"/en/shop/orders/{order.token}/receipt.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    assert order.number in text
    assert "1,550" in text and "TJS" in text
    line = order.lines.get()
    assert line.title in text and line.artist_name in text
    assert f"/en/shop/orders/{order.token}/receipt.pdf" in client.get(f"/en/shop/orders/{order.token}/").text
    buyer_email = next(message for message in mail.outbox if message.to == [order.email])
    assert f"/en/shop/orders/{order.token}/receipt.pdf" in buyer_email.body


def test_the_receipt_is_in_the_buyers_language_with_the_tax_note(client):
    settings = ReceiptSettings.load()
    settings.tax_note_tg = "Андоз аз арзиши иловашуда ҳисоб карда намешавад."
    settings.save()
    order = order_place((OfferFactory(), 1), payment_method=BANK)
    Order.objects.filter(pk=order.pk).update(language="tg")
    order.refresh_from_db()
    order = order_mark_paid(order, amount=order.total, currency=order.currency, source="test")

    text = text_of(client.get(f"/tg/shop/orders/{order.token}/receipt.pdf").content)

    assert order.number in text
    assert "Андоз аз арзиши иловашуда" in text
    assert money_format(order.total, "TJS").split("\u00a0")[0].replace("\u202f", " ")[:1] in text


def test_an_unpaid_order_has_no_receipt(client):
    order = order_place((OfferFactory(), 1), payment_method=BANK)

    assert client.get(f"/en/shop/orders/{order.token}/receipt.pdf").status_code == 404
    assert client.get("/en/shop/orders/not-a-token/receipt.pdf").status_code == 404
