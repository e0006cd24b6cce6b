"""One address, one account: look-alike spellings of an address (a dotless `ı`, a long `ſ`,
Cyrillic or Greek letters among Latin ones, other letter cases) never reach someone else's
account, profile or counters, on SQLite and on PostgreSQL (whose case-insensitive comparison
folds `ı` to `I` and `ſ` to `S`)."""

from django.contrib.auth import get_user_model

import pytest

from tests.accounts.conftest import PASSWORD
from tests.accounts.look_alikes import signup_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"
MIXED = "Please use your address with letters of one alphabet"


@pytest.mark.parametrize(
    "typed",
    [
        "madina@gmaıl.com",  # dotless ı in the domain
        "madına@gmail.com",  # dotless ı in the local part
        "mаdina@gmail.com",  # Cyrillic а
        "mαdina@gmail.com",  # Greek α
    ],
)
def test_signing_up_with_a_look_alike_address_is_refused_with_a_clear_message(
    post_committed, mailoutbox, typed
):
    response = post_committed(SIGNUP, signup_data(typed))

    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    assert not mailoutbox
    [error] = response.context["form"].errors["email"]
    assert MIXED in error


def test_an_international_domain_is_stored_in_its_ascii_form(post_committed, mailoutbox):
    response = post_committed(SIGNUP, signup_data("Nigora@Бахор.Тҷ"))

    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "nigora@xn--80ab4bix.xn--r1a8u"
    assert mailoutbox[0].to == ["nigora@xn--80ab4bix.xn--r1a8u"]


def test_a_long_s_is_the_same_letter_as_s_at_sign_in(client):
    user = UserFactory(email="farangis@example.org", password=PASSWORD)

    response = client.post(LOGIN, {"username": "FARANGIſ@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_password_reset_for_a_look_alike_sends_nothing(post_committed, mailoutbox):
    UserFactory(email="madina@gmail.com")

    post_committed("/en/accounts/password-reset/", {"email": "madına@gmail.com"})

    assert not mailoutbox


@pytest.mark.parametrize(
    ("language", "words"), [("ru", "буквами одного алфавита"), ("tg", "ҳарфҳои як алифбо")]
)
def test_the_refusal_speaks_her_language(post_committed, language, words):
    response = post_committed(f"/{language}/accounts/signup/", signup_data("madina@gmaıl.com"))

    assert words in response.content.decode()
