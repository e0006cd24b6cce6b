"""The site search page: pages in the reader's language, published works and approved
artists, grouped by kind; never drafts; junk queries answered calmly; nearest terms and the
gallery's media when nothing is found."""

from datetime import timedelta

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils import timezone, translation

import pytest

from artists.models import ArtistProfile
from cms.models import EventIndexPage
from gallery.models import Artwork, ExhibitionIndexPage, ExhibitionPage
from heritage.urls import urlpatterns as site_urlpatterns
from tests.cms.editorial import gallery_make, paragraph, story_index_make, story_make, story_translate
from tests.cms.events_fixtures import event_make
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


def _exhibition(site, **fields):
    index = ExhibitionIndexPage(title="Exhibitions", slug="exhibitions")
    site["home"]["en"].add_child(instance=index)
    index.save_revision().publish()
    today = timezone.localdate()
    page = ExhibitionPage(start_date=today, end_date=today + timedelta(days=30), **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _events(site):
    index = EventIndexPage(title="Events", slug="events")
    site["home"]["en"].add_child(instance=index)
    index.save_revision().publish()
    return index


def section(html: str, group: str) -> str:
    start = html.index(f'id="search-{group}"')
    return html[start : html.index("</section>", start)]


def test_search_groups_works_artists_exhibitions_stories_and_events(client, site):
    artist = ArtistFactory(display_name="Нигина Раҳимова", bio="Сӯзанӣ медӯзам.")
    ArtworkFactory(title="Боғи анор", description="Сӯзании калон.", artist=artist)
    _exhibition(site, title="Threads of the Valley", slug="threads", search_description="Suzani and atlas.")
    story_make(site["stories"]["en"], title="Her suzani", slug="her-suzani", body=[paragraph("Stitches.")])
    event_make(_events(site), title="Suzani for beginners", slug="suzani-workshop")

    html = search(client, "сузани")

    assert "Боғи анор" in section(html, "artworks")
    assert "Нигина Раҳимова" in section(html, "artists")
    assert "Threads of the Valley" in section(html, "exhibitions")
    assert "Her suzani" in section(html, "stories")
    assert "Suzani for beginners" in section(html, "events")


def test_a_search_that_finds_nothing_suggests_the_nearest_terms_and_the_media(client, site):
    html = search(client, "embroidary")

    none = section(html, "none")
    assert "Nothing matches “embroidary”." in none
    assert ">Embroidery</a>" in none
    assert '/en/gallery/?medium=hand-embroidery">Hand embroidery</a>' in none


def test_the_suggestions_speak_the_readers_language(client, site):
    translation.activate("ru")
    html = search(client, "войлак", "ru")

    none = section(html, "none")
    assert "По запросу «войлак» ничего не найдено." in none
    assert ">Войлок</a>" in none
