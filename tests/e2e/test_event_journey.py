"""Registering for an event, end to end in Chromium at 360 px, keyboard only: three
visitors, each in a fresh browser, register for a two-place workshop; the first two get
places, the third joins the waitlist. Each is emailed accordingly."""

from django.core import mail

import pytest
from playwright.sync_api import expect

from cms.models import EventIndexPage, EventRegistration
from tests.cms.events_fixtures import dushanbe, event_make

pytestmark = pytest.mark.e2e

VISITORS = [
    ("Madina Karimova", "madina@example.org"),
    ("Shahnoza Rahimova", "shahnoza@example.org"),
    ("Parvina Odinaeva", "parvina@example.org"),
]


@pytest.fixture
def workshop(site_pages):
    index = EventIndexPage(title="Events", slug="events", show_in_menus=True)
    site_pages["home"]["en"].add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return event_make(
        index,
        start=dushanbe(2031, 3, 14, 14),
        hours=3,
        title="Suzani embroidery for beginners",
        slug="suzani-embroidery",
        capacity=2,
    )


def register_with_keyboard(page, name: str, email: str) -> None:
    """Tab to the form's fields and the button; type; press Enter."""
    page.get_by_label("Your name").focus()
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Phone")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".event-form button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_visitors_register_until_the_workshop_is_full_and_the_next_is_waitlisted(open_page, workshop):
    outcomes = []
    for n, (name, email) in enumerate(VISITORS):
        visit = open_page(workshop.url, width=360, height=780)
        page = visit.page
        assert visit.response.status == 200
        expect(page.locator("h1")).to_have_text("Suzani embroidery for beginners")
        expect(page.locator(".event-facts")).to_contain_text("Dushanbe time, UTC+5")
        expect(page.locator(".event-places")).to_have_text(
            ["2 places left", "1 place left", "Full: you can join the waitlist"][n]
        )
        no_horizontal_scroll(page)

        register_with_keyboard(page, name, email)

        message = page.locator(".messages")
        expect(message).to_be_visible()
        outcomes.append(message.inner_text())
        no_horizontal_scroll(page)
        assert visit.failed_urls == []

    assert "Your place is confirmed" in outcomes[0]
    assert "Your place is confirmed" in outcomes[1]
    assert "you are on the waitlist" in outcomes[2]
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {
        "madina@example.org": "confirmed",
        "shahnoza@example.org": "confirmed",
        "parvina@example.org": "waitlisted",
    }
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["parvina@example.org"].startswith("You are on the waitlist")
    assert subjects["madina@example.org"].startswith("Your place is confirmed")

    # A fourth visitor sees the waitlist offered, and the button says so.
    visit = open_page(workshop.url, width=360, height=780)
    expect(visit.page.locator(".event-form button[type=submit]")).to_have_text("Join the waitlist")
