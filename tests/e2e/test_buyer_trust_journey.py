"""A buyer on a phone returns a delivered work and is refunded after an editor accepts the
return and receives the work in the admin; another delivered work is reviewed by its buyer,
published by an editor, and shows on the artist's portfolio."""

import re

from django.core.cache import cache
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from shop.models import Offer, Order, Review
from shop.services import order_mark_paid, order_transition
from tests.factories import OfferFactory, UserFactory, order_place
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make
from tests.heritage.images import jpeg_with_gps
from tests.two_factor import authenticator_for, totp_code

pytestmark = pytest.mark.e2e

EDITOR = {"email": "editor@tajikheritage.local", "password": "editor-pass-2026"}


@pytest.fixture
def delivered(transactional_db):
    """A bank-transfer order of an original by Nigora, paid and delivered yesterday."""
    cache.clear()
    gallery_pages_build()
    artist = artist_make(
        display_name="Nigora", slug="nigora", user=UserFactory(email_verified_at=timezone.now())
    )
    offer = OfferFactory(artwork=work_make(artist, title="Pomegranate suzani", slug="pomegranate-suzani"))
    order = order_place((offer, 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    order = order_mark_paid(order, amount=order.total, currency=order.currency, source="test")
    return order_transition(order, to=Order.Status.DELIVERED, source="test")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_superuser(**EDITOR)
    authenticator_for(user)
    return user


def editor_signs_in(page, editor):
    page.goto("/admin/login/")
    page.fill("input[name=username]", EDITOR["email"])
    page.fill("input[name=password]", EDITOR["password"])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/two-factor/"))
    page.fill("input[name=code]", totp_code(editor.totpdevice_set.get()))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_buyer_returns_a_delivered_work_and_is_refunded(new_context, delivered, editor, tmp_path):
    order_page = f"/en/shop/orders/{delivered.token}/"
    buyer = new_context(360)
    buyer.goto(order_page)
    buyer.get_by_role("link", name="Ask for a return").click()
    buyer.fill("textarea[name=reason]", "The frame cracked on the way.")
    photo = tmp_path / "crack.jpg"
    photo.write_bytes(jpeg_with_gps())
    buyer.set_input_files("input[name=photos]", str(photo))
    buyer.get_by_role("button", name="Ask for a return").click()
    expect(buyer.get_by_text("Return requested")).to_be_visible()
    assert buyer.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    admin = new_context(1280)
    editor_signs_in(admin, editor)
    admin.goto(reverse("shop_orders:inspect", args=[delivered.pk]))
    expect(admin.locator(".shop-return")).to_contain_text("The frame cracked on the way.")
    admin.fill(
        "textarea[name='return-accept-message']", "Post it to TajikHeritage, Rudaki Avenue 1, Dushanbe."
    )
    admin.get_by_role("button", name="Accept the return").click()
    expect(admin.locator(".messages")).to_contain_text("Return accepted")

    buyer.goto(order_page)
    expect(buyer.get_by_text("Post it to TajikHeritage, Rudaki Avenue 1, Dushanbe.")).to_be_visible()

    admin.check("input[name='return-receive-resaleable']")
    admin.get_by_role("button", name="The returned works have arrived: refund the buyer").click()
    expect(admin.locator(".messages")).to_contain_text("order refunded")

    buyer.goto(order_page)
    expect(buyer.locator(".order-status")).to_contain_text("Refunded")
    order = Order.objects.get(pk=delivered.pk)
    assert order.refunded_amount == order.total
    totals = order.ledger_entries.aggregate(
        net=Sum("net"), commission=Sum("commission"), shipping=Sum("shipping")
    )
    assert totals == {"net": 0, "commission": 0, "shipping": 0}
    assert Offer.objects.get(pk=order.lines.get().offer_id).stock == 1


def test_a_buyer_reviews_a_delivered_work_an_editor_publishes_it_and_it_shows_on_the_portfolio(
    new_context, delivered, editor
):
    buyer = new_context(360)
    buyer.goto(f"/en/shop/orders/{delivered.token}/")
    buyer.get_by_role("link", name="Review “Pomegranate suzani”").click()
    buyer.locator("input[name=rating][value='5']").check()
    buyer.fill("textarea[name=text]", "Even more beautiful than in the photos.")
    buyer.get_by_role("button", name="Send my review").click()
    expect(buyer.get_by_text("It will appear once an editor has read it")).to_be_visible()

    visitor = new_context(360)
    visitor.goto("/en/artists/nigora/")
    expect(visitor.get_by_text("Even more beautiful than in the photos.")).to_have_count(0)

    admin = new_context(1280)
    editor_signs_in(admin, editor)
    admin.goto(reverse("reviews_admin:review", args=[Review.objects.get().pk]))
    admin.locator("input[name=decision][value=publish]").check()
    admin.get_by_role("button", name="Record decision").click()
    expect(admin.locator(".messages")).to_be_visible()

    visitor.goto("/en/artists/nigora/")
    expect(visitor.get_by_text("Even more beautiful than in the photos.")).to_be_visible()
    expect(visitor.locator(".reviews-summary")).to_contain_text("out of 5, from 1 review")
