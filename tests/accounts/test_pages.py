"""Every account page answers in every language and renders its forms accessibly."""

import re

import pytest

from heritage.accounts.tokens import email_verification_token_make

LANGUAGES = ["en", "ru", "tg"]
PUBLIC = [
    "signup/",
    "login/",
    "logout/",
    "check-email/",
    "password-reset/",
    "password-reset/sent/",
    "password-reset/complete/",
    "password-reset/MQ/bad-token/",
]
PRIVATE = ["", "password/", "check-email/", "logout/"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_answer_in_every_language(client, language, path):
    response = client.get(f"/{language}/accounts/{path}")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "style=" not in html
    assert "<script" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PRIVATE)
def test_her_pages_answer_in_every_language(client, user, language, path):
    client.force_login(user)

    response = client.get(f"/{language}/accounts/{path}")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_verification_page_answers_in_every_language(client, user, language):
    response = client.get(f"/{language}/accounts/verify/{email_verification_token_make(user)}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_pages_speak_russian_and_tajik(client, language):
    html = client.get(f"/{language}/accounts/signup/").content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html).group(1)

    assert re.search("[а-яА-Я]", heading), heading


@pytest.mark.django_db
def test_every_field_has_a_label_and_the_right_autocomplete(client):
    html = client.get("/en/accounts/signup/").content.decode()

    for field_id in ("id_email", "id_password1", "id_password2"):
        assert f'<label class="field-label" for="{field_id}">' in html
    assert re.search(r'<input[^>]*type="email"[^>]*autocomplete="email"', html) or re.search(
        r'<input[^>]*autocomplete="email"[^>]*type="email"', html
    )
    assert html.count('autocomplete="new-password"') == 2
    assert "<legend" in html


@pytest.mark.django_db
def test_errors_sit_by_their_field_and_are_announced_in_a_summary(client):
    response = client.post("/en/accounts/signup/", {"email": "not-an-address", "language": "en"})
    html = response.content.decode()

    assert '<div class="error-summary" role="alert"' in html
    assert 'href="#id_email"' in html
    assert '<ul class="field-errors" id="id_email_error">' in html
    email_input = re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_email_error"' in email_input
    password_input = re.search(r'<input[^>]*name="password1"[^>]*>', html).group(0)
    assert "id_password1_helptext" in password_input
    assert 'id="id_password1_helptext"' in html
