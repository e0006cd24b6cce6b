"""A work's own page: its facts in cm and inches, every image, the artist, structured data."""

import json
import re
from decimal import Decimal

import pytest

from artists.models import ArtistProfile, Region
from gallery.models import Artwork, Medium

from .gallery_fixtures import gallery_pages_build, warm_queries, work_make
from .portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def gallery():
    return gallery_pages_build()


@pytest.fixture
def zarina(db):
    return artist_make(display_name="Zarina Karimova", slug="zarina", region=Region.SUGHD, show_location=True)


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def jsonld_of(html: str) -> dict:
    text = re.search(
        r'<script type="application/ld\+json" id="artwork-jsonld">(.*?)</script>', html, re.S
    ).group(1)
    return json.loads(text)


def test_the_page_shows_the_work_in_cm_and_inches(client, gallery, zarina):
    work = work_make(
        zarina,
        title="Pomegranate garden",
        slug="pomegranate-garden",
        year=2023,
        medium=Medium.objects.get(slug="hand-embroidery"),
        materials="Silk on cotton",
        width_cm=254,
        height_cm=Decimal("127.0"),
        depth_cm=None,
        description="Stitched over a winter.",
    )
    work.tags.add("suzani")
    work.save()

    html = html_of(client, "/en/gallery/zarina/pomegranate-garden/")

    assert "<h1>Pomegranate garden</h1>" in html
    assert "254 × 127 cm" in html
    assert "100 × 50 in" in html
    assert "2023" in html
    assert "Hand embroidery" in html
    assert "Silk on cotton" in html
    assert "<p>Stitched over a winter.</p>" in html
    assert "<li>suzani</li>" in html
    assert '<a href="/en/artists/zarina/">Zarina Karimova</a>' in html
    assert "Sughd" in html
    assert "<title>Pomegranate garden · Zarina Karimova · TajikHeritage</title>" in html


def test_the_page_speaks_the_visitors_language(client, gallery, zarina):
    work_make(zarina, slug="garden", medium=Medium.objects.get(slug="hand-embroidery"), depth_cm=2)

    html = html_of(client, "/ru/gallery/zarina/garden/")

    assert '<html lang="ru">' in html
    assert "Ручная вышивка" in html
    assert '<a href="/ru/artists/zarina/">' in html


def test_every_image_is_a_responsive_picture_the_first_loaded_first(client, gallery, zarina):
    work_make(zarina, slug="three", title="Three views", images=3)

    html = html_of(client, "/en/gallery/zarina/three/")

    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 3
    for n, picture in enumerate(pictures):
        assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
        img = re.search(r"<img [^>]+>", picture).group(0)
        assert f'alt="Three views: photo {n + 1}"' in img
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
        if n == 0:
            assert 'fetchpriority="high"' in img and 'loading="lazy"' not in img
        else:
            assert 'loading="lazy"' in img
    # Without script each image links to its large version; the script adds the buttons.
    assert len(re.findall(r'<a class="artwork-zoom-link" href="/media/[^"]+\.jpg"', html)) == 3
    assert html.count('class="button button-quiet artwork-enlarge" hidden>Enlarge') == 3
    assert "<dialog" in html
    assert re.search(r'<script src="/static/js/lightbox\.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*(src=|application/ld\+json))", html)


def test_structured_data_describes_a_visual_artwork(client, gallery, zarina):
    work_make(
        zarina,
        slug="night",
        title='Night </script><script>alert("x")</script>',
        year=2022,
        width_cm=40,
        height_cm=60,
        description="Blue & gold",
    )

    html = html_of(client, "/en/gallery/zarina/night/")
    data = jsonld_of(html)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "VisualArtwork"
    assert data["name"] == 'Night </script><script>alert("x")</script>'
    assert data["description"] == "Blue & gold"
    assert data["creator"] == {
        "@type": "Person",
        "name": "Zarina Karimova",
        "url": "http://testserver/en/artists/zarina/",
    }
    assert data["url"] == "http://localhost/en/gallery/zarina/night/"
    assert data["dateCreated"] == "2022"
    assert data["width"]["value"] == 40 and data["width"]["unitCode"] == "CMT"
    assert data["image"][0].startswith("http")
    assert "<script>alert" not in html


def test_canonical_alternates_and_social_tags(client, gallery, zarina):
    work_make(zarina, slug="bowl", title="Bowl", description="A bowl from Istaravshan.")

    html = html_of(client, "/en/gallery/zarina/bowl/")

    assert '<link rel="canonical" href="http://localhost/en/gallery/zarina/bowl/">' in html
    for code in ("en", "ru", "tg"):
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://localhost/{code}/gallery/zarina/bowl/">'
            in html
        )
    assert '<meta property="og:title" content="Bowl">' in html
    assert '<meta name="description" content="A bowl from Istaravshan.">' in html
    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)
    assert 'href="/tg/gallery/zarina/bowl/"' in html


def test_more_by_the_artist_shows_up_to_four_other_published_works(client, gallery, zarina):
    work_make(zarina, slug="main", title="Main work")
    for n in range(5):
        work_make(zarina, title=f"Other {n}")
    work_make(zarina, title="Draft one", status=Artwork.Status.DRAFT)
    work_make(title="Someone else's")

    html = html_of(client, "/en/gallery/zarina/main/")
    more = html[html.index('id="more-heading"') :]
    linked = re.findall(r'<h3 class="card-title"><a href="/en/gallery/zarina/[^"]+">([^<]+)</a>', more)

    assert len(linked) == 4
    assert all(title.startswith("Other") for title in linked)
    assert "Draft one" not in html and "Someone else" not in html


def test_hidden_works_have_no_page(client, gallery, zarina):
    for status in ("draft", "submitted", "rejected", "archived"):
        work_make(zarina, slug=status, status=status)
    suspended = artist_make(slug="suspended", status=ArtistProfile.Status.SUSPENDED)
    work_make(suspended, slug="work")
    work_make(zarina, slug="shown")

    for status in ("draft", "submitted", "rejected", "archived"):
        assert client.get(f"/en/gallery/zarina/{status}/").status_code == 404
    assert client.get("/en/gallery/suspended/work/").status_code == 404
    assert client.get("/en/gallery/someone-else/shown/").status_code == 404
    assert client.get("/en/gallery/zarina/shown/").status_code == 200


def test_the_page_leaves_a_place_for_what_is_for_sale(client, gallery, zarina):
    work_make(zarina, slug="offer")

    assert 'class="artwork-offers"' in html_of(client, "/en/gallery/zarina/offer/")


def test_the_page_takes_as_many_queries_with_100_works_by_her_as_with_10(client, gallery, zarina):
    work_make(zarina, slug="main", images=3)
    for _ in range(9):
        work_make(zarina)

    few = warm_queries(client, "/en/gallery/zarina/main/")
    for _ in range(90):
        work_make(zarina)
    many = warm_queries(client, "/en/gallery/zarina/main/")

    assert few == many
    # The whole page, routing and shared layout included.
    assert many <= 12
