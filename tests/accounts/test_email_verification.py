import time
from unittest import mock

from django.core import signing

import pytest

from heritage.accounts.tokens import (
    VerificationStatus,
    email_verification_token_check,
    email_verification_token_make,
)
from heritage.models import User
from tests.accounts.conftest import PASSWORD, link_in
from tests.factories import UserFactory

THREE_DAYS = 3 * 24 * 60 * 60


def verify_url(token, language="en"):
    return f"/{language}/accounts/verify/{token}/"


def made_ago(user, seconds):
    with mock.patch("time.time", return_value=time.time() - seconds):
        return email_verification_token_make(user)


@pytest.mark.django_db
def test_the_link_in_the_signup_email_confirms_her_address(client, post_committed, mailoutbox):
    post_committed(
        "/tg/accounts/signup/",
        {"email": "zarina@example.org", "password1": PASSWORD, "password2": PASSWORD, "language": "tg"},
    )
    client.logout()  # She opens the link in her phone's mail app, where she is not signed in.

    response = client.get(link_in(mailoutbox[0]))

    assert response.status_code == 200
    assert response.context["status"] == VerificationStatus.VALID
    assert User.objects.get().email_verified_at is not None


@pytest.mark.django_db
def test_a_link_works_once(client, user):
    token = email_verification_token_make(user)
    client.get(verify_url(token))
    user.refresh_from_db()
    verified_at = user.email_verified_at

    response = client.get(verify_url(token))

    assert response.context["status"] == VerificationStatus.USED
    user.refresh_from_db()
    assert user.email_verified_at == verified_at


@pytest.mark.django_db
def test_a_used_link_cannot_confirm_a_different_address(client, user):
    token = email_verification_token_make(user)
    client.get(verify_url(token))
    user.refresh_from_db()
    user.email = "new-address@example.org"
    user.email_verified_at = None
    user.save()

    response = client.get(verify_url(token))

    assert response.context["status"] == VerificationStatus.INVALID
    user.refresh_from_db()
    assert user.email_verified_at is None


@pytest.mark.django_db
def test_a_tampered_link_does_not_confirm(client, user):
    other = UserFactory()
    token = email_verification_token_make(user)
    pk, rest = token.split(":", 1)
    forged = f"{other.pk}:{rest}"

    for bad in (forged, token[:-2] + "xx", "nonsense", f"{pk}:abc:def"):
        response = client.get(verify_url(bad))
        assert response.status_code == 200
        assert response.context["status"] == VerificationStatus.INVALID
    for person in (user, other):
        person.refresh_from_db()
        assert person.email_verified_at is None


@pytest.mark.django_db
def test_a_link_signed_with_another_key_does_not_confirm(client, user):
    value = email_verification_token_make(user).rsplit(":", 2)[0]
    foreign = signing.TimestampSigner(key="another-key", salt="heritage.accounts.verify-email").sign(value)

    response = client.get(verify_url(foreign))

    assert response.context["status"] == VerificationStatus.INVALID


@pytest.mark.django_db
def test_a_link_older_than_three_days_has_expired(client, user):
    fresh = made_ago(user, THREE_DAYS - 60)
    stale = made_ago(user, THREE_DAYS + 60)

    assert email_verification_token_check(fresh).status == VerificationStatus.VALID
    response = client.get(verify_url(stale))

    assert response.context["status"] == VerificationStatus.EXPIRED
    user.refresh_from_db()
    assert user.email_verified_at is None
    html = response.content.decode()
    assert 'action="/en/accounts/verify/resend/"' in html
    assert f'name="token" value="{stale}"' in html


@pytest.mark.django_db
def test_an_expired_link_can_ask_for_a_new_one_without_signing_in(client, post_committed, user, mailoutbox):
    user.language = "ru"
    user.save()
    stale = made_ago(user, THREE_DAYS + 60)

    response = post_committed("/en/accounts/verify/resend/", {"token": stale})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/check-email/"
    (message,) = mailoutbox
    assert message.to == [user.email]
    new_link = link_in(message)
    assert new_link.startswith("/ru/accounts/verify/")
    assert client.get(new_link).context["status"] == VerificationStatus.VALID


@pytest.mark.django_db
def test_a_forged_token_cannot_ask_for_a_new_link(client, post_committed, mailoutbox):
    response = post_committed("/en/accounts/verify/resend/", {"token": "1:abc:def:ghi"})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not mailoutbox


@pytest.mark.django_db
def test_resend_sends_a_fresh_link_to_her_when_signed_in(client, post_committed, user, mailoutbox):
    client.force_login(user)

    response = post_committed("/en/accounts/verify/resend/")

    assert response["Location"] == "/en/accounts/check-email/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]


@pytest.mark.django_db
def test_resend_is_limited_to_once_a_minute(client, post_committed, user, mailoutbox):
    client.force_login(user)

    post_committed("/en/accounts/verify/resend/")
    response = post_committed("/en/accounts/verify/resend/", follow=True)

    assert len(mailoutbox) == 1
    assert "less than a minute ago" in response.content.decode()


@pytest.mark.django_db
def test_resend_does_nothing_once_she_is_confirmed(client, post_committed, user, mailoutbox):
    client.get(verify_url(email_verification_token_make(user)))
    client.force_login(user)

    response = post_committed("/en/accounts/verify/resend/", follow=True)

    assert not mailoutbox
    assert "already confirmed" in response.content.decode()


@pytest.mark.django_db
def test_resend_takes_only_post(client, user):
    client.force_login(user)

    assert client.get("/en/accounts/verify/resend/").status_code == 405


@pytest.mark.django_db
def test_resend_asks_strangers_to_sign_in(post_committed, mailoutbox):
    response = post_committed("/en/accounts/verify/resend/")

    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/"
    assert not mailoutbox
