import re

import pytest

from tests.accounts.conftest import PASSWORD, link_in
from tests.factories import UserFactory

SUBJECTS = {
    "ru": "Выберите новый пароль для TajikHeritage",
    "tg": "Рамзи навро барои TajikHeritage интихоб кунед",
}
NEW_PASSWORD = "ikat-Silk-Dushanbe-2024"


def reset_url(language="en"):
    return f"/{language}/accounts/password-reset/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_reset_email_is_in_her_language(post_committed, mailoutbox, language):
    UserFactory(email="dilorom@example.org", language=language)

    # She asks from the English site: the email still speaks her language.
    response = post_committed(reset_url("en"), {"email": "Dilorom@Example.org"})

    assert response["Location"] == "/en/accounts/password-reset/sent/"
    (message,) = mailoutbox
    assert message.to == ["dilorom@example.org"]
    assert message.subject == SUBJECTS[language]
    assert "Someone, hopefully you" not in message.body
    assert re.search("[а-яА-Я]{4}", message.body)
    if language == "tg":
        assert re.search("[ӣӯҳҷқғ]", message.body)
    assert link_in(message).startswith(f"/{language}/accounts/password-reset/")


@pytest.mark.django_db
def test_an_unknown_address_gets_the_same_answer_and_no_email(post_committed, mailoutbox):
    response = post_committed(reset_url(), {"email": "nobody@example.org"})

    assert response["Location"] == "/en/accounts/password-reset/sent/"
    assert not mailoutbox


@pytest.mark.django_db
def test_the_link_lets_her_choose_a_new_password_and_confirms_her_address(
    client, post_committed, user, mailoutbox
):
    post_committed(reset_url(), {"email": user.email})
    link = link_in(mailoutbox[0])

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    set_password_url = form_page.redirect_chain[-1][0]
    html = form_page.content.decode()
    assert html.count('autocomplete="new-password"') == 2

    done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert done["Location"] == "/en/accounts/password-reset/complete/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert user.email_verified_at is not None
    assert client.get(link).context["validlink"] is False


@pytest.mark.django_db
def test_a_bad_reset_link_shows_a_friendly_page(client, user):
    response = client.get("/en/accounts/password-reset/MQ/not-a-token/")

    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert 'href="/en/accounts/password-reset/"' in response.content.decode()


@pytest.mark.django_db
def test_she_can_change_her_password_when_signed_in(client, user):
    client.force_login(user)

    response = client.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response["Location"] == "/en/accounts/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_changing_the_password_needs_sign_in(client):
    response = client.get("/en/accounts/password/")

    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/password/"
