import pytest

from tests.accounts.conftest import PASSWORD

LOGIN = "/en/accounts/login/"
LOGOUT = "/en/accounts/logout/"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["nigina@example.org", "Nigina@Example.ORG", "  NIGINA@example.org "])
def test_she_signs_in_with_her_email_whatever_its_letter_case(client, user, typed):
    response = client.post(LOGIN, {"username": typed, "password": PASSWORD, "next": "/en/about-us/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/about-us/"
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_without_next_she_goes_to_the_login_redirect_page_in_her_language(client, user, settings):
    assert settings.LOGIN_REDIRECT_URL == "artists:studio"
    # The studio lives in another app; any named page shows the language prefix is kept.
    settings.LOGIN_REDIRECT_URL = "accounts:account"

    response = client.post("/ru/accounts/login/", {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/"


@pytest.mark.django_db
def test_an_unsafe_next_is_ignored_at_sign_in(client, user, settings):
    settings.LOGIN_REDIRECT_URL = "accounts:account"
    response = client.post(
        LOGIN, {"username": user.email, "password": PASSWORD, "next": "https://evil.example/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/"


@pytest.mark.django_db
def test_a_wrong_password_is_refused_and_the_email_kept(client, user):
    response = client.post(LOGIN, {"username": "Nigina@example.org", "password": "wrong"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'role="alert"' in html
    assert "The email address or password is not right." in html
    assert 'value="Nigina@example.org"' in html
    assert 'value="wrong"' not in html


@pytest.mark.django_db
def test_the_sign_in_form_asks_for_an_email(client):
    form = client.get(LOGIN).context["form"]

    assert form.fields["username"].label == "Email"
    html = str(form["username"])
    assert 'type="email"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in str(form["password"])


@pytest.mark.django_db
def test_a_disabled_account_cannot_sign_in(client, user):
    user.is_active = False
    user.save()

    client.post(LOGIN, {"username": user.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_visiting_the_sign_out_address_does_not_sign_her_out(client, user):
    client.force_login(user)

    response = client.get(LOGOUT)

    assert response.status_code == 200
    assert client.session["_auth_user_id"] == str(user.pk)
    assert f'<form class="form" method="post" action="{LOGOUT}">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_signing_out_takes_a_post_and_keeps_her_language(client, user, language):
    client.force_login(user)

    response = client.post(f"/{language}/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_signing_out_follows_a_safe_next(client, user):
    client.force_login(user)

    response = client.post(LOGOUT, {"next": "/en/about-us/"})

    assert response["Location"] == "/en/about-us/"
