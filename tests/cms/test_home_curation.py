"""The home page's sections: what editors chose, else sensible defaults."""

import datetime

from django.utils import timezone

import pytest

from cms.models import HomeFeaturedArtwork
from gallery.models import Artwork, ExhibitionIndexPage, ExhibitionPage
from tests.cms.editorial import gallery_make, publish, story_index_make, story_make
from tests.factories import ArtworkFactory, build_site


@pytest.fixture
def site(db):
    site = build_site()
    gallery_make(site)
    return site


def home_html(client, code="en") -> str:
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_with_nothing_chosen_the_home_page_shows_featured_then_newest_published_works(client, site):
    ArtworkFactory(title="Old plain work", published_at=timezone.now() - datetime.timedelta(days=30))
    ArtworkFactory(
        title="Featured suzani", featured=True, published_at=timezone.now() - datetime.timedelta(days=60)
    )
    ArtworkFactory(title="Fresh ceramic")
    ArtworkFactory(title="Draft never shown", status=Artwork.Status.DRAFT)

    html = home_html(client)

    assert "Featured artworks" in html
    assert html.index("Featured suzani") < html.index("Fresh ceramic") < html.index("Old plain work")
    assert "Draft never shown" not in html


def test_chosen_works_are_shown_in_the_editors_order_and_unpublished_ones_skipped(client, site):
    first = ArtworkFactory(title="Chosen first")
    second = ArtworkFactory(title="Chosen second")
    archived = ArtworkFactory(title="Chosen but archived", status=Artwork.Status.ARCHIVED)
    ArtworkFactory(title="Newest not chosen", featured=True)
    home = site["home"]["en"]
    for order, work in enumerate([second, archived, first]):
        HomeFeaturedArtwork.objects.create(page=home, artwork=work, sort_order=order)

    html = home_html(client)

    assert html.index("Chosen second") < html.index("Chosen first")
    assert "Chosen but archived" not in html
    assert "Newest not chosen" not in html


def test_when_every_chosen_work_is_unpublished_the_fallback_takes_over(client, site):
    hidden = ArtworkFactory(title="Withdrawn work", status=Artwork.Status.ARCHIVED)
    ArtworkFactory(title="Any published work")
    HomeFeaturedArtwork.objects.create(page=site["home"]["en"], artwork=hidden, sort_order=0)

    html = home_html(client)

    assert "Any published work" in html
    assert "Withdrawn work" not in html


def test_the_home_page_shows_current_exhibitions_and_latest_stories_in_its_language(client, site):
    today = timezone.localdate()
    index = ExhibitionIndexPage(title="Exhibitions", slug="exhibitions")
    site["home"]["en"].add_child(instance=index)
    publish(index)
    for title, start, end in [
        ("Threads of Sughd", -5, 20),
        ("Closed show", -40, -10),
    ]:
        exhibition = ExhibitionPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            start_date=today + datetime.timedelta(start),
            end_date=today + datetime.timedelta(end),
            venue="Dushanbe",
        )
        index.add_child(instance=exhibition)
        publish(exhibition)
    stories = story_index_make(site)
    story_make(stories["en"], title="A story for the front page")

    english = home_html(client)
    russian = home_html(client, "ru")

    assert "Threads of Sughd" in english
    assert "Closed show" not in english
    assert "A story for the front page" in english
    # Not translated: listed for Russian readers too, marked as English.
    assert 'hreflang="en" lang="en">A story for the front page</a>' in russian


def test_with_no_upcoming_events_the_home_page_has_no_events_section(client, site):
    html = home_html(client)

    assert "Upcoming events" not in html
    assert 'id="home-events"' not in html
