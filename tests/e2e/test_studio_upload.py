"""In a phone-sized Chromium, the upload script shrinks a large photo before sending it and
offers to try again, with the same photo and description, when the connection drops."""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from gallery.models import Artwork
from heritage.models import CustomImage
from tests.factories import ArtistFactory, ArtworkFactory, root_collection

pytestmark = pytest.mark.e2e

ALT = "Gold and red bands of a suzani, photographed in daylight"


@pytest.fixture
def camera_photo(tmp_path) -> Path:
    """A 4000×3000 JPEG, as a phone camera takes it."""
    picture = Image.new("RGB", (4000, 3000), "#9b1c31")
    ImageDraw.Draw(picture).rectangle((0, 1000, 4000, 2000), fill="#c99a2e")
    out = BytesIO()
    picture.save(out, "JPEG", quality=90)
    path = tmp_path / "IMG_4000.jpg"
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def in_studio(browser, live_server, client, transactional_db):
    """`in_studio(path, script)`: open her studio page at 360 px, signed in, and run
    `script(page)` on it; returns what the script returns, and the page's script errors."""
    cache.clear()
    root_collection()
    artist = ArtistFactory()
    client.force_login(artist.user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    host = live_server.url.split("//")[1].split(":")[0]
    contexts = []

    def run(path, script):
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
        contexts.append(context)
        context.set_default_timeout(15_000)
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "domain": host, "path": "/"}]
        )
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path)
        return script(page), errors

    run.artist = artist
    yield run
    for context in contexts:
        context.close()


def draft_of(artist) -> Artwork:
    return ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None, with_image=False)


def test_a_large_photo_is_shrunk_in_the_browser_and_added_without_reloading(in_studio, camera_photo):
    artwork = draft_of(in_studio.artist)

    def upload(page):
        page.set_input_files("#upload_file", str(camera_photo))
        page.wait_for_selector(".upload-preview:not([hidden])")
        page.fill("#upload_alt_text", ALT)
        page.click("#upload-form button[type=submit]")
        expect(page.locator(".upload-status")).to_have_text("Photo added.")
        return {
            "photos": page.locator("#artwork-images .photo").count(),
            "alt_left": page.input_value("#upload_alt_text"),
            "width": page.evaluate("document.documentElement.scrollWidth"),
        }

    seen, errors = in_studio(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}), upload)
    assert seen == {"photos": 1, "alt_left": "", "width": 360}
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (2560, 1920)
    assert image.alt_text == ALT
    assert errors == []


def test_after_a_dropped_connection_she_tries_again_without_retyping(in_studio, camera_photo):
    artwork = draft_of(in_studio.artist)
    sent = []

    def drop_the_first(route):
        sent.append(len(route.request.post_data_buffer or b""))
        if len(sent) == 1:
            route.abort("failed")
        else:
            route.continue_()

    def upload_twice(page):
        page.route("**/images/", drop_the_first)
        page.set_input_files("#upload_file", str(camera_photo))
        page.fill("#upload_alt_text", ALT)
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("[data-retry]:visible")
        kept = page.input_value("#upload_alt_text")
        page.click("[data-retry]")
        expect(page.locator(".upload-status")).to_have_text("Photo added.")
        return kept

    kept, errors = in_studio(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}), upload_twice)
    assert kept == ALT
    assert len(sent) == 2 and sent[0] == sent[1] > 0, "the same prepared photo is sent again"
    image = CustomImage.objects.get()
    assert (image.alt_text, image.width) == (ALT, 2560)
    assert errors == []
