"""Exhibitions: the index groups them by date, and an exhibition's rooms show only the
chosen works the public may see, in the curator's order, at a fixed cost in queries."""

from datetime import timedelta

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from demo.context import SeedContext
from demo.steps.exhibitions import exhibitions_create
from gallery.models import Artwork, ExhibitionIndexPage, ExhibitionPage, ExhibitionSection, Medium
from gallery.selectors.exhibitions import exhibition_rooms
from tests.factories import ImageFactory, UserFactory, _translate, build_site, index_under_homes
from tests.two_factor import staff_login

from .portfolio_fixtures import artist_make, artwork_make, queries_for

pytestmark = pytest.mark.django_db

INDEX_TITLES = {"en": "Exhibitions", "ru": "Выставки", "tg": "Намоишгоҳҳо"}


@pytest.fixture
def index() -> dict[str, ExhibitionIndexPage]:
    """The three-language site with an exhibition index under each home."""
    return index_under_homes(ExhibitionIndexPage, slug="exhibitions", titles=INDEX_TITLES)


def exhibition_make(parent, *, opens: int, closes: int, rooms=(), live=True, **fields) -> ExhibitionPage:
    """An exhibition under `parent` open from `opens` to `closes` days from today, with a
    section per list of works in `rooms`."""
    today = timezone.localdate()
    fields.setdefault("title", f"Exhibition {opens}/{closes}")
    fields.setdefault("slug", f"exhibition-{opens}-{closes}".replace("--", "-minus-"))
    page = ExhibitionPage(
        live=live, start_date=today + timedelta(days=opens), end_date=today + timedelta(days=closes), **fields
    )
    page.sections = [
        ExhibitionSection(
            title=f"Room {n + 1}",
            text=f"Words for room {n + 1}.",
            artworks=[("artwork", work) for work in works],
        )
        for n, works in enumerate(rooms)
    ]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def titles_in_order(html: str, titles) -> list[str]:
    found = [(html.index(f">{title}<"), title) for title in titles if f">{title}<" in html]
    return [title for _position, title in sorted(found)]


# The index


def test_the_index_groups_exhibitions_into_current_upcoming_and_past(client, index):
    now_on = exhibition_make(index["en"], opens=-10, closes=10, title="Threads now", venue="Dushanbe")
    last_day = exhibition_make(index["en"], opens=-30, closes=0, title="Last day today")
    soon = exhibition_make(index["en"], opens=5, closes=40, title="Clay soon", is_online=True)
    later = exhibition_make(index["en"], opens=60, closes=90, title="Silver later")
    closed_recently = exhibition_make(index["en"], opens=-60, closes=-1, title="Closed yesterday")
    closed_long_ago = exhibition_make(index["en"], opens=-400, closes=-300, title="Closed last year")

    response = client.get("/en/exhibitions/")

    assert response.status_code == 200
    assert response.context["current"] == [last_day, now_on]
    assert response.context["upcoming"] == [soon, later]
    assert list(response.context["past"]) == [closed_recently, closed_long_ago]
    html = response.content.decode()
    assert "Dushanbe" in html
    assert "Online" in html


def test_the_index_lists_only_live_exhibitions_in_its_own_language(client, index):
    exhibition_make(index["en"], opens=-1, closes=1, title="Open in English")
    exhibition_make(index["en"], opens=-1, closes=1, title="Still a draft", slug="draft", live=False)
    exhibition_make(index["ru"], opens=-1, closes=1, title="Только по-русски", slug="ru-only")

    english = client.get("/en/exhibitions/").content.decode()
    russian = client.get("/ru/exhibitions/").content.decode()

    assert "Open in English" in english
    assert "Still a draft" not in english
    assert "Только по-русски" not in english
    assert "Только по-русски" in russian
    assert "Open in English" not in russian


def test_past_exhibitions_are_paged_twelve_at_a_time(client, index):
    for n in range(13):
        exhibition_make(index["en"], opens=-100 - n, closes=-10 - n, title=f"Past {n}", slug=f"past-{n}")

    first = client.get("/en/exhibitions/")
    second = client.get("/en/exhibitions/?page=2")

    assert len(first.context["past"]) == 12
    assert [page.title for page in second.context["past"]] == ["Past 12"]


def test_exhibition_cards_show_the_hero_image_with_its_alt_text(client, index):
    hero = ImageFactory(alt_text="A pomegranate suzani on a courtyard wall", pixel_size=(960, 640))
    exhibition_make(index["en"], opens=-1, closes=1, hero_image=hero)

    html = client.get("/en/exhibitions/").content.decode()

    assert 'alt="A pomegranate suzani on a courtyard wall"' in html


# One exhibition


def test_a_room_shows_only_published_works_by_approved_artists_in_the_curators_order(client, index):
    artist = artist_make()
    suspended = artist_make(status=ArtistProfile.Status.SUSPENDED)
    third = artwork_make(artist, title="Third chosen")
    hidden = [
        artwork_make(artist, status=Artwork.Status.DRAFT, title="A draft"),
        artwork_make(artist, status=Artwork.Status.SUBMITTED, title="Waiting for review"),
        artwork_make(artist, status=Artwork.Status.ARCHIVED, title="Archived since"),
        artwork_make(artist, status=Artwork.Status.REJECTED, title="Needs changes"),
        artwork_make(suspended, title="By a suspended artist"),
    ]
    first = artwork_make(artist, title="First chosen")
    second = artwork_make(artist, title="Second chosen")
    exhibition_make(
        index["en"],
        opens=-1,
        closes=1,
        slug="threads",
        rooms=[[first, hidden[0], hidden[1], second, hidden[2], hidden[3], hidden[4], third]],
    )

    response = client.get("/en/exhibitions/threads/")

    assert response.status_code == 200
    html = response.content.decode()
    every_title = [work.title for work in (first, second, third, *hidden)]
    assert titles_in_order(html, every_title) == ["First chosen", "Second chosen", "Third chosen"]
    [room] = response.context["rooms"]
    assert room.artworks == [first, second, third]
    assert artist.display_name in html


def test_a_room_whose_works_are_all_hidden_keeps_its_title_and_text_but_shows_no_works(client, index):
    artist = artist_make()
    shown = artwork_make(artist, title="Shown in room one")
    gone = artwork_make(artist, status=Artwork.Status.ARCHIVED, title="Gone from room two")
    exhibition_make(index["en"], opens=-1, closes=1, slug="rooms", rooms=[[shown], [gone]])

    response = client.get("/en/exhibitions/rooms/")

    html = response.content.decode()
    assert "Room 2" in html
    assert "Words for room 2." in html
    assert "Gone from room two" not in html
    assert [len(room.artworks) for room in response.context["rooms"]] == [1, 0]
    room_two = html[html.index('id="room-' + str(response.context["rooms"][1].section.pk) + '"') :]
    assert "artwork-card" not in room_two


def test_the_exhibition_page_walks_through_its_rooms_with_anchor_links(client, index):
    artist = artist_make()
    page = exhibition_make(
        index["en"],
        opens=-1,
        closes=1,
        slug="walk",
        venue="Bactria Cultural Centre",
        rooms=[[artwork_make(artist)], [artwork_make(artist)], [artwork_make(artist)]],
    )

    html = client.get("/en/exhibitions/walk/").content.decode()

    for section in page.sections.all():
        assert f'href="#room-{section.pk}"' in html
        assert f'id="room-{section.pk}"' in html
    assert "Bactria Cultural Centre" in html
    assert "Online viewing room" in html


# A hundred works make six hundred renditions; the test cache's default 300 entries would
# cull the site's cached routing between requests and make the count drift.
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
)
def test_an_exhibition_costs_as_many_queries_with_100_works_as_with_10(client, index):
    artist = artist_make()
    few = [artwork_make(artist) for _ in range(10)]
    many = [artwork_make(artist) for _ in range(100)]
    exhibition_make(index["en"], opens=-1, closes=1, slug="few", rooms=[few[:4], few[4:]])
    exhibition_make(
        index["en"], opens=-1, closes=1, slug="many", rooms=[many[n : n + 10] for n in range(0, 100, 10)]
    )

    # The first requests make the renditions and fill the site's caches.
    for url in ("/en/exhibitions/few/", "/en/exhibitions/many/"):
        assert client.get(url).status_code == 200

    small = queries_for(client, "/en/exhibitions/few/")
    large = queries_for(client, "/en/exhibitions/many/")

    assert small == large
    # The whole page, routing and shared layout included.
    assert large <= 12
    with CaptureQueriesContext(connection) as room_reads:
        rooms = exhibition_rooms(page=ExhibitionPage.objects.get(slug="many"))
    assert len(room_reads.captured_queries) <= 6
    assert sum(len(room.artworks) for room in rooms) == 100


def test_the_index_costs_as_many_queries_with_many_exhibitions_as_with_one_of_each(client, index):
    def one_of_each(tag):
        for opens, closes in ((-1, 1), (5, 9), (-9, -5)):
            exhibition_make(
                index["en"],
                opens=opens,
                closes=closes,
                slug=f"{tag}{opens}{closes}",
                hero_image=ImageFactory(),
            )

    one_of_each("a")
    assert client.get("/en/exhibitions/").status_code == 200
    few = queries_for(client, "/en/exhibitions/")
    for tag in "bcd":
        one_of_each(tag)
    assert client.get("/en/exhibitions/").status_code == 200

    assert queries_for(client, "/en/exhibitions/") == few


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_a_translated_exhibition_and_its_index_answer_in_every_language(client, index, language):
    titles = {"en": "Threads of the valley", "ru": "Нити долины", "tg": "Риштаҳои водӣ"}
    english = exhibition_make(index["en"], opens=-1, closes=1, slug="threads", title=titles["en"])
    for code in ("ru", "tg"):
        _translate(english, index[code].locale, title=titles[code])

    listing = client.get(f"/{language}/exhibitions/")
    detail = client.get(f"/{language}/exhibitions/threads/")

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert titles[language] in listing.content.decode()
    assert f"<h1>{titles[language]}</h1>" in detail.content.decode()


def test_an_unpublished_exhibition_is_not_found(client, index):
    exhibition_make(index["en"], opens=-1, closes=1, slug="secret", live=False)

    assert client.get("/en/exhibitions/secret/").status_code == 404


# Editors


def test_editors_can_open_the_form_for_a_new_exhibition_and_an_existing_one(client, index):
    staff_login(client, UserFactory(is_superuser=True, is_staff=True))
    exhibition = exhibition_make(index["en"], opens=-1, closes=1, rooms=[[artwork_make(artist_make())]])

    add = client.get(f"/admin/pages/add/gallery/exhibitionpage/{index['en'].pk}/")
    edit = client.get(f"/admin/pages/{exhibition.pk}/edit/")

    assert add.status_code == 200
    assert edit.status_code == 200


# The demo seed


def test_the_demo_seed_adds_three_translated_exhibitions_once(client):
    pages = build_site()
    artist = artist_make()
    for medium in Medium.objects.filter(slug__in=["hand-embroidery", "silver", "photo-print", "oil"]):
        for _ in range(4):
            artwork_make(artist, medium=medium)
    artwork_make(artist, status=Artwork.Status.DRAFT, medium=Medium.objects.get(slug="silver"))
    ctx = SeedContext(
        editor_email="editor@example.org",
        editor_password="unused",
        locales={code: home.locale for code, home in pages["home"].items()},
        pages={("home", code): home for code, home in pages["home"].items()},
    )

    exhibitions_create(ctx)
    count = ExhibitionPage.objects.count()
    exhibitions_create(ctx)

    assert count == ExhibitionPage.objects.count() == 9
    english = ExhibitionPage.objects.filter(locale__language_code="en")
    assert sorted(page.phase for page in english) == ["current", "past", "upcoming"]
    for page in ExhibitionPage.objects.all():
        assert page.live
        assert page.hero_image_id is not None
        for section in page.sections.all():
            assert set(section.artwork_ids()) <= set(Artwork.objects.published().values_list("pk", flat=True))
    for code, title in (("en", "Threads of the Valley"), ("ru", "Нити долины"), ("tg", "Риштаҳои водӣ")):
        listing = client.get(f"/{code}/exhibitions/")
        detail = client.get(f"/{code}/exhibitions/threads-of-the-valley/")
        assert listing.status_code == detail.status_code == 200
        assert title in listing.content.decode()
        assert f"<h1>{title}</h1>" in detail.content.decode()
