"""One-click unsubscribe (RFC 8058): a POST to the signed link stops the emails at once, without
signing in; opening the link only shows a button; a forged link changes nothing."""

from django.core import mail, signing

import pytest

from gallery.models import DigestOptOut, Follow, SavedSearch
from gallery.services_discovery import UNSUBSCRIBE_SALT, unsubscribe_url
from gallery.tasks_discovery import digests_send
from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import work_make
from tests.gallery.portfolio_fixtures import artist_make

from .conftest import days_ago

pytestmark = pytest.mark.django_db

ONE_CLICK = {"List-Unsubscribe": "One-Click"}


@pytest.fixture
def followed(buyer, site):
    artist = artist_make(display_name="Nigora")
    row = Follow.objects.create(user=buyer, artist=artist)
    Follow.objects.filter(pk=row.pk).update(created_at=days_ago(7))
    work_make(artist, title="Morning in Khujand", published_at=days_ago(1))
    return row


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_one_click_post_from_the_email_header_stops_the_digest_without_signing_in(client, buyer, followed):
    digests_send()
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(path_of(link), ONE_CLICK)

    assert response.status_code == 200
    assert DigestOptOut.objects.filter(user=buyer).exists()
    assert Follow.objects.filter(pk=followed.pk).exists()  # she still follows her
    assert "_auth_user_id" not in client.session


def test_the_link_beside_an_artist_in_the_email_stops_only_that_follow(client, buyer, followed):
    digests_send()
    link = unsubscribe_url(user=buyer, subscription=followed)
    assert link in mail.outbox[0].body

    assert client.post(path_of(link), ONE_CLICK).status_code == 200

    followed.refresh_from_db()
    assert followed.emails is False  # she still follows her; only the emails stop
    assert not DigestOptOut.objects.exists()


def test_opening_the_link_shows_one_button_and_changes_nothing(client, buyer, followed):
    url = path_of(unsubscribe_url(user=buyer, subscription=followed))
    page = client.get(url).content.decode()
    followed.refresh_from_db()
    assert followed.emails is True
    assert page.count("<button") == 1
    assert f'action="{url}"' in page and 'method="post"' in page
    assert "Nigora" in page


def test_a_search_link_stops_only_that_search(client, buyer, site):
    apricot = SavedSearch.objects.create(user=buyer, query="q=apricot")
    plum = SavedSearch.objects.create(user=buyer, query="q=plum")
    client.post(path_of(unsubscribe_url(user=buyer, subscription=apricot)), ONE_CLICK)
    apricot.refresh_from_db()
    plum.refresh_from_db()
    assert (apricot.emails, plum.emails) == (False, True)


def test_the_all_link_stops_every_digest(client, buyer, followed):
    client.post(path_of(unsubscribe_url(user=buyer)), ONE_CLICK)
    assert DigestOptOut.objects.filter(user=buyer).exists()
    assert digests_send().sent == 0
    client.post(path_of(unsubscribe_url(user=buyer)), ONE_CLICK)  # twice: still fine
    assert DigestOptOut.objects.filter(user=buyer).count() == 1


def test_a_tampered_link_is_refused_with_a_clear_message(client, buyer, followed):
    url = path_of(unsubscribe_url(user=buyer, subscription=followed))
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = url.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    for method in (client.get, client.post):
        response = method(forged)
        assert response.status_code == 400
        assert "This unsubscribe link is not valid" in response.content.decode()
    followed.refresh_from_db()
    assert followed.emails is True


def test_a_link_naming_someone_elses_subscription_is_refused(client, buyer, followed):
    other = UserFactory()
    token = signing.dumps({"u": other.pk, "k": "follow", "i": followed.pk}, salt=UNSUBSCRIBE_SALT)
    response = client.post(f"/en/saved/unsubscribe/{token}/", ONE_CLICK)
    assert response.status_code == 400
    followed.refresh_from_db()
    assert followed.emails is True
    # And a token signed for another purpose of the site is no unsubscribe link.
    token = signing.dumps({"u": buyer.pk, "k": "all"}, salt="heritage.something-else")
    assert client.post(f"/en/saved/unsubscribe/{token}/").status_code == 400
    assert not DigestOptOut.objects.exists()


def test_the_pages_are_in_her_language(client, buyer, followed):
    url = path_of(unsubscribe_url(user=buyer, subscription=followed, language="tg"))
    assert url.startswith("/tg/")
    page = client.get(url).content.decode()
    assert "Обунаро бекор кардан" in page
    done = client.post(url).content.decode()
    assert "Unsubscribe" not in page + done


def test_a_link_to_a_search_deleted_since_says_it_is_done(client, buyer, site):
    search = SavedSearch.objects.create(user=buyer, query="q=apricot")
    url = path_of(unsubscribe_url(user=buyer, subscription=search))
    search.delete()
    page = client.get(url).content.decode()
    assert "<button" not in page.split('class="wrap unsubscribe-page"')[1]
    assert "no more emails about this saved search" in page
    assert client.post(url).status_code == 200
