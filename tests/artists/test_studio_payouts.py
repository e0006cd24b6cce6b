"""She sets how she is paid in her studio after typing her password again; the change is
logged, she is emailed and her payouts wait 48 hours, as when finance staff change it."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from heritage.models import FinanceAuditEntry
from tests.factories import ArtistFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/studio/payouts/"
PASSWORD = "suzani-Khujand-1987"


@pytest.fixture
def artist(db):
    return ArtistFactory(
        display_name="Zarina Karimova",
        payout_method="cash",
        payout_details="Hand over in Khujand, Panjshanbe bazaar, row 4",
        user=UserFactory(email="zarina@example.org", password=PASSWORD, language="tg"),
    )


@pytest.fixture
def artist_client(client, artist):
    client.force_login(artist.user)
    return client


def test_the_page_shows_how_she_is_paid_and_asks_for_her_password(artist_client):
    response = artist_client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Panjshanbe bazaar" in content
    assert 'type="password"' in content
    assert 'autocomplete="current-password"' in content


def test_a_wrong_password_changes_nothing_and_keeps_what_she_typed(artist_client, artist, post_committed):
    mail.outbox.clear()
    response = post_committed(
        URL,
        {"payout_method": "bank", "payout_details": "Amonatbonk, TJ55 1111 2222 3333", "password": "wrong"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "That is not your password" in content
    assert "TJ55 1111 2222 3333" in content  # what she typed is still in the form
    assert "wrong" not in content.split("TJ55")[1]  # the password is not given back
    artist.refresh_from_db()
    assert artist.payout_method == "cash"
    assert artist.payouts_held_until is None
    assert not FinanceAuditEntry.objects.exists()
    assert mail.outbox == []


def test_the_wrong_password_message_is_in_her_language(client, artist):
    client.force_login(artist.user)
    response = client.post(
        "/ru/studio/payouts/", {"payout_method": "bank", "payout_details": "x", "password": "wrong"}
    )
    assert "Это не ваш пароль" in response.content.decode()


def test_with_her_password_the_change_is_saved_logged_emailed_and_held(artist_client, artist, post_committed):
    mail.outbox.clear()
    before = timezone.now()
    response = post_committed(
        URL,
        {
            "payout_method": "bank",
            "payout_details": "Amonatbonk, TJ55 1111 2222 3333",
            "password": PASSWORD,
            "stripe_account_id": "acct_1Forged",  # not hers to set: ignored
            "commission_percent": "0",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == URL
    artist.refresh_from_db()
    assert (artist.payout_method, artist.payout_details) == ("bank", "Amonatbonk, TJ55 1111 2222 3333")
    assert artist.stripe_account_id == "" and artist.commission_percent is None
    assert artist.payouts_held_until >= before + timedelta(hours=48)

    entries = {entry.field_name: entry for entry in FinanceAuditEntry.objects.all()}
    assert set(entries) == {"payout_method", "payout_details"}
    assert entries["payout_details"].user == artist.user
    assert entries["payout_details"].new_value == "•••• 3333"
    assert (entries["payout_method"].old_value, entries["payout_method"].new_value) == ("cash", "bank")

    [email] = mail.outbox
    assert email.to == ["zarina@example.org"]
    assert email.subject == "Маълумоти пардохт ба шумо тағйир ёфт"


def test_bank_details_are_needed_for_a_bank_transfer(artist_client, artist):
    response = artist_client.post(URL, {"payout_method": "bank", "payout_details": " ", "password": PASSWORD})
    assert response.status_code == 200
    artist.refresh_from_db()
    assert artist.payout_method == "cash"


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_guessing_her_password_here_is_slowed_down(artist_client, artist):
    data = {"payout_method": "bank", "payout_details": "Amonatbonk, TJ55", "password": "guess"}
    for _ in range(10):
        assert artist_client.post(URL, data).status_code == 200
    assert artist_client.post(URL, {**data, "password": PASSWORD}).status_code == 429
    artist.refresh_from_db()
    assert artist.payout_method == "cash"
