"""The site search page: pages in the reader's language, published works and approved
artists; never drafts; junk queries answered calmly."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork
from heritage.urls import urlpatterns as site_urlpatterns
from tests.cms.editorial import gallery_make, paragraph, story_index_make, story_make, story_translate
from tests.factories import ArtistFactory, ArtworkFactory, build_site

# The search page as heritage/urls.py mounts it (before Wagtail's catch-all page route).
urlpatterns = [
    *i18n_patterns(path("search/", include("cms.urls")), prefix_default_language=True),
    *site_urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def site(db):
    site = build_site()
    gallery_make(site)
    site["stories"] = story_index_make(site)
    return site


def search(client, q, code="en", **params) -> str:
    response = client.get(f"/{code}/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_search_finds_a_russian_story_by_a_russian_word(client, site):
    english = story_make(
        site["stories"]["en"], title="Sitora weaves", slug="sitora", body=[paragraph("Carpets.")]
    )
    story_translate(
        english,
        site["home"]["ru"].locale,
        title="Ситора ткёт ковры",
        intro="Ковроткачество вернуло ей голос.",
    )

    html = search(client, "ковроткачество", "ru")

    assert '<a href="/ru/stories/sitora/">Ситора ткёт ковры</a>' in html
    assert "Sitora weaves" not in html


def test_search_finds_published_works_and_approved_artists_only(client, site):
    artist = ArtistFactory(display_name="Gulnora Saidova", bio="Ikat silk from Margilan.")
    ArtworkFactory(title="Ikat river", artist=artist)
    ArtworkFactory(title="Ikat draft", artist=artist, status=Artwork.Status.DRAFT)
    ArtistFactory(display_name="Ikat hopeful", status=ArtistProfile.Status.APPLIED, bio="Ikat.")

    html = search(client, "ikat")

    assert "Ikat river" in html
    assert "Ikat draft" not in html
    assert "Gulnora Saidova" in html
    assert "Ikat hopeful" not in html


def test_search_never_shows_a_draft_page(client, site):
    story_make(site["stories"]["en"], title="Embroidery secrets", slug="secrets", live=False)
    story_make(site["stories"]["en"], title="Embroidery in public", slug="public")

    html = search(client, "embroidery")

    assert "Embroidery in public" in html
    assert "Embroidery secrets" not in html


@pytest.mark.parametrize("junk", ['"', "((( ***", "' OR 1=1 --", "a" * 5000, "\x00", "   "])
def test_junk_queries_get_a_calm_answer(client, site, junk):
    html = search(client, junk, page="x")

    assert "<h1>Search</h1>" in html


def test_search_results_are_paged(client, site):
    for n in range(12):
        story_make(site["stories"]["en"], title=f"Felt story {n}", slug=f"felt-{n}", body=[paragraph("felt")])

    first = search(client, "felt")
    second = search(client, "felt", page=2)

    assert first.count("Felt story") == 10
    assert second.count("Felt story") == 2
