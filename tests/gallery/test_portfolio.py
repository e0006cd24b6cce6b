"""The public artist index and each artist's portfolio, in three languages."""

import re

import pytest

from artists.models import ArtistProfile, Region
from gallery.models import Artwork
from tests.factories import ImageFactory

from .portfolio_fixtures import artist_make, artwork_make, index_pages_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return index_pages_build()


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def card_names(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_the_index_lists_approved_artists_in_every_language(client, index, language):
    artist = artist_make(display_name="Нигина Раҳимова", disciplines=["embroidery"])
    artwork_make(artist)
    artwork_make(artist)

    html = html_of(client, f"/{language}/artists/")

    assert card_names(html) == ["Нигина Раҳимова"]
    assert f'href="/{language}/artists/{artist.slug}/"' in html
    assert {"en": "Embroidery (suzani)", "ru": "Вышивка (сюзане)", "tg": "Гулдӯзӣ (сӯзанӣ)"}[language] in html
    assert f'<html lang="{language}">' in html


def test_a_card_shows_her_number_of_published_works_and_a_work_as_picture(client, index):
    artist = artist_make(display_name="Malika")
    artwork_make(artist, title="Morning atlas")
    artwork_make(artist)
    artwork_make(artist, status=Artwork.Status.DRAFT)

    html = html_of(client, "/en/artists/")

    assert "2 works" in html
    assert "<picture>" in html
    assert 'alt="Work' in html or 'alt="Morning atlas' in html


def test_a_card_prefers_her_portrait(client, index):
    portrait = ImageFactory(alt_text="Zarina at her loom")
    artist = artist_make(display_name="Zarina", portrait=portrait)
    artwork_make(artist)

    html = html_of(client, "/en/artists/")

    assert 'alt="Zarina at her loom"' in html


def test_an_artist_without_works_gets_a_placeholder_not_a_broken_image(client, index):
    artist_make(display_name="Oysha")

    html = html_of(client, "/en/artists/")

    assert card_names(html) == ["Oysha"]
    assert 'class="card-placeholder"' in html
    assert "0 works" in html


def test_the_region_filter_keeps_its_choice_and_shows_only_that_region(client, index):
    artist_make(display_name="Sughd artist", region=Region.SUGHD, show_location=True)
    artist_make(display_name="Khatlon artist", region=Region.KHATLON, show_location=True)

    html = html_of(client, "/en/artists/?region=khatlon")

    assert card_names(html) == ["Khatlon artist"]
    assert '<option value="khatlon" selected>' in html
    assert 'name="robots" content="noindex, follow"' in html


def test_the_discipline_filter_keeps_its_choice_and_shows_only_that_discipline(client, index):
    artist_make(display_name="Weaver", disciplines=["weaving"])
    artist_make(display_name="Potter", disciplines=["ceramics", "painting"])

    html = html_of(client, "/en/artists/?discipline=ceramics")

    assert card_names(html) == ["Potter"]
    assert '<option value="ceramics" selected>' in html


def test_filters_combine_and_unknown_values_are_ignored(client, index):
    artist_make(display_name="A", region=Region.GBAO, show_location=True, disciplines=["jewellery"])
    artist_make(display_name="B", region=Region.GBAO, show_location=True, disciplines=["felt"])

    assert card_names(html_of(client, "/en/artists/?region=gbao&discipline=felt")) == ["B"]
    assert card_names(html_of(client, "/en/artists/?region=moon&discipline=nothing")) == ["A", "B"]


def test_the_filter_form_works_without_javascript(client, index):
    html = html_of(client, "/en/artists/")

    form = re.search(r'<form class="filters" method="get" action="/en/artists/".*?</form>', html, re.S)
    assert form
    assert '<label for="filter-region">' in form.group(0)
    assert '<label for="filter-discipline">' in form.group(0)
    assert '<button type="submit"' in form.group(0)
    for value, _label in Region.choices:
        assert f'<option value="{value}"' in form.group(0)


def test_an_empty_result_says_so_and_offers_every_artist(client, index):
    artist_make(display_name="Weaver", disciplines=["weaving"])

    html = html_of(client, "/en/artists/?discipline=photography")

    assert card_names(html) == []
    assert "No artists match these filters yet" in html
    assert "0 artists" in html


def test_an_index_without_artists_says_they_are_coming(client, index):
    html = html_of(client, "/ru/artists/")

    assert 'class="empty-state"' in html


def test_the_index_is_paged_by_24_with_an_accessible_page_nav(client, index):
    for n in range(30):
        artist_make(
            display_name=f"Artist {n:02d}", slug=f"paged-{n:02d}", region=Region.DRS, show_location=True
        )

    first = html_of(client, "/en/artists/?region=drs")
    second = html_of(client, "/en/artists/?region=drs&page=2")

    assert len(card_names(first)) == 24
    assert len(card_names(second)) == 6
    assert "30 artists" in first
    nav = re.search(r'<nav class="pagination" aria-label="[^"]+">.*?</nav>', first, re.S).group(0)
    assert 'aria-current="page">1</a>' in nav
    # Page links keep the filter.
    assert 'href="?region=drs&amp;page=2"' in nav
    assert 'rel="next"' in nav
    assert 'rel="prev"' in second
    assert card_names(html_of(client, "/en/artists/?region=drs&page=99")) == card_names(second)


def test_a_portfolio_shows_her_profile_and_published_works(client, index):
    artist = artist_make(
        display_name="Фарангис Назарова",
        slug="farangis-nazarova",
        bio="Вышиваю сюзане с детства.\nУчилась у бабушки.",
        statement="Каждый стежок — это пожелание.",
        region=Region.SUGHD,
        show_location=True,
        disciplines=["embroidery"],
        website="https://farangis.example.org/",
        instagram="@farangis.suzani",
        telegram="farangis_suzani",
    )
    artwork_make(artist, title="Гранатовый сад", year=2023, width_cm=120, height_cm=180)
    artwork_make(artist, title="Ночной сюзане", depth_cm="2.5")

    html = html_of(client, "/ru/artists/farangis-nazarova/")

    assert "<h1>Фарангис Назарова</h1>" in html
    assert "<title>Фарангис Назарова · TajikHeritage</title>" in html
    assert "<p>Вышиваю сюзане с детства.<br>Училась у бабушки.</p>" in html
    assert "Каждый стежок — это пожелание." in html
    assert "Согдийская область" in html or "Sughd" in html
    assert "Вышивка (сюзане)" in html
    assert "Гранатовый сад" in html and "Ночной сюзане" in html
    assert "120 × 180 см" in html or "120 × 180 cm" in html
    assert "40 × 60 × 2,5" in html or "40 × 60 × 2.5" in html
    assert "2023" in html
    assert '<a href="https://farangis.example.org/" rel="noopener">' in html
    assert '<a href="https://www.instagram.com/farangis.suzani" rel="noopener">' in html
    assert '<a href="https://t.me/farangis_suzani" rel="noopener">' in html


def test_a_portfolio_has_its_own_title_description_canonical_and_social_tags(client, index):
    artist = artist_make(display_name="Dilnoza", slug="dilnoza", bio="Ceramics from Istaravshan. " * 20)
    artwork_make(artist)

    html = html_of(client, "/en/artists/dilnoza/")

    assert "<title>Dilnoza · TajikHeritage</title>" in html
    description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
    assert description.startswith("Ceramics from Istaravshan.")
    assert len(description) <= 160
    assert '<link rel="canonical" href="http://localhost/en/artists/dilnoza/">' in html
    assert '<meta property="og:url" content="http://localhost/en/artists/dilnoza/">' in html
    assert '<meta property="og:title" content="Dilnoza">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)
    for code in ("en", "ru", "tg"):
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/artists/dilnoza/">'
            in html
        )


def test_a_portfolio_without_bio_still_has_a_description(client, index):
    artist_make(display_name="Madina", slug="madina")

    html = html_of(client, "/en/artists/madina/")

    assert '<meta name="description" content="Portfolio of Madina on TajikHeritage.">' in html
    assert "No works are published yet" in html


def test_a_portrait_is_shown_with_its_alt_text(client, index):
    artist_make(slug="with-portrait", portrait=ImageFactory(alt_text="Sitora in her studio, smiling"))

    html = html_of(client, "/en/artists/with-portrait/")

    assert re.search(r'<img [^>]*alt="Sitora in her studio, smiling"', html)


def test_work_images_are_lazy_responsive_pictures_with_alt_and_size(client, index):
    artist = artist_make(slug="pictures")
    artwork_make(artist, title="Atlas", images=2)

    html = html_of(client, "/en/artists/pictures/")

    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture
    assert 'type="image/webp"' in picture
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'loading="lazy"' in img
    assert 'alt="Atlas: photo 1"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    # The card shows the primary image only.
    assert "Atlas: photo 2" not in html


def test_an_unsafe_or_foreign_profile_link_is_not_rendered(client, index):
    artist_make(slug="links", instagram="https://evil.example.org/x", telegram="not a handle!")

    html = html_of(client, "/en/artists/links/")

    assert "evil.example.org" not in html
    assert "t.me" not in html


def test_the_index_is_in_the_main_menu(client, index):
    assert 'href="/en/artists/"' in html_of(client, "/en/")
    assert 'href="/tg/artists/"' in html_of(client, "/tg/")


def test_the_sitemap_lists_every_public_portfolio(index):
    artist_make(slug="in-sitemap")
    artist_make(slug="applicant", status=ArtistProfile.Status.APPLIED)

    locations = [entry["location"] for entry in index["en"].get_sitemap_urls()]

    assert locations == ["http://localhost/en/artists/", "http://localhost/en/artists/in-sitemap/"]
