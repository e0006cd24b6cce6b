"""The artist's way in, end to end in Chromium at 360 px: she signs up in Russian,
confirms her email, applies; an editor approves her in the Wagtail admin; she adds a work
with two photos and sends it for review; the editor publishes it; it is on her portfolio."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from artists.models import ArtistProfile
from gallery.models import ArtistIndexPage, Artwork
from tests.factories import _translate, jpeg_bytes
from tests.heritage.images import jpeg_with_gps, metadata_of
from tests.two_factor import authenticator_for, totp_code

pytestmark = pytest.mark.e2e

EDITOR = {"email": "editor@tajikheritage.local", "password": "editor-pass-2026"}
ARTIST = {"email": "malika@example.org", "password": "Suzani-and-silk-2026"}


@pytest.fixture
def artist_index(site_pages):
    english = ArtistIndexPage(title="Artists", slug="artists", show_in_menus=True)
    site_pages["home"]["en"].add_child(instance=english)
    english.save_revision().publish()
    english.refresh_from_db()
    return {"en": english, "ru": _translate(english, site_pages["home"]["ru"].locale, title="Художницы")}


@pytest.fixture
def editor(django_user_model):
    """A superuser with her authenticator app: the admin asks her for its code."""
    user = django_user_model.objects.create_superuser(**EDITOR)
    authenticator_for(user)
    return user


def photo(tmp_path, name, color):
    path = tmp_path / name
    path.write_bytes(jpeg_with_gps() if color is None else jpeg_bytes(900, 1200, color))
    return str(path)


def no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def editor_decides(page, review_path, decision):
    page.goto(review_path)
    page.locator(f"input[name=decision][value={decision}]").check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator(".messages")).to_be_visible()


def test_an_artist_joins_applies_is_approved_and_her_work_is_published(
    new_context, artist_index, editor, tmp_path
):
    artist_page = new_context(360)

    # She signs up in Russian on her phone and lands back on the application.
    artist_page.goto("/ru/accounts/signup/?next=/ru/studio/apply/")
    assert artist_page.locator("html").get_attribute("lang") == "ru"
    no_horizontal_scroll(artist_page)
    artist_page.fill("input[name=email]", ARTIST["email"])
    artist_page.fill("input[name=password1]", ARTIST["password"])
    artist_page.fill("input[name=password2]", ARTIST["password"])
    artist_page.locator("input[name=language][value=ru]").check()
    artist_page.locator("form.form button[type=submit]").click()

    # She confirms her address from the email, which is written in Russian.
    artist_page.wait_for_load_state()
    [verification] = [m for m in mail.outbox if ARTIST["email"] in m.to]
    link = re.search(r"https?://\S+", verification.body).group(0)
    artist_page.goto(link.replace("http://testserver", ""))

    # She applies with a phone photo carrying GPS, which is stored without it.
    artist_page.goto("/ru/studio/apply/")
    artist_page.fill("input[name=display_name]", "Малика")
    artist_page.fill("textarea[name=bio]", "Вышиваю сюзане в Худжанде.")
    artist_page.select_option("select[name=region]", "sughd")
    artist_page.set_input_files("input[name=samples]", photo(tmp_path, "sample.jpg", None))
    no_horizontal_scroll(artist_page)
    artist_page.locator("form.form button[type=submit]").click()
    expect(artist_page.locator(".message").first).to_be_visible()
    profile = ArtistProfile.objects.get(user__email=ARTIST["email"])
    assert profile.status == ArtistProfile.Status.APPLIED
    with profile.samples.get().image.open_file() as stored:
        assert metadata_of(stored.read())["exif"] == {}

    # The editor approves her in the Wagtail admin, from the filtered list.
    editor_page = new_context(1280)
    editor_page.goto("/admin/login/")
    editor_page.fill("input[name=username]", EDITOR["email"])
    editor_page.fill("input[name=password]", EDITOR["password"])
    editor_page.locator("form button[type=submit]").first.click()
    # She may reach orders and payouts, so the admin first asks for her authenticator's code.
    editor_page.wait_for_url(re.compile(r"/accounts/two-factor/"))
    editor_page.fill("input[name=code]", totp_code(editor.totpdevice_set.get()))
    editor_page.get_by_role("button", name="Continue").click()
    editor_page.wait_for_url(re.compile(r"/admin/$"))
    editor_page.goto("/admin/artists/profiles/?status=applied")
    expect(editor_page.get_by_text("Малика")).to_be_visible()
    editor_decides(editor_page, f"/admin/artists/profiles/review/{profile.pk}/", "approve")
    profile.refresh_from_db()
    assert profile.status == ArtistProfile.Status.APPROVED
    assert any(ARTIST["email"] in m.to for m in mail.outbox if m is not verification)

    # She adds a work with two photos and sends it for review.
    artist_page.goto("/ru/studio/artworks/new/")
    no_horizontal_scroll(artist_page)
    artist_page.fill("input[name=title]", "Гранатовый сад")
    artist_page.fill("input[name=year]", "2025")
    artist_page.fill("input[name=width_cm]", "120")
    artist_page.fill("input[name=height_cm]", "90")
    artist_page.fill("textarea[name=description]", "Шёлковая нить по хлопку.")
    artist_page.set_input_files(
        "input[name=images]",
        [photo(tmp_path, "front.jpg", "#9b1c31"), photo(tmp_path, "detail.jpg", "#23395d")],
    )
    artist_page.fill("[name=images_alt_text]", "Красное сюзане с гранатами на белом хлопке")
    artist_page.locator("form.form button[type=submit]").first.click()
    artwork = Artwork.objects.get(artist=profile)
    expect(artist_page).to_have_url(re.compile(rf"/ru/studio/artworks/{artwork.pk}/$"))
    assert artwork.images.count() == 2
    artist_page.locator(f"form[action$='/studio/artworks/{artwork.pk}/submit/'] button").click()
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.SUBMITTED

    # The editor publishes it.
    editor_decides(editor_page, f"/admin/gallery/artworks/review/{artwork.pk}/", "publish")
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.PUBLISHED

    # Anyone can now see it on her portfolio, described for those who cannot see it.
    visitor = new_context(360)
    visitor.goto(f"/ru/artists/{profile.slug}/")
    expect(visitor.get_by_role("heading", name="Малика")).to_be_visible()
    expect(visitor.get_by_text("Гранатовый сад")).to_be_visible()
    expect(visitor.locator("img[alt='Красное сюзане с гранатами на белом хлопке']").first).to_be_visible()
    no_horizontal_scroll(visitor)
    assert ARTIST["email"] not in visitor.content()
