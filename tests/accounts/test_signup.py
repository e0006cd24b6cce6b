import re

import pytest

from heritage.models import User
from tests.accounts.conftest import PASSWORD, link_in
from tests.factories import UserFactory

SUBJECTS = {
    "en": "Confirm your email address for TajikHeritage",
    "ru": "Подтвердите адрес электронной почты на TajikHeritage",
    "tg": "Суроғаи почтаи электронии худро дар TajikHeritage тасдиқ кунед",
}
GREETINGS = {"en": "Hello,", "ru": "Здравствуйте!", "tg": "Ассалому алейкум!"}
URL = "/en/accounts/signup/"


def form_data(**overrides):
    return {
        "email": "Madina.Rahimova@Example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "en",
        **overrides,
    }


@pytest.mark.django_db
def test_signup_creates_the_account_signs_her_in_and_sends_one_email(client, post_committed, mailoutbox):
    response = post_committed(URL, form_data())

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/check-email/"
    user = User.objects.get()
    assert user.email == "madina.rahimova@example.org"
    assert user.check_password(PASSWORD)
    assert user.email_verified_at is None
    assert client.session["_auth_user_id"] == str(user.pk)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["madina.rahimova@example.org"]
    assert mailoutbox[0].subject == SUBJECTS["en"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_confirmation_email_is_written_in_the_language_she_chose(post_committed, mailoutbox, language):
    # She fills in the form on the English site but wants our emails in her own language.
    post_committed(URL, form_data(language=language))

    assert User.objects.get().language == language
    (message,) = mailoutbox
    assert message.subject == SUBJECTS[language]
    assert message.body.startswith(GREETINGS[language])
    assert "Thank you" not in message.body
    assert link_in(message).startswith(f"/{language}/accounts/verify/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_the_language_choice_starts_on_the_language_of_the_page(client, language):
    response = client.get(f"/{language}/accounts/signup/")

    assert response.context["form"]["language"].value() == language


@pytest.mark.django_db
def test_an_address_already_registered_is_refused_with_a_clear_message(client, post_committed, mailoutbox):
    UserFactory(email="madina.rahimova@example.org")

    response = post_committed(URL, form_data(email="  MADINA.rahimova@example.org "))

    assert response.status_code == 200
    assert User.objects.count() == 1
    assert not mailoutbox
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["email"] == [
        "An account with this email address already exists. "
        "Sign in, or reset your password if you have forgotten it."
    ]


@pytest.mark.django_db
def test_a_refused_form_keeps_what_she_typed_except_the_passwords(post_committed):
    response = post_committed(URL, form_data(password2="something-else-entirely", language="tg"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Madina.Rahimova@Example.org"' in html
    assert PASSWORD not in html
    assert re.search(r'<input[^>]*value="tg"[^>]*checked', html)
    assert 'role="alert"' in html
    assert "The two password fields didn’t match." in html


@pytest.mark.django_db
def test_weak_passwords_are_refused_by_djangos_validators(post_committed):
    response = post_committed(URL, form_data(password1="12345678", password2="12345678"))

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_password_like_her_address_is_refused(post_committed):
    password = "madina.rahimova"
    response = post_committed(URL, form_data(password1=password, password2=password))

    assert "password1" in response.context["form"].errors


@pytest.mark.django_db
def test_a_safe_next_address_is_followed_after_signing_up(post_committed):
    response = post_committed(URL, form_data(next="/ru/about-us/"))

    assert response["Location"] == "/ru/about-us/"


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "http://evil.example/x"])
def test_a_next_address_off_the_site_is_ignored(client, post_committed, next_url):
    page = client.get(URL, {"next": next_url})
    assert next_url not in page.content.decode()

    response = post_committed(URL, form_data(next=next_url))

    assert response["Location"] == "/en/accounts/check-email/"


@pytest.mark.django_db
def test_the_signup_form_carries_a_safe_next_address_through(client):
    response = client.get(URL, {"next": "/en/studio/"})

    assert '<input type="hidden" name="next" value="/en/studio/">' in response.content.decode()


@pytest.mark.django_db
def test_someone_signed_in_is_sent_to_her_account_instead(client, user):
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/"


@pytest.mark.django_db
def test_the_email_waits_until_the_account_is_committed(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(URL, form_data())
        assert not mailoutbox

    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1
