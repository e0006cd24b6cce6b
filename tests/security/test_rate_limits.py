"""Robots guessing passwords or flooding the public forms get a friendly 429 page and a
Retry-After header; a hold always ends by itself, and a password reset ends it at once.
(How wrong passwords slow an account down: test_sign_in_slowdown.py.)"""

import re
import time

from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from artists.models import ArtistProfile
from cms.models import EventRegistration
from heritage import ratelimit
from shop.models import Inquiry
from tests.cms.events_fixtures import event_make, index_make
from tests.factories import ArtistFactory, UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db

PASSWORD = "suzani-Pomegranate-1985"
LOGIN = "/en/accounts/login/"


@pytest.fixture
def nigina(db):
    return UserFactory(email="nigina@example.org", password=PASSWORD)


def visitor(ip: str = "203.0.113.7", **extra) -> Client:
    """A browser at address `ip`."""
    return Client(REMOTE_ADDR=ip, **extra)


def sign_in(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def assert_refused(response, minutes: int):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= minutes * 60
    text = response.content.decode()
    assert "Too many attempts" in text
    assert re.search(r"try again in \d+ minutes?", text)


def later(monkeypatch, seconds: int):
    """Move the rate limits' clock `seconds` ahead."""
    now = time.time()
    monkeypatch.setattr(ratelimit.time, "time", lambda: now + seconds)


# Signing in


def test_ten_wrong_passwords_slow_the_account_down_for_seconds_not_minutes(nigina):
    for number in range(10):
        assert sign_in(visitor(f"203.0.113.{number + 1}"), "nigina@example.org", "guess").status_code == 200

    robot = visitor("192.0.2.9")
    refused = sign_in(robot, "nigina@example.org", PASSWORD)

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 5 * 60
    assert "_auth_user_id" not in robot.session
    # From another address too, however the address is typed: the count belongs to the account.
    other = sign_in(visitor("198.51.100.4"), "Nigina@Example.org", PASSWORD)
    assert other.status_code == 429
    assert int(other["Retry-After"]) <= 2


def test_the_hold_on_an_account_ends_by_itself(nigina, monkeypatch):
    robot = visitor()
    for _ in range(10):
        sign_in(robot, "nigina@example.org", "guess")

    later(monkeypatch, 15 * 60 + 1)
    response = sign_in(visitor("198.51.100.4"), "nigina@example.org", PASSWORD)

    assert response.status_code == 302


def test_a_password_reset_lets_her_in_at_once_after_someone_else_guessed(nigina):
    for _ in range(10):
        sign_in(visitor(), "nigina@example.org", "guess")
    owner = visitor("198.51.100.4")
    uid = urlsafe_base64_encode(force_bytes(nigina.pk))
    token = default_token_generator.make_token(nigina)

    link = owner.get(f"/en/accounts/password-reset/{uid}/{token}/")
    owner.post(link["Location"], {"new_password1": "ikat-Silk-2024", "new_password2": "ikat-Silk-2024"})

    assert sign_in(owner, "nigina@example.org", "ikat-Silk-2024").status_code == 302


def test_her_own_successful_sign_ins_never_hold_her_account(nigina):
    for _ in range(12):
        browser = visitor()
        assert sign_in(browser, "nigina@example.org", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_held_but_others_are_not():
    robot = visitor()
    for number in range(30):
        sign_in(robot, f"person{number}@example.org", "guess")

    assert_refused(sign_in(robot, "another@example.org", "guess"), minutes=15)
    assert sign_in(visitor("198.51.100.4"), "another@example.org", "guess").status_code == 200


def test_the_admin_sign_in_counts_wrong_passwords_too(nigina):
    robot = visitor()
    for _ in range(10):
        robot.post("/admin/login/", {"username": "nigina@example.org", "password": "guess"})

    assert (
        robot.post("/admin/login/", {"username": "nigina@example.org", "password": PASSWORD}).status_code
        == 429
    )


def test_a_password_reset_from_the_admin_also_ends_the_hold(nigina):
    for _ in range(10):
        visitor().post("/admin/login/", {"username": "nigina@example.org", "password": "guess"})
    owner = visitor("198.51.100.4")
    uid = urlsafe_base64_encode(force_bytes(nigina.pk))
    token = default_token_generator.make_token(nigina)

    form = owner.get(f"/admin/password_reset/confirm/{uid}/{token}/")["Location"]
    owner.post(form, {"new_password1": "ikat-Silk-2024", "new_password2": "ikat-Silk-2024"})

    assert (
        owner.post("/admin/login/", {"username": nigina.email, "password": "ikat-Silk-2024"}).status_code
        == 302
    )


# Signing up and resetting passwords


def test_one_address_may_open_ten_accounts_an_hour():
    robot = visitor()
    for number in range(10):
        response = robot.post(
            "/en/accounts/signup/",
            {
                "email": f"new{number}@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "language": "en",
            },
        )
        assert response.status_code == 302
        robot.logout()

    refused = robot.post("/en/accounts/signup/", {"email": "new10@example.org", "password1": PASSWORD})

    assert_refused(refused, minutes=60)


def test_a_flood_of_reset_requests_for_one_address_sends_five_emails_and_shows_no_refusal(
    nigina, mailoutbox, django_capture_on_commit_callbacks
):
    statuses = []
    for number in range(7):
        with django_capture_on_commit_callbacks(execute=True):
            response = visitor(f"203.0.113.{number + 1}").post(
                "/en/accounts/password-reset/", {"email": "nigina@example.org"}
            )
        statuses.append(response.status_code)

    assert statuses == [302] * 7
    assert len(mailoutbox) == 5


def test_the_admin_password_reset_is_limited_like_the_sites(nigina, mailoutbox):
    statuses = [
        visitor(f"203.0.113.{number + 1}")
        .post("/admin/password_reset/", {"email": "nigina@example.org"})
        .status_code
        for number in range(6)
    ]

    assert statuses == [302] * 6
    assert len(mailoutbox) == 5


# The public forms


@pytest.fixture
def work(db):
    gallery_pages_build()
    return work_make(artist_make(display_name="Zarina", slug="zarina"), slug="garden", title="Garden")


def test_the_eleventh_message_to_artists_in_an_hour_is_refused_and_given_back(work):
    robot = visitor()
    data = {"name": "Dilnoza", "email": "dilnoza@example.org", "kind": "question"}
    for number in range(10):
        robot.post(f"/en/shop/ask/{work.pk}/", {**data, "body": f"Question {number}"})

    refused = robot.post(f"/en/shop/ask/{work.pk}/", {**data, "body": "Is the <b>blue</b> one still free?"})

    assert_refused(refused, minutes=60)
    assert Inquiry.objects.count() == 10
    # What she wrote is on the page to copy, as text.
    assert "Is the &lt;b&gt;blue&lt;/b&gt; one still free?" in refused.content.decode()


def test_one_email_registering_for_events_from_many_addresses_is_held(db):
    index = index_make()
    events = [event_make(index["en"], days=day + 1, slug=f"event-{day}") for day in range(11)]
    for number, event in enumerate(events[:10]):
        visitor(f"203.0.113.{number + 1}").post(
            event.url, {"registration-name": "Zarina", "registration-email": "zarina@example.org"}
        )

    refused = visitor("198.51.100.4").post(
        events[10].url, {"registration-name": "Zarina", "registration-email": "Zarina@example.org"}
    )

    assert_refused(refused, minutes=60)
    assert EventRegistration.objects.count() == 10


def test_a_signed_in_buyer_may_start_ten_checkouts_in_ten_minutes(db):
    buyer = UserFactory()
    browser = visitor()
    browser.force_login(buyer)
    for _ in range(10):
        assert browser.post("/en/shop/checkout/", {"email": buyer.email}).status_code == 303

    assert_refused(browser.post("/en/shop/checkout/", {"email": buyer.email}), minutes=10)


def test_five_wrong_claim_codes_hold_her_claims_for_fifteen_minutes(db):
    listed = ArtistFactory(user=None, display_name="Bibi Sadbarg")
    newcomer = UserFactory()
    browser = visitor()
    browser.force_login(newcomer)
    for _ in range(5):
        assert browser.post("/en/studio/claim/", {"code": "ABCD-2345"}).status_code == 200

    assert_refused(browser.post("/en/studio/claim/", {"code": "ABCD-2346"}), minutes=15)
    listed.refresh_from_db()
    assert listed.user is None
    assert ArtistProfile.objects.filter(user=newcomer).count() == 0


def test_a_page_view_is_never_counted(nigina):
    robot = visitor()
    for _ in range(40):
        assert robot.get(LOGIN).status_code == 200


# Who counts as one visitor


def test_a_forged_forwarded_for_header_does_not_escape_the_limit_without_a_proxy():
    for number in range(30):
        sign_in(visitor(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}"), f"p{number}@example.org", "guess")

    refused = sign_in(visitor(HTTP_X_FORWARDED_FOR="192.0.2.200"), "other@example.org", "guess")

    assert refused.status_code == 429


def test_behind_a_trusted_proxy_each_visitor_is_counted_apart(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for number in range(30):
        sign_in(visitor(proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.1"), f"p{number}@example.org", "guess")

    held = sign_in(visitor(proxy, HTTP_X_FORWARDED_FOR="192.0.2.1"), "x@example.org", "guess")
    other = sign_in(visitor(proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.2"), "x@example.org", "guess")

    assert held.status_code == 429
    assert other.status_code == 200


def test_an_ipv6_household_counts_as_one_visitor():
    for number in range(30):
        sign_in(visitor(f"2001:db8:1:2::{number + 1:x}"), f"p{number}@example.org", "guess")

    assert sign_in(visitor("2001:db8:1:2:ffff::1"), "x@example.org", "guess").status_code == 429
    assert sign_in(visitor("2001:db8:1:3::1"), "x@example.org", "guess").status_code == 200
