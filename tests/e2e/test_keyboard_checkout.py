"""A buyer who cannot use a mouse buys an original, in Chromium, with the keyboard alone:
Tab and Shift+Tab to move, typing into fields, the arrow keys inside the group of payment
methods (as in any radio group), Space to tick, Enter to follow links and press buttons.
Every element that takes the focus on the way shows it."""

import re

from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import Locator, Page, expect

from shop.models import Offer, Order
from tests.factories import OfferFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

MAX_TAB_STOPS = 60
# The focused element, or the card around a link that hands its outline to the card
# (`.artwork-card-linked:focus-within`), draws an outline or a shadow.
FOCUS_SHOWN = """() => {
  let node = document.activeElement;
  for (let depth = 0; node && node !== document.body && depth < 4; depth++, node = node.parentElement) {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    if (outline || style.boxShadow !== "none") return true;
  }
  return false;
}"""
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing (the page body)";
  const name = el.getAttribute("name") || el.getAttribute("href") || "";
  const text = ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) ? el.value : el.innerText;
  return `<${el.tagName.toLowerCase()}> ${name} "${(text || "").trim().slice(0, 40)}"`;
}"""


class Keyboard:
    """Moves the focus with Tab or Shift+Tab and remembers every stop without a visible focus."""

    def __init__(self, page: Page):
        self.page = page
        self.unseen: list[str] = []

    def tab_to(self, target: Locator, *, backwards: bool = False) -> None:
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(MAX_TAB_STOPS):
            self.page.keyboard.press(key)
            if not self.page.evaluate(FOCUS_SHOWN):
                self.unseen.append(f"{self.page.url}: {self.page.evaluate(DESCRIBE_FOCUS)}")
            if target.evaluate("el => el === document.activeElement"):
                return
        pytest.fail(f"{MAX_TAB_STOPS} presses of {key} never reached {target}")

    def fill(self, target: Locator, text: str) -> None:
        self.tab_to(target)
        self.page.keyboard.type(text)


@pytest.fixture
def original(transactional_db):
    cache.clear()
    gallery_pages_build()
    artist = artist_make(display_name="Dilnoza", slug="dilnoza")
    work = work_make(artist, title="Mountain ikat", slug="mountain-ikat")
    return OfferFactory(artwork=work, price_amount=95_000)


@pytest.fixture
def desk(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_a_buyer_adds_a_work_checks_out_and_orders_by_bank_transfer_with_the_keyboard_alone(desk, original):
    page = desk
    keys = Keyboard(page)

    # On the work's page she tabs to "Add to cart" and presses Enter.
    page.goto("/en/gallery/dilnoza/mountain-ikat/")
    keys.tab_to(page.locator("form.offer-form button[type=submit]"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/shop/cart/$"))
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Mountain ikat")

    # From the cart to the checkout.
    keys.tab_to(page.get_by_role("link", name="Go to checkout"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/shop/checkout/$"))
    page.wait_for_load_state()

    # She fills in her details field after field.
    keys.fill(page.get_by_label("Email"), "zebo@example.org")
    keys.fill(page.get_by_label("Full name"), "Zebo Saidova")
    keys.fill(page.get_by_label("Address", exact=True), "Rudaki Avenue 40, apt 2")
    keys.fill(page.get_by_label("Town or city"), "Dushanbe")
    keys.fill(page.get_by_label("Country"), "Tajikistan")
    expect(page.get_by_label("Country")).to_have_value("TJ")

    # She goes back one field to add the postal code she skipped.
    keys.tab_to(page.get_by_label("Postal code"), backwards=True)
    page.keyboard.type("734025")

    # Bank transfer, with the arrow keys inside the group of payment methods.
    keys.tab_to(page.locator("input[name=payment_method]").first)
    bank = page.get_by_label("Bank transfer")
    for _ in range(3):
        if bank.is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(bank).to_be_checked()
    expect(bank).to_be_focused()

    # Space ticks the terms; Enter on the button places the order.
    terms = page.get_by_label("I accept the terms of sale")
    keys.tab_to(terms)
    page.keyboard.press("Space")
    expect(terms).to_be_checked()
    keys.tab_to(page.get_by_role("button", name="Place the order"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/shop/orders/[^/]+/$"))
    order = Order.objects.get(email="zebo@example.org")
    assert page.url.endswith(f"/en/shop/orders/{order.token}/")
    expect(page.locator(".payment-reference")).to_be_visible()
    assert order.payment_method == Order.PaymentMethod.BANK_TRANSFER
    assert order.status == Order.Status.PENDING_PAYMENT
    assert (order.city, order.postal_code, order.country) == ("Dushanbe", "734025", "TJ")
    assert order.expires_at > timezone.now()
    assert Offer.objects.get(pk=original.pk).stock == 0

    assert keys.unseen == [], "Focused without a visible focus indicator:\n" + "\n".join(keys.unseen)
