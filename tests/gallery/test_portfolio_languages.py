"""A portfolio is one artist in three languages: the switcher and the sitemap say so."""

import re

import pytest

from artists.models import ArtistProfile

from .portfolio_fixtures import artist_make, artwork_make, index_pages_build

pytestmark = pytest.mark.django_db


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {lang: href for href, lang in re.findall(r'href="([^"]+)" lang="(\w+)"', nav)}


def test_the_language_switcher_on_a_portfolio_stays_on_that_artist(client):
    index_pages_build()
    artist = artist_make(display_name="Sitora", slug="sitora")
    artwork_make(artist)
    response = client.get("/en/artists/sitora/")
    assert response.status_code == 200
    links = switcher_links(response.content.decode())
    assert links == {
        "en": "/en/artists/sitora/",
        "ru": "/ru/artists/sitora/",
        "tg": "/tg/artists/sitora/",
    }
    assert client.get(links["tg"]).status_code == 200


def test_the_switcher_keeps_the_index_filters(client):
    index_pages_build()
    response = client.get("/ru/artists/", {"region": "sughd"})
    assert switcher_links(response.content.decode())["tg"] == "/tg/artists/?region=sughd"


def test_the_sitemap_lists_public_portfolios_only(client):
    index_pages_build()
    artwork_make(artist_make(slug="public-artist"))
    artist_make(slug="paused-artist", status=ArtistProfile.Status.SUSPENDED)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/artists/public-artist/" in body
    assert "paused-artist" not in body


def test_the_sitemap_lists_pages_portfolios_and_works_in_every_language(client):
    from .gallery_fixtures import gallery_pages_build, work_make

    index_pages_build()
    gallery_pages_build()
    artist = artist_make(slug="nilufar")
    work_make(artist, slug="blue-tiles")
    work_make(artist, slug="hidden-draft", status="draft")

    body = client.get("/sitemap.xml").content.decode()

    for language in ("en", "ru", "tg"):
        assert f"/{language}/artists/nilufar/" in body
        assert f"/{language}/gallery/nilufar/blue-tiles/" in body
        assert re.search(rf"<loc>[^<]*/{language}/</loc>", body)
    assert "hidden-draft" not in body
