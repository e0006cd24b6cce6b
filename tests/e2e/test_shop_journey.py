"""A buyer on a phone buys an original as a guest and pays by card on (fake) Stripe; the
signed webhook marks the order paid; the artist sees it in her studio and marks it posted."""

import re

from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from shop.models import LedgerEntry, Offer, Order
from tests.factories import OfferFactory, UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

ARTIST = {"email": "nigora@example.org", "password": "Suzani-Khujand-2026"}


@pytest.fixture
def original(transactional_db):
    cache.clear()
    gallery_pages_build()
    user = UserFactory(email=ARTIST["email"], password=ARTIST["password"], email_verified_at=timezone.now())
    artist = artist_make(display_name="Nigora", slug="nigora", user=user)
    work = work_make(artist, title="Pomegranate suzani", slug="pomegranate-suzani")
    return OfferFactory(artwork=work, price_amount=180_000)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 780})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_a_guest_buys_pays_by_card_and_the_artist_posts_it(
    phone, original, fake_stripe, live_server, browser
):
    fake_stripe.webhook_url = f"{live_server.url}/webhooks/stripe/"
    page = phone

    # The work's page says what is for sale; she puts the original in her cart.
    page.goto("/en/gallery/nigora/pomegranate-suzani/")
    expect(page.locator(".offer-price").first).to_contain_text("1,800")
    page.locator("form.offer-form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/en/shop/cart/"))
    expect(page.get_by_text("Pomegranate suzani").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Guest checkout: email, address in Kazakhstan (Central Asia rate), card, terms.
    page.get_by_role("link", name="Go to checkout").click()
    page.fill("input[name=email]", "aigerim@example.org")
    page.fill("input[name=name]", "Aigerim Sadykova")
    page.fill("input[name=address_line1]", "Abay Avenue 10, apt 5")
    page.fill("input[name=city]", "Almaty")
    page.select_option("select[name=country]", "KZ")
    page.check("input[name=payment_method][value=card]")
    page.check("input[name=terms_accepted]")
    page.get_by_role("button", name="Place the order").click()

    # The fake Stripe page shows the server's total (work + Central Asia shipping).
    expect(page.locator("#amount")).to_be_visible()
    order = Order.objects.get(email="aigerim@example.org")
    assert order.status == Order.Status.PENDING_PAYMENT
    assert order.total == 180_000 + order.shipping_fee and order.shipping_zone == "cis"
    expect(page.locator("#amount")).to_contain_text(f"{order.total / 100:.2f} TJS")
    assert Offer.objects.get(pk=original.pk).stock == 0  # held while she pays
    page.locator("#pay").click()

    # The signed webhook arrived before the redirect: her order page says it is paid.
    expect(page).to_have_url(re.compile(rf"/en/shop/orders/{order.token}/"))
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert LedgerEntry.objects.filter(order=order).count() == 1
    expect(page.locator("main")).to_contain_text("Paid")

    # The artist signs in, finds the order in her studio and marks it posted.
    artist_context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 780})
    artist_context.set_default_timeout(15_000)
    studio = artist_context.new_page()
    studio.goto("/en/accounts/login/?next=/en/studio/shop/orders/")
    studio.fill("input[name=username]", ARTIST["email"])
    studio.fill("input[name=password]", ARTIST["password"])
    studio.locator("form.form button[type=submit]").first.click()
    expect(studio).to_have_url(re.compile(r"/en/studio/shop/orders/"))
    expect(studio.locator("main")).to_contain_text(order.number)
    studio.get_by_role("link", name="Mark as posted").first.click()
    expect(studio.locator("main")).to_contain_text("Abay Avenue 10")
    ship_form = studio.locator("form.ship-form").first
    ship_form.get_by_label("Sent with").fill("Kazpost EMS")
    ship_form.get_by_label(re.compile("Tracking number")).fill("EE998877665KZ")
    studio.locator("form.ship-form button[type=submit]").first.click()
    expect(studio.locator("main")).to_contain_text("EE998877665KZ")
    artist_context.close()

    order.refresh_from_db()
    assert order.status == Order.Status.SHIPPED
    assert order.lines.get().tracking_number == "EE998877665KZ"
