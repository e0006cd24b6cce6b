"""Chromium enforces the site's Content-Security-Policy, and the pages whose scripts do the
most (the artwork lightbox, a story's click-to-play video) work under it without a single
violation; what an attacker would inject is refused."""

import re

from django.core.cache import cache

import pytest
from playwright.sync_api import expect

from tests.cms.editorial import story_index_make, story_make
from tests.factories import OfferFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.e2e

# Collects every violation the page reports, from the first byte on (init scripts come from
# the browser's debugging protocol, which the page's policy does not govern).
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.effectiveDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def watched(browser, live_server):
    """`watched(path)`: a page at 360 px opened on `path`, reporting CSP violations in
    `page.violations()` (from the page's own events and from Chromium's console)."""
    contexts = []

    def open_(path):
        context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 780})
        context.set_default_timeout(15_000)
        context.add_init_script(WATCH_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        console = []

        def record(message):
            if "Content Security Policy" in message.text:
                console.append(message.text)

        page.on("console", record)
        response = page.goto(path)
        assert response.ok, path
        page.violations = lambda: [*page.evaluate("window.__cspViolations"), *console]
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def artwork(transactional_db):
    cache.clear()
    gallery_pages_build()
    artist = artist_make(display_name="Nigora", slug="nigora")
    work = work_make(artist, title="Pomegranate suzani", slug="pomegranate-suzani", images=2)
    OfferFactory(artwork=work, price_amount=180_000)
    return work


def test_the_artwork_page_enlarges_its_pictures_without_breaking_the_policy(watched, artwork):
    page = watched("/en/gallery/nigora/pomegranate-suzani/")

    page.locator(".artwork-enlarge").first.click()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".lightbox-image")).to_have_attribute("src", re.compile(r"^/media/"))
    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".lightbox-count")).to_have_text("2 / 2")

    assert page.violations() == []


def test_a_story_video_starts_only_its_privacy_enhanced_player(watched, site_pages):
    index = story_index_make(site_pages)
    video = {"video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Her workshop", "caption": ""}
    story = story_make(index["en"], body=[{"type": "video", "value": video}])
    page = watched(story.url)

    page.get_by_role("button", name="Play the video").click()

    expect(page.locator("iframe.video-frame")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )
    assert page.violations() == []


def test_injected_inline_script_handler_and_frame_are_refused(watched, site_pages):
    page = watched("/en/")

    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
          document.body.insertAdjacentHTML("beforeend",
            '<img src="/static/img/logo.svg" onload="window.__handled = true">' +
            '<iframe src="https://evil.example/"></iframe>');
        }"""
    )

    # Reports arrive as tasks after the refusals. (Waiting with wait_for_function would itself
    # evaluate a string in the page, which the policy refuses as eval.)
    page.evaluate(
        """() => new Promise((resolve) => {
          let tries = 0;
          const check = () => window.__cspViolations.length >= 3 || ++tries > 100
            ? resolve() : setTimeout(check, 50);
          check();
        })"""
    )
    assert page.evaluate("window.__ran === undefined && window.__handled === undefined")
    directives = {violation.split()[0] for violation in page.evaluate("window.__cspViolations")}
    assert {"script-src-elem", "script-src-attr", "frame-src"} <= directives
