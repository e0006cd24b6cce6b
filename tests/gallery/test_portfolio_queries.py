"""The index and a portfolio cost the same number of SQL queries however much they show."""

import pytest

from artists.models import Region

from .portfolio_fixtures import artist_make, artwork_make, index_pages_build, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return index_pages_build()


def warm_queries(client, url: str) -> int:
    # The first request makes the renditions; the one that counts finds them.
    assert client.get(url).status_code == 200
    return queries_for(client, url)


def test_a_portfolio_with_30_works_takes_as_many_queries_as_one_with_3(client, index):
    few = artist_make(slug="few", disciplines=["embroidery", "weaving"])
    many = artist_make(slug="many", disciplines=["embroidery", "weaving"])
    for _ in range(3):
        artwork_make(few, images=2)
    for _ in range(30):
        artwork_make(many, images=2)

    assert warm_queries(client, "/en/artists/few/") == warm_queries(client, "/en/artists/many/")


def test_the_index_with_30_artists_takes_as_many_queries_as_with_3(client, index):
    def artists(count, region):
        for n in range(count):
            artist = artist_make(region=region, show_location=True, disciplines=["painting", "ceramics"])
            artwork_make(artist)
            if n % 2:
                artwork_make(artist, images=2)

    artists(3, Region.GBAO)
    artists(30, Region.KHATLON)

    few = warm_queries(client, "/en/artists/?region=gbao")
    many = warm_queries(client, "/en/artists/?region=khatlon")
    second_page = warm_queries(client, "/en/artists/?region=khatlon&page=2")

    assert few == many == second_page


def test_portraits_cost_no_more_queries_than_work_images(client, index):
    from tests.factories import ImageFactory

    for n in range(3):
        artwork_make(artist_make(region=Region.SUGHD, show_location=True, slug=f"w{n}"))
    for n in range(6):
        artist = artist_make(
            region=Region.DUSHANBE, show_location=True, portrait=ImageFactory(), slug=f"p{n}"
        )
        artwork_make(artist)

    assert warm_queries(client, "/en/artists/?region=sughd") == warm_queries(
        client, "/en/artists/?region=dushanbe"
    )
