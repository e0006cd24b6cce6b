import pytest

from tests.accounts.conftest import last_email


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_the_account_page_needs_sign_in(client, language):
    response = client.get(f"/{language}/accounts/")

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/login/?next=/{language}/accounts/"


@pytest.mark.django_db
def test_the_account_page_shows_her_address_and_offers_a_new_link(client, user):
    client.force_login(user)

    html = client.get("/en/accounts/").content.decode()

    assert user.email in html
    assert "Not confirmed yet" in html
    assert 'action="/en/accounts/verify/resend/"' in html
    assert 'href="/en/accounts/password/"' in html
    assert 'action="/en/accounts/logout/"' in html


@pytest.mark.django_db
def test_a_confirmed_address_is_shown_as_confirmed(client, user):
    from django.utils import timezone

    user.email_verified_at = timezone.now()
    user.save()
    client.force_login(user)

    html = client.get("/en/accounts/").content.decode()

    assert "Confirmed" in html
    assert "verify/resend" not in html


@pytest.mark.django_db
def test_she_chooses_the_language_of_our_emails(client, post_committed, user, mailoutbox):
    client.force_login(user)

    response = post_committed("/en/accounts/", {"language": "tg"})

    assert response["Location"] == "/en/accounts/"
    user.refresh_from_db()
    assert user.language == "tg"
    post_committed("/en/accounts/verify/resend/")
    assert "/tg/accounts/verify/" in last_email().body


@pytest.mark.django_db
def test_an_unknown_language_is_refused(client, user):
    client.force_login(user)

    response = client.post("/en/accounts/", {"language": "fr"})

    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    user.refresh_from_db()
    assert user.language == "en"
