"""Saving a gallery search: from the gallery page, for signed-in buyers, listed on her own page
with delete, limited in number, matched by the gallery's own rule."""

from django.urls import reverse

import pytest

from gallery.models import SavedSearch
from gallery.selectors.browse import artworks_matching
from gallery.services_discovery import SAVED_SEARCHES_MAX
from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import card_titles, work_make
from tests.gallery.portfolio_fixtures import artist_make

from .conftest import days_ago

pytestmark = pytest.mark.django_db

SAVE = "/en/saved/searches/save/"
LIST = "/en/saved/searches/"


def test_the_gallery_offers_to_save_the_search_with_its_query_and_filters(buyer_client, site):
    page = buyer_client.get("/en/gallery/?q=apricot&size=small&region=nowhere").content.decode()
    form = page[page.index(f'action="{SAVE}"') :]
    form = form[: form.index("</form>")]
    assert 'name="q" value="apricot"' in form
    assert 'name="size" value="small"' in form
    assert 'name="region"' not in form  # unknown filters were dropped already
    assert "Save this search" in form


def test_no_save_button_without_a_search_or_filter(buyer_client, site):
    assert SAVE not in buyer_client.get("/en/gallery/").content.decode()


def test_a_visitor_sees_sign_in_to_save_this_search_and_comes_back_to_it(client, site):
    page = client.get("/en/gallery/?q=apricot").content.decode()
    assert "Sign in to save this search" in page
    assert "/en/accounts/login/?next=%2Fen%2Fgallery%2F%3Fq%3Dapricot" in page


def test_a_signed_in_buyer_saves_a_search_and_finds_it_on_her_page(buyer_client, buyer, site):
    response = buyer_client.post(SAVE, {"q": "  apricot  ", "size": "small", "sort": "title", "page": "3"})
    assert response.status_code == 302
    search = SavedSearch.objects.get(user=buyer)
    assert search.query == "q=apricot&size=small"
    assert search.emails

    page = buyer_client.get(LIST).content.decode()
    assert "apricot" in page
    assert "Small (under 50 cm)" in page
    assert 'href="/en/gallery/?q=apricot&amp;size=small"' in page


def test_saving_the_same_search_twice_keeps_one(buyer_client, buyer, site):
    buyer_client.post(SAVE, {"q": "apricot", "size": "small"})
    response = buyer_client.post(SAVE, {"size": "small", "q": "APRICOT"}, follow=True)
    assert SavedSearch.objects.filter(user=buyer).count() == 1
    assert "already saved" in response.content.decode()


def test_an_empty_search_is_not_saved(buyer_client, buyer, site):
    response = buyer_client.post(SAVE, {"q": "   ", "medium": "no-such-medium"}, follow=True)
    assert not SavedSearch.objects.exists()
    assert "Search for something or choose a filter" in response.content.decode()


def test_a_visitor_is_asked_to_sign_in_and_comes_back_to_the_gallery(client, site):
    response = client.post(SAVE, {"q": "apricot", "next": "/en/gallery/?q=apricot"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "next=%2Fen%2Fgallery%2F%3Fq%3Dapricot" in response["Location"]
    assert not SavedSearch.objects.exists()
    assert client.get(LIST).status_code == 302


def test_at_most_twenty_saved_searches_with_a_clear_message(buyer_client, buyer, site):
    for n in range(SAVED_SEARCHES_MAX):
        SavedSearch.objects.create(user=buyer, query=f"q=word{n}")
    response = buyer_client.post(SAVE, {"q": "one more"}, follow=True)
    assert SavedSearch.objects.filter(user=buyer).count() == SAVED_SEARCHES_MAX == 20
    assert "You have 20 saved searches, the most you can keep" in response.content.decode()


def test_she_deletes_her_search_but_never_someone_elses(buyer_client, buyer, site):
    mine = SavedSearch.objects.create(user=buyer, query="q=apricot")
    theirs = SavedSearch.objects.create(user=UserFactory(), query="q=apricot")

    assert buyer_client.post(reverse("favourites:search-delete", kwargs={"pk": theirs.pk})).status_code == 404
    assert buyer_client.get(reverse("favourites:search-delete", kwargs={"pk": mine.pk})).status_code == 405
    response = buyer_client.post(reverse("favourites:search-delete", kwargs={"pk": mine.pk}))
    assert response.status_code == 302
    assert list(SavedSearch.objects.all()) == [theirs]
    assert "apricot" not in buyer_client.get(LIST).content.decode()


def test_a_saved_search_matches_what_the_gallery_lists_for_it(client, site):
    artist = artist_make(region="sughd", show_location=True)
    work_make(artist, title="Apricot small", width_cm=30, height_cm=40, published_at=days_ago(1))
    work_make(artist, title="Apricot large", width_cm=150, height_cm=120, published_at=days_ago(1))
    work_make(artist, title="Plum small", width_cm=30, height_cm=40, published_at=days_ago(1))

    listed = card_titles(client.get("/en/gallery/?q=apricot&size=small").content.decode())
    matched = [w.title for w in artworks_matching("q=apricot&size=small")]
    assert listed == matched == ["Apricot small"]


def test_her_saved_searches_page_is_in_her_language_without_english(buyer_client, buyer, site):
    SavedSearch.objects.create(user=buyer, query="q=apricot&size=small")
    page = buyer_client.get("/ru/saved/searches/").content.decode()
    assert "Сохранённые поиски" in page
    assert "Saved searches" not in page and "Delete" not in page
