"""Accessibility audit: axe-core (from npm, `make node`) runs in Chromium on every kind of
page a visitor, a buyer or an artist sees, on a 360 px phone and a 1280 px desktop, over
one seeded site. No page may have a violation axe rates serious or critical."""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from cms.models import EventIndexPage
from gallery.models import (
    ArtistIndexPage,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionSection,
    GalleryPage,
)
from tests.cms.editorial import artwork_block, paragraph, publish, story_index_make, story_make
from tests.cms.events_fixtures import event_make
from tests.factories import ImageFactory, OfferFactory, UserFactory, build_site
from tests.gallery.gallery_fixtures import work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (360, 1280)
SERIOUS = {"serious", "critical"}
ARTIST_EMAIL = "farangis@example.org"
ARTIST_PASSWORD = "Atlas-and-adras-2026"  # noqa: S105 - a test account on a throwaway database
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")).slice(0, 8),
  }));
}"""


def child(parent, page):
    """`page` added under `parent` and published."""
    parent.add_child(instance=page)
    return publish(page)


def exhibition_make(parent, works) -> ExhibitionPage:
    """An exhibition open from yesterday for a month, with `works` in its one room."""
    today = timezone.localdate()
    page = ExhibitionPage(
        title="Threads of the valley",
        slug="threads-of-the-valley",
        start_date=today - timedelta(days=1),
        end_date=today + timedelta(days=30),
        hero_image=ImageFactory(pixel_size=(960, 540)),
    )
    page.sections = [
        ExhibitionSection(
            title="Suzani", text="Silk on cotton, from Istaravshan.", artworks=[("artwork", w) for w in works]
        )
    ]
    return child(parent, page)


@pytest.fixture
def site(transactional_db):
    """One English site with a page of each kind: an artist with two works (one for sale)
    who can sign in to her studio, an exhibition of them, a story about them and an event.
    Its URLs by kind of page."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node` (npm ci).", pytrace=False)
    cache.clear()
    pages = build_site(locales=("en",), hero_image=True)
    home = pages["home"]["en"]
    artists = publish(
        home.add_child(instance=ArtistIndexPage(title="Artists", slug="artists", show_in_menus=True))
    )
    gallery = publish(
        home.add_child(instance=GalleryPage(title="Gallery", slug="gallery", show_in_menus=True))
    )
    user = UserFactory(
        email=ARTIST_EMAIL, password=ARTIST_PASSWORD, email_verified_at=timezone.now(), language="en"
    )
    artist = artist_make(display_name="Farangis Nazarova", slug="farangis", user=user, bio="I weave adras.")
    works = [
        work_make(artist, title="Pomegranate suzani", slug="pomegranate-suzani", images=2),
        work_make(artist, title="Blue ikat", slug="blue-ikat"),
    ]
    OfferFactory(artwork=works[0], price_amount=180_000)
    exhibitions = ExhibitionIndexPage(title="Exhibitions", slug="exhibitions", show_in_menus=True)
    exhibition = exhibition_make(child(home, exhibitions), works)
    story = story_make(
        story_index_make(pages)["en"],
        title="Farangis weaves again",
        body=[paragraph("Her loom stands by the window."), artwork_block(works[0], note="Her first work.")],
    )
    events = publish(
        home.add_child(instance=EventIndexPage(title="Events", slug="events", show_in_menus=True))
    )
    event = event_make(events, title="Suzani for beginners", slug="suzani-for-beginners", capacity=12)
    artwork_url = gallery.artwork_url(works[0])
    return {
        "artwork": artwork_url,
        "pages": {
            "home": "/en/",
            "gallery": gallery.url,
            "artwork": artwork_url,
            "portfolio": artists.artist_url(artist),
            "exhibition": exhibition.url,
            "story": story.url,
            "event": event.url,
        },
    }


def violations_on(page, name: str, width: int) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, described."""
    page.add_script_tag(path=str(AXE))
    return [
        f"{width}px {name} {page.url}: [{v['impact']}] {v['id']} ({v['help']})\n"
        f"    {json.dumps(v['targets'], ensure_ascii=False)}"
        for v in page.evaluate(RUN_AXE)
        if v["impact"] in SERIOUS
    ]


def audit(page, paths: dict[str, str], width: int) -> list[str]:
    """Open each page in turn and describe every serious or critical violation."""
    problems = []
    for name, path in paths.items():
        response = page.goto(path)
        assert response.status == 200, f"{name} ({path}) answered {response.status}"
        problems += violations_on(page, name, width)
    return problems


def test_every_kind_of_page_has_no_serious_or_critical_accessibility_violation(browser, live_server, site):
    problems = []
    for width in WIDTHS:
        # bypass_csp: the audit script is injected into pages whose policy forbids inline scripts.
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}, bypass_csp=True
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        problems += audit(page, site["pages"], width)

        # A buyer puts the work in her cart, goes to checkout and sends the form empty.
        page.goto(site["artwork"])
        page.locator("form.offer-form button[type=submit]").first.click()
        expect(page.get_by_role("link", name="Go to checkout")).to_be_visible()
        problems += audit(page, {"cart": "/en/shop/cart/", "checkout": "/en/shop/checkout/"}, width)
        page.get_by_role("button", name="Place the order").click()
        expect(page.locator(".error-summary")).to_be_visible()
        problems += violations_on(page, "checkout with errors", width)

        # An artist in her studio: the dashboard and the form for a new work.
        page.goto("/en/accounts/login/?next=/en/studio/")
        page.fill("input[name=username]", ARTIST_EMAIL)
        page.fill("input[name=password]", ARTIST_PASSWORD)
        page.locator("form.form button[type=submit]").first.click()
        page.wait_for_url("**/en/studio/")
        problems += audit(
            page, {"studio": "/en/studio/", "studio new work": "/en/studio/artworks/new/"}, width
        )
        context.close()

    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)
