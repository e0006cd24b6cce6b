"""Returns: within the window after delivery the buyer asks from her order page; an editor
accepts or declines; on receipt the order is refunded through its gateway, the ledger
reverses the sale exactly as a full refund does, and resaleable works go back on sale."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

import pytest

from shop.models import LedgerEntry, Offer, Order, OrderEvent, Refund, ReturnRequest
from shop.payments import gateway_for
from shop.services import order_refund, order_transition
from shop.services.returns import ReturnError, return_decide, return_receive, return_request_create
from tests.factories import OfferFactory, UserFactory, order_paid, order_place
from tests.heritage import images as samples
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

BANK = Order.PaymentMethod.BANK_TRANSFER


def delivered(*, days_ago: int = 1, language: str = "en") -> Order:
    """A bank-transfer order for one original, paid and delivered `days_ago` days ago."""
    order = order_paid((OfferFactory(), 1), payment_method=BANK)
    order = order_transition(order, to=Order.Status.DELIVERED, source="test")
    Order.objects.filter(pk=order.pk).update(
        delivered_at=timezone.now() - timedelta(days=days_ago), language=language
    )
    order.refresh_from_db()
    return order


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")


def test_a_buyer_asks_for_a_return_with_a_photo_stripped_of_its_location(
    client, editor, django_capture_on_commit_callbacks
):
    order = delivered(language="ru")
    page = client.get(f"/ru/shop/orders/{order.token}/").content.decode()
    assert reverse("shop:order-return", kwargs={"token": order.token}).replace("/en/", "/ru/") in page

    photo = SimpleUploadedFile("IMG_0001.jpg", samples.jpeg_with_gps(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/ru/shop/orders/{order.token}/return/",
            {"reason": "Рамка треснула в дороге.", "photos": [photo]},
            follow=True,
        )

    ret = ReturnRequest.objects.get(order=order)
    assert ret.status == ReturnRequest.Status.REQUESTED
    assert ret.reason == "Рамка треснула в дороге."
    image = ret.photos.get().image
    with image.file.open("rb") as stored:
        assert samples.metadata_of(stored.read())["exif"] == {}
    assert OrderEvent.objects.filter(
        order=order, source="buyer", note__startswith="return requested"
    ).exists()
    assert "Запрошен возврат" in response.content.decode() or ret.get_status_display()
    recipients = {address for message in mail.outbox for address in message.to}
    assert {order.email, editor.email} <= recipients
    artist_email = order.lines.get().artist.user.email
    assert artist_email in recipients


def test_a_return_outside_the_window_is_refused_with_a_clear_message(client, settings):
    settings.SHOP_RETURN_DAYS = 14
    order = delivered(days_ago=15)

    response = client.post(f"/en/shop/orders/{order.token}/return/", {"reason": "Too late?"}, follow=True)

    assert not ReturnRequest.objects.exists()
    assert any("within 14 days of delivery" in text for text in messages_of(response))
    assert "Ask for a return" not in client.get(f"/en/shop/orders/{order.token}/").content.decode()


def test_the_returns_window_is_configurable(settings):
    settings.SHOP_RETURN_DAYS = 30
    order = delivered(days_ago=20)

    assert return_request_create(order, reason="Changed my mind.").status == ReturnRequest.Status.REQUESTED


def test_an_order_not_yet_delivered_cannot_be_returned():
    order = order_paid((OfferFactory(), 1), payment_method=BANK)

    with pytest.raises(ReturnError, match="once the order has been delivered"):
        return_request_create(order, reason="Where is it?")


def test_a_second_request_is_refused(client):
    order = delivered()
    return_request_create(order, reason="Cracked.")

    response = client.post(f"/en/shop/orders/{order.token}/return/", {"reason": "Again."}, follow=True)

    assert ReturnRequest.objects.count() == 1
    assert any("already asked" in text for text in messages_of(response))
    with pytest.raises(ReturnError):
        return_request_create(order, reason="A second tab.")


def test_another_account_cannot_ask_to_return_her_order(client):
    owner = UserFactory()
    order = delivered()
    Order.objects.filter(pk=order.pk).update(user=owner)
    client.force_login(UserFactory())

    response = client.post(f"/en/shop/orders/{order.token}/return/", {"reason": "Not mine."}, follow=True)

    assert not ReturnRequest.objects.exists()
    assert any("account that placed this order" in text for text in messages_of(response))
    client.force_login(owner)
    client.post(f"/en/shop/orders/{order.token}/return/", {"reason": "Mine."})
    assert ReturnRequest.objects.get().order == order


def test_an_unknown_order_link_is_not_found(client):
    assert client.post("/en/shop/orders/no-such-token/return/", {"reason": "x"}).status_code == 404


def test_more_than_three_photos_are_refused(client):
    order = delivered()
    photos = [SimpleUploadedFile(f"p{n}.jpg", samples.jpeg_with_gps(), "image/jpeg") for n in range(4)]

    response = client.post(f"/en/shop/orders/{order.token}/return/", {"reason": "Broken.", "photos": photos})

    assert response.status_code == 200
    assert "at most 3 photos" in response.content.decode()
    assert not ReturnRequest.objects.exists()


def _ledger(order: Order) -> dict:
    return order.ledger_entries.aggregate(
        gross=Sum("gross"), commission=Sum("commission"), net=Sum("net"), shipping=Sum("shipping")
    )


def test_ledger_totals_after_a_return_equal_those_after_a_full_refund(editor):
    returned = delivered()
    refunded = delivered()

    order_refund(refunded, amount=refunded.total, by=editor)
    ret = return_request_create(returned, reason="Not as described.")
    return_decide(ret, accept=True, message="Post it to our office.", by=editor)
    return_receive(ret, resaleable=False, by=editor)

    returned.refresh_from_db()
    refunded.refresh_from_db()
    assert returned.status == refunded.status == Order.Status.REFUNDED
    assert returned.refunded_amount == returned.total
    assert _ledger(returned) == _ledger(refunded) == {"gross": 0, "commission": 0, "net": 0, "shipping": 0}
    kinds = lambda order: sorted(order.ledger_entries.values_list("kind", "state"))  # noqa: E731
    assert kinds(returned) == kinds(refunded)


def test_an_accepted_return_shows_the_instructions_and_both_sides_are_emailed_in_their_language(
    client, editor, django_capture_on_commit_callbacks
):
    order = delivered(language="tg")
    artist_user = order.lines.get().artist.user
    artist_user.language = "ru"
    artist_user.save()
    ret = return_request_create(order, reason="Ранг дигар аст.")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        return_decide(ret, accept=True, message="Send it to Rudaki 1, Dushanbe.", by=editor)

    page = client.get(f"/tg/shop/orders/{order.token}/").content.decode()
    assert "Send it to Rudaki 1, Dushanbe." in page
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Send it to Rudaki 1, Dushanbe." in by_address[order.email].body
    assert artist_user.email in by_address
    assert OrderEvent.objects.filter(order=order, note__startswith="return accepted").exists()


def test_a_declined_return_refunds_nothing(editor):
    order = delivered()
    ret = return_request_create(order, reason="Changed my mind.")

    return_decide(ret, accept=False, message="The work was as described.", by=editor)

    order.refresh_from_db()
    assert order.status == Order.Status.DELIVERED
    with pytest.raises(ReturnError):
        return_receive(ret, resaleable=True, by=editor)
    assert not Refund.objects.exists()


def test_a_decision_needs_a_message(editor):
    ret = return_request_create(delivered(), reason="x")
    with pytest.raises(ReturnError):
        return_decide(ret, accept=True, message="  ", by=editor)


def test_two_tabs_marking_the_return_received_make_one_refund(
    client, editor, django_capture_on_commit_callbacks
):
    order = delivered()
    ret = return_request_create(order, reason="Cracked.")
    return_decide(ret, accept=True, message="Post it back.", by=editor)
    staff_login(client, editor)
    url = reverse("shop_orders:action", args=[order.pk, "return-receive"])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"return-receive-resaleable": "on"}, follow=True)
        second = client.post(url, {"return-receive-resaleable": "on"}, follow=True)
    stale = ReturnRequest.objects.get(pk=ret.pk)
    stale.status = ReturnRequest.Status.ACCEPTED  # a tab opened before the first press
    with pytest.raises(ReturnError):
        return_receive(stale, resaleable=True, by=editor)

    assert any("refunded" in text for text in messages_of(first))
    assert not any("refunded" in text for text in messages_of(second))
    assert Refund.objects.filter(order=order).count() == 1
    order.refresh_from_db()
    assert order.refunded_amount == order.total
    assert Offer.objects.get(pk=order.lines.get().offer_id).stock == 1


def test_an_original_comes_back_on_sale_only_when_the_editor_says_it_is_resaleable(editor):
    kept_off, back = delivered(), delivered()
    for order, resaleable in ((kept_off, False), (back, True)):
        ret = return_request_create(order, reason="Returned.")
        return_decide(ret, accept=True, message="Post it back.", by=editor)
        return_receive(ret, resaleable=resaleable, by=editor)

    assert Offer.objects.get(pk=kept_off.lines.get().offer_id).stock == 0
    assert Offer.objects.get(pk=back.lines.get().offer_id).stock == 1


def test_a_card_order_is_refunded_through_stripe_on_receipt(fake_stripe, editor):
    order = order_place((OfferFactory(), 1))
    gateway_for(order).start(order, success_url="https://x.example/ok", cancel_url="https://x.example/no")
    order.refresh_from_db()
    event = fake_stripe.complete(order.stripe_session_id)
    fake_stripe.deliver(event)
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    order_transition(order, to=Order.Status.DELIVERED, source="test")
    ret = return_request_create(order, reason="Damaged.")
    return_decide(ret, accept=True, message="Post it back.", by=editor)

    return_receive(ret, resaleable=False, by=editor)

    assert [r["amount"] for r in fake_stripe.refunds.values()] == [order.total]
    order.refresh_from_db()
    assert order.status == Order.Status.REFUNDED
    assert LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.REFUND).exists()


def test_accepting_twice_is_refused_and_a_declined_returns_later_refund_is_emailed_as_usual(
    editor, django_capture_on_commit_callbacks
):
    order = delivered()
    ret = return_request_create(order, reason="Changed my mind.")
    stale = ReturnRequest.objects.get(pk=ret.pk)
    return_decide(ret, accept=False, message="It was as described.", by=editor)
    with pytest.raises(ReturnError, match="already"):
        return_decide(stale, accept=True, message="A second tab.", by=editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        order_refund(order, amount=order.total, by=editor)

    assert order.email in {address for message in mail.outbox for address in message.to}
