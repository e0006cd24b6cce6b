"""The gallery page in three languages, and indexed works, for the gallery tests."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.search.index import insert_or_update_object

from gallery.models import GalleryPage
from tests.factories import _translate

from .portfolio_fixtures import artist_make, artwork_make, index_pages_build

GALLERY_TITLES = {"en": "Gallery", "ru": "Галерея", "tg": "Нигористон"}


def gallery_pages_build() -> dict[str, GalleryPage]:
    """The three-language site with the artist index at /<lang>/artists/ and the gallery at
    /<lang>/gallery/."""
    artists = index_pages_build()
    home = artists["en"].get_parent()
    english = GalleryPage(title=GALLERY_TITLES["en"], slug="gallery", show_in_menus=True)
    home.add_child(instance=english)
    english.save_revision().publish()
    english.refresh_from_db()
    gallery = {"en": english}
    for code in ("ru", "tg"):
        gallery[code] = _translate(english, artists[code].locale, title=GALLERY_TITLES[code])
    return gallery


def work_make(artist=None, **fields):
    """A work (published unless told) put in the search index as it is now."""
    artwork = artwork_make(artist or artist_make(), **fields)
    insert_or_update_object(artwork)
    return artwork


def warm_queries(client, url: str) -> int:
    """Queries of one GET of `url` rendered as the site renders it every day: after an
    earlier GET has made the renditions and filled the layout cache."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def card_titles(html: str) -> list[str]:
    """The titles of the linked artwork cards, in order."""
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a></h3>', html)
