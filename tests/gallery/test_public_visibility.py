"""Only approved artists and their published works reach the public, and never their
private data."""

import re

import pytest

from artists.models import ArtistProfile, Region
from gallery.models import Artwork
from heritage.models import User

from .portfolio_fixtures import artist_make, artist_with_account, artwork_make, index_pages_build

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "secret.person@example.org"
SECRET_PHONE = "+992 90 123 45 67"


@pytest.fixture
def index():
    return index_pages_build()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    "status",
    [ArtistProfile.Status.APPLIED, ArtistProfile.Status.REJECTED, ArtistProfile.Status.SUSPENDED],
)
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_a_portfolio_that_is_not_approved_does_not_exist(client, index, status, language):
    artist = artist_make(slug="hidden", display_name="Hidden Artist", status=status)
    artwork_make(artist)

    assert client.get(f"/{language}/artists/hidden/").status_code == 404
    assert "Hidden Artist" not in page(client, f"/{language}/artists/")


def test_an_unknown_artist_is_a_404(client, index):
    assert client.get("/en/artists/nobody/").status_code == 404


def test_a_suspended_artist_disappears_with_all_her_works(client, index):
    artist = artist_make(slug="suspended", display_name="Gone")
    artwork_make(artist, title="Vanishing suzani")
    visible = artist_make(slug="visible", display_name="Still here")
    artwork_make(visible)

    artist.status = ArtistProfile.Status.SUSPENDED
    artist.save()

    index_html = page(client, "/en/artists/")
    assert "Gone" not in index_html
    assert "Vanishing suzani" not in index_html
    assert "1 artist" in index_html
    assert client.get("/en/artists/suspended/").status_code == 404
    assert not Artwork.objects.published().filter(artist=artist).exists()


@pytest.mark.parametrize(
    "status",
    [Artwork.Status.DRAFT, Artwork.Status.SUBMITTED, Artwork.Status.REJECTED, Artwork.Status.ARCHIVED],
)
def test_unpublished_works_never_appear_nor_count(client, index, status):
    artist = artist_make(slug="maker", display_name="Maker")
    artwork_make(artist, title="Shown work")
    artwork_make(artist, title="Hidden work", status=status, published_at=None)

    portfolio = page(client, "/en/artists/maker/")
    index_html = page(client, "/en/artists/")

    assert "Shown work" in portfolio
    assert "Hidden work" not in portfolio
    assert "Hidden work" not in index_html
    assert "1 work" in index_html and "2 works" not in index_html


def test_an_artist_whose_only_work_is_unpublished_shows_no_picture_of_it(client, index):
    artist = artist_make(display_name="Newcomer")
    artwork_make(artist, title="Draft only", status=Artwork.Status.DRAFT)

    html = page(client, "/en/artists/")

    assert "Draft only" not in html
    assert 'class="card-placeholder"' in html


def test_private_contact_data_is_never_rendered(client, index):
    artist = artist_with_account(
        slug="private",
        display_name="Private Person",
        phone=SECRET_PHONE,
        consent_note="Consent given by phone to her sister",
        rejection_reason="Earlier photos were blurry",
        bio="I embroider at home.",
    )
    User.objects.filter(pk=artist.user_id).update(email=SECRET_EMAIL)
    artwork_make(artist)

    for url in ("/en/artists/", "/en/artists/private/", "/ru/artists/private/", "/tg/artists/"):
        html = page(client, url)
        digits = re.sub(r"\D", "", html)
        assert SECRET_EMAIL not in html
        assert "secret.person" not in html
        assert SECRET_PHONE not in html
        assert "901234567" not in digits
        assert "sister" not in html
        assert "blurry" not in html


def test_the_template_receives_only_public_fields(client, index):
    artist = artist_with_account(slug="context", phone=SECRET_PHONE)
    artwork_make(artist)

    response = client.get("/en/artists/context/")

    shown = response.context["artist"]
    assert not isinstance(shown, ArtistProfile)
    assert not hasattr(shown, "phone")
    assert not hasattr(shown, "user")
    card = response.context["artworks"][0]
    assert "artist" not in card._state.fields_cache


def test_a_hidden_region_stays_hidden_even_when_filtering_by_it(client, index):
    artist_make(display_name="Quiet Artist", slug="quiet", region=Region.KHATLON, show_location=False)
    artist_make(display_name="Open Artist", slug="open", region=Region.KHATLON, show_location=True)

    filtered = page(client, "/en/artists/?region=khatlon")
    everyone = page(client, "/en/artists/")
    portfolio = page(client, "/en/artists/quiet/")

    assert "Quiet Artist" not in filtered
    assert "Open Artist" in filtered
    quiet_card = re.search(
        r'<article class="card artist-card">(?:(?!</article>).)*Quiet Artist.*?</article>', everyone, re.S
    )
    assert "Khatlon" not in quiet_card.group(0)
    assert "Khatlon" not in portfolio
    open_card = re.search(
        r'<article class="card artist-card">(?:(?!</article>).)*Open Artist.*?</article>', everyone, re.S
    )
    assert "Khatlon" in open_card.group(0)
