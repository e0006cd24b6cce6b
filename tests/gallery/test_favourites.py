"""Saving works, following artists, the "Saved" page and the studio's audience counts."""

import json

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork, Favourite, Follow
from tests.factories import UserFactory

from .gallery_fixtures import gallery_pages_build, work_make
from .portfolio_fixtures import artist_make, artwork_make, index_pages_build

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def buyer():
    return UserFactory()


@pytest.fixture
def buyer_client(client, buyer):
    client.force_login(buyer)
    return client


@pytest.fixture
def artist():
    return artist_make(display_name="Gulnora")


@pytest.fixture
def artwork(artist):
    return artwork_make(artist, title="Pomegranates")


def url(name, pk):
    return reverse(f"favourites:{name}", kwargs={"pk": pk})


# Saving


def test_save_and_unsave_a_published_work(buyer_client, buyer, artwork):
    response = buyer_client.post(url("save", artwork.pk), {"next": "/en/artists/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/artists/"
    assert Favourite.objects.filter(user=buyer, artwork=artwork).exists()

    response = buyer_client.post(url("unsave", artwork.pk), {"next": "/en/artists/"})
    assert response["Location"] == "/en/artists/"
    assert not Favourite.objects.filter(user=buyer, artwork=artwork).exists()


def test_saving_twice_keeps_one_row_and_unsaving_twice_is_harmless(buyer_client, buyer, artwork):
    buyer_client.post(url("save", artwork.pk))
    response = buyer_client.post(url("save", artwork.pk))
    assert response.status_code == 302
    assert Favourite.objects.filter(user=buyer, artwork=artwork).count() == 1

    buyer_client.post(url("unsave", artwork.pk))
    response = buyer_client.post(url("unsave", artwork.pk))
    assert response.status_code == 302
    assert not Favourite.objects.exists()


def test_saving_shows_a_message(buyer_client, artwork):
    response = buyer_client.post(url("save", artwork.pk), follow=True)
    assert "Saved to your favourites." in response.content.decode()


def test_anonymous_visitor_is_sent_to_login_and_back_to_her_page(client, artwork):
    response = client.post(url("save", artwork.pk), {"next": "/en/artists/gulnora/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=%2Fen%2Fartists%2Fgulnora%2F"
    assert not Favourite.objects.exists()


def test_anonymous_xhr_gets_401_with_the_login_address(client, artwork):
    response = client.post(url("save", artwork.pk), {"next": "/en/artists/"}, **XHR)
    assert response.status_code == 401
    assert json.loads(response.content)["login_url"] == reverse("accounts:login") + "?next=%2Fen%2Fartists%2F"


def test_anonymous_visitor_without_next_goes_back_to_saved_after_login(client, artwork):
    response = client.post(url("follow", artwork.artist.pk))
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert "saved" in response["Location"]


@pytest.mark.parametrize("status", [Artwork.Status.DRAFT, Artwork.Status.SUBMITTED, Artwork.Status.REJECTED])
def test_only_published_works_can_be_saved(buyer_client, artist, status):
    work = artwork_make(artist, status=status)
    assert buyer_client.post(url("save", work.pk)).status_code == 404
    assert not Favourite.objects.exists()


def test_a_suspended_artists_work_cannot_be_saved(buyer_client, artwork):
    ArtistProfile.objects.filter(pk=artwork.artist_id).update(status=ArtistProfile.Status.SUSPENDED)
    assert buyer_client.post(url("save", artwork.pk)).status_code == 404


def test_get_is_not_allowed(buyer_client, artwork):
    assert buyer_client.get(url("save", artwork.pk)).status_code == 405


def test_xhr_gets_json(buyer_client, artwork):
    other = UserFactory()
    Favourite.objects.create(user=other, artwork=artwork)

    response = buyer_client.post(url("save", artwork.pk), **XHR)
    assert response.status_code == 200
    assert json.loads(response.content) == {"saved": True, "count": 2}

    response = buyer_client.post(url("unsave", artwork.pk), **XHR)
    assert json.loads(response.content) == {"saved": False, "count": 1}


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/path", "javascript:alert(1)", "http:///evil.example"],
)
def test_an_unsafe_next_is_ignored(buyer_client, artwork, next_url):
    response = buyer_client.post(url("save", artwork.pk), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == reverse("favourites:saved")


def test_csrf_is_enforced(buyer, artwork):
    client = Client(enforce_csrf_checks=True)
    client.force_login(buyer)
    assert client.post(url("save", artwork.pk)).status_code == 403
    assert not Favourite.objects.exists()

    # With the token from the form it goes through.
    client.get(reverse("favourites:saved"))
    token = client.cookies["csrftoken"].value
    response = client.post(url("save", artwork.pk), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Favourite.objects.count() == 1


# Following


def test_follow_and_unfollow_an_approved_artist(buyer_client, buyer, artist):
    response = buyer_client.post(url("follow", artist.pk), {"next": "/en/"})
    assert response["Location"] == "/en/"
    assert Follow.objects.filter(user=buyer, artist=artist).exists()

    buyer_client.post(url("follow", artist.pk))
    assert Follow.objects.filter(user=buyer, artist=artist).count() == 1

    buyer_client.post(url("unfollow", artist.pk))
    buyer_client.post(url("unfollow", artist.pk))
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "status", [ArtistProfile.Status.APPLIED, ArtistProfile.Status.REJECTED, ArtistProfile.Status.SUSPENDED]
)
def test_only_approved_artists_can_be_followed(buyer_client, status):
    artist = artist_make(status=status)
    assert buyer_client.post(url("follow", artist.pk)).status_code == 404
    assert not Follow.objects.exists()


def test_follow_xhr_gets_json(buyer_client, artist):
    response = buyer_client.post(url("follow", artist.pk), **XHR)
    assert json.loads(response.content) == {"following": True, "count": 1}


def test_follow_without_next_goes_to_her_portfolio(buyer_client):
    index_pages_build()
    artist = artist_make(slug="sitora")
    response = buyer_client.post(url("follow", artist.pk))
    assert response["Location"] == "/en/artists/sitora/"


# The saved page


def test_saved_page_needs_login(client):
    response = client.get(reverse("favourites:saved"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=%2Fen%2Fsaved%2F"


def test_saved_page_lists_her_works_and_artists(buyer_client, buyer, artwork, artist):
    index_pages_build()
    Favourite.objects.create(user=buyer, artwork=artwork)
    Follow.objects.create(user=buyer, artist=artist)
    Favourite.objects.create(user=UserFactory(), artwork=artwork)  # saved by someone else too
    someone_elses = artwork_make(artist, title="Not mine")
    Favourite.objects.create(user=UserFactory(), artwork=someone_elses)

    html = buyer_client.get(reverse("favourites:saved")).content.decode()

    assert html.count(">Pomegranates<") == 1
    assert "Not mine" not in html
    assert url("unsave", artwork.pk) in html
    assert "Saved — remove" in html
    assert 'aria-pressed="true"' in html
    assert f'href="/en/artists/{artist.slug}/"' in html
    assert url("unfollow", artist.pk) in html
    assert "Following — stop" in html


def test_unpublished_works_and_suspended_artists_vanish_from_saved(buyer_client, buyer, artist):
    kept = artwork_make(artist, title="Still here")
    withdrawn = artwork_make(artist, title="Withdrawn later")
    other_artist = artist_make(display_name="Paused artist")
    paused_work = artwork_make(other_artist, title="By a paused artist")
    for work in (kept, withdrawn, paused_work):
        Favourite.objects.create(user=buyer, artwork=work)
    Follow.objects.create(user=buyer, artist=other_artist)

    Artwork.objects.filter(pk=withdrawn.pk).update(status=Artwork.Status.DRAFT)
    ArtistProfile.objects.filter(pk=other_artist.pk).update(status=ArtistProfile.Status.SUSPENDED)

    html = buyer_client.get(reverse("favourites:saved")).content.decode()

    assert "Still here" in html
    assert "Withdrawn later" not in html
    assert "By a paused artist" not in html
    assert "Paused artist" not in html


def _saved_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("favourites:saved"))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_saved_page_takes_the_same_queries_for_5_or_25_works(buyer_client, buyer):
    index_pages_build()

    def add(n):
        for _ in range(n):
            artist = artist_make()
            Favourite.objects.create(user=buyer, artwork=artwork_make(artist))
            Follow.objects.create(user=buyer, artist=artist)

    add(5)
    _saved_queries(buyer_client)  # warm-up: renditions are made on the first render
    few = _saved_queries(buyer_client)
    add(20)
    _saved_queries(buyer_client)
    many = _saved_queries(buyer_client)
    assert few == many


# The buttons on other pages


def test_portfolio_shows_follow_button(client, buyer, artist):
    index_pages_build()
    page_url = f"/en/artists/{artist.slug}/"

    html = client.get(page_url).content.decode()
    assert "Sign in to follow" in html
    assert reverse("accounts:login") + "?next=%2Fen%2Fartists%2F" in html

    client.force_login(buyer)
    html = client.get(page_url).content.decode()
    assert url("follow", artist.pk) in html
    assert 'aria-pressed="false"' in html
    assert f'name="next" value="{page_url}"' in html

    Follow.objects.create(user=buyer, artist=artist)
    html = client.get(page_url).content.decode()
    assert url("unfollow", artist.pk) in html
    assert 'aria-pressed="true"' in html


def test_favourite_button_component_renders_with_artwork_and_is_saved(rf, buyer, artwork):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    def render(is_saved):
        context = {"artwork": artwork, "is_saved": is_saved}
        return render_to_string("components/favourite_button.html", context, request)

    request = rf.get("/en/somewhere/?x=1")
    request.user = AnonymousUser()
    html = render_to_string(
        "components/favourite_button.html", {"artwork": artwork, "is_saved": False}, request
    )
    assert "Sign in to save" in html
    assert "next=%2Fen%2Fsomewhere%2F%3Fx%3D1" in html

    request.user = buyer
    html = render_to_string(
        "components/favourite_button.html", {"artwork": artwork, "is_saved": False}, request
    )
    assert "Save to favourites" in html
    assert url("save", artwork.pk) in html
    assert 'aria-pressed="false"' in html
    assert "csrfmiddlewaretoken" in html
    html = render_to_string(
        "components/favourite_button.html", {"artwork": artwork, "is_saved": True}, request
    )
    assert "Saved — remove" in html
    assert url("unsave", artwork.pk) in html


# The studio


def test_studio_home_shows_her_audience(client):
    artist = artist_make(user=UserFactory(), display_name="Dilnoza")
    work = artwork_make(artist)
    draft = artwork_make(artist, status=Artwork.Status.DRAFT)
    for _ in range(3):
        Favourite.objects.create(user=UserFactory(), artwork=work)
    Favourite.objects.create(user=UserFactory(), artwork=draft)  # saved before it was withdrawn
    Follow.objects.create(user=UserFactory(), artist=artist)
    Follow.objects.create(user=UserFactory(), artist=artist_make())

    client.force_login(artist.user)
    html = client.get(reverse("artists:studio")).content.decode()

    assert "Your works were saved 3 times." in html
    assert "1 person follows you." in html


def test_the_artwork_page_offers_to_save_the_work(client):
    gallery = gallery_pages_build()["en"]
    artwork = work_make()
    url = gallery.artwork_url(artwork)
    anonymous = client.get(url).content.decode()
    assert "Sign in to save" in anonymous
    client.force_login(UserFactory())
    signed_in = client.get(url).content.decode()
    assert reverse("favourites:save", args=[artwork.pk]) in signed_in
