"""A session id planted before sign-in is worthless afterwards, and a password reset link
works once."""

from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.backends.db import SessionStore
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "suzani-Pomegranate-1985"
NEW_PASSWORD = "ikat-Silk-Dushanbe-2024"


@pytest.fixture
def nigina(db):
    return UserFactory(email="nigina@example.org", password=PASSWORD)


def planted_session(client) -> str:
    """Give the browser a session before sign-in, as an attacker who sets her cookie would."""
    session = client.session
    session["shop_country"] = "TJ"
    session.save()
    return session.session_key


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/admin/login/"])
def test_signing_in_gives_the_session_a_new_key_and_the_old_one_stops_working(client, nigina, url):
    before = planted_session(client)

    response = client.post(url, {"username": "nigina@example.org", "password": PASSWORD})

    assert response.status_code == 302
    after = client.session.session_key
    assert after != before
    assert not SessionStore().exists(before)
    assert client.session["shop_country"] == "TJ"  # what she had chosen stays with her


def test_a_password_reset_link_works_once(client, nigina):
    uid = urlsafe_base64_encode(force_bytes(nigina.pk))
    link = f"/en/accounts/password-reset/{uid}/{default_token_generator.make_token(nigina)}/"
    form = client.get(link)["Location"]
    done = client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302

    again = client.get(link, follow=True)
    reused = client.post(form, {"new_password1": "another-Pass-2025", "new_password2": "another-Pass-2025"})

    assert "This link does not work" in again.content.decode()
    assert "This link does not work" in reused.content.decode()
    nigina.refresh_from_db()
    assert nigina.check_password(NEW_PASSWORD)


def test_a_reset_link_stops_working_once_she_signs_in_with_her_old_password(client, nigina):
    uid = urlsafe_base64_encode(force_bytes(nigina.pk))
    link = f"/en/accounts/password-reset/{uid}/{default_token_generator.make_token(nigina)}/"

    client.post("/en/accounts/login/", {"username": "nigina@example.org", "password": PASSWORD})
    client.logout()

    assert "This link does not work" in client.get(link, follow=True).content.decode()
