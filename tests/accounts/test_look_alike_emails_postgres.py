"""The takeover that PostgreSQL made possible: its case-insensitive match (`UPPER`) folds a
dotless `ı` to `I` and a long `ſ` to `S`, so `madina@gmaıl.com` once matched
`madina@gmail.com` — her listed profile went to whoever confirmed the look-alike, her own
sign-up was refused as "already exists", and the look-alike signed in to her account.
SQLite does not fold these letters, so these run in the PostgreSQL pass
(`DATABASE_URL=postgres://…`, as CI does)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.db import connection

import pytest

from heritage.accounts.services import user_email_mark_verified
from tests.accounts.conftest import PASSWORD, link_in
from tests.accounts.look_alikes import listed, look_alike_account, signup_data
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's case folding of ı and ſ: run with DATABASE_URL=postgres://… (CI does)",
    ),
]

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"


def test_confirming_a_look_alike_address_does_not_hand_over_the_listed_profile():
    artist = listed("madina@gmail.com")
    attacker = look_alike_account("madina@gmaıl.com", email_verified_at=None)

    user_email_mark_verified(user=attacker)

    artist.refresh_from_db()
    assert artist.user is None


def test_the_listed_profile_still_goes_to_the_real_address(client, post_committed, mailoutbox):
    artist = listed("Madina@Gmail.com")
    look_alike_account("madina@gmaıl.com")

    response = post_committed(SIGNUP, signup_data("madina@gmail.com"))
    assert response.status_code == 302, response.context["form"].errors
    client.get(link_in(mailoutbox[-1]))

    artist.refresh_from_db()
    assert artist.user is not None
    assert artist.user.email == "madina@gmail.com"


def test_a_look_alike_account_does_not_block_the_real_sign_up(post_committed):
    look_alike_account("madına@gmail.com")

    response = post_committed(SIGNUP, signup_data("madina@gmail.com"))

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="madina@gmail.com").exists()


@pytest.mark.parametrize("typed", ["madına@gmail.com", "madina@gmaıl.com", "mаdina@gmail.com"])
def test_a_look_alike_address_does_not_sign_in_to_her_account(client, typed):
    UserFactory(email="madina@gmail.com", password=PASSWORD)

    response = client.post(LOGIN, {"username": typed, "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_no_lookup_by_address_uses_the_databases_case_folding():
    UserFactory(email="madina@gmail.com")
    users = get_user_model().objects

    assert not users.filter(email__iexact="madına@gmail.com").exists()
    assert not users.filter(email__iexact="madina@gmaıl.com").exists()
    # Django's own reset form asks with `__iexact` too: it finds nobody for a look-alike.
    assert not list(PasswordResetForm().get_users("madına@gmail.com"))
