"""Wrong passwords slow an account down, they never lock its owner out: others' guesses do
not hold her own device, a slowed person is told how long to wait or to reset her password,
and the emailed reset link always gets her in."""

import re
import time

from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "suzani-Pomegranate-1985"
LOGIN = "/en/accounts/login/"
RESET = "/en/accounts/password-reset/"
EMAIL = "nigina@example.org"


@pytest.fixture
def nigina(db):
    return UserFactory(email=EMAIL, password=PASSWORD)


@pytest.fixture
def clock(monkeypatch):
    """The counters' clock, moved forward by hand."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])

    def move(seconds):
        now[0] += seconds

    return move


def sign_in(client, password, email=EMAIL, url=LOGIN):
    return client.post(url, {"username": email, "password": password})


def guesses(count: int, start: int = 0):
    """`count` wrong passwords, each from a new address, a minute apart."""
    for number in range(start, start + count):
        sign_in(Client(REMOTE_ADDR=f"203.0.113.{number + 1}"), "guess")


def test_others_wrong_passwords_never_keep_her_out_of_her_own_device(nigina, clock):
    phone = Client(REMOTE_ADDR="198.51.100.4")
    assert sign_in(phone, PASSWORD).status_code == 302
    phone.logout()

    guesses(30)

    assert sign_in(phone, PASSWORD).status_code == 302


def test_others_wrong_passwords_never_keep_her_out_from_the_address_she_signs_in_from(nigina, clock):
    assert sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD).status_code == 302

    guesses(30)

    # The same place, a browser without our cookie (she cleared it).
    assert sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD).status_code == 302


def test_after_ten_failures_each_further_try_waits_longer_up_to_five_minutes(nigina, clock):
    guesses(10)
    waits = []
    for number in range(12):
        refused = sign_in(Client(REMOTE_ADDR=f"192.0.2.{number + 1}"), "guess")
        assert refused.status_code == 429
        wait = int(refused["Retry-After"])
        waits.append(wait)
        clock(wait)
        assert sign_in(Client(REMOTE_ADDR=f"192.0.2.{number + 1}"), "guess").status_code == 200

    assert waits[:4] == [2, 4, 8, 16]
    assert waits == sorted(waits)
    assert max(waits) == 300


def test_a_slowed_person_is_told_in_her_language_to_wait_or_reset(nigina, clock):
    guesses(10)

    refused = sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD, url="/ru/accounts/login/")

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 300
    text = refused.content.decode()
    assert re.search(r"через \d+ секунд", text)
    assert 'href="/ru/accounts/password-reset/"' in text


def test_a_slowed_person_gets_in_once_she_has_waited(nigina, clock):
    guesses(10)
    refused = sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD)

    clock(int(refused["Retry-After"]))

    assert sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD).status_code == 302


def test_one_address_guessing_one_account_is_slowed_by_its_own_failures(nigina, clock):
    robot = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert sign_in(robot, "guess").status_code == 200

    assert sign_in(robot, "guess").status_code == 429
    # Five failures from one place do not slow the account for anyone else.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.4"), PASSWORD).status_code == 302


# Resetting the password


@pytest.fixture
def reset_request(django_capture_on_commit_callbacks):
    """Ask for a reset link from address `ip` (or with `client`); the email goes out."""

    def request(ip: str, client=None):
        with django_capture_on_commit_callbacks(execute=True):
            return (client or Client(REMOTE_ADDR=ip)).post(RESET, {"email": EMAIL})

    return request


def test_a_flood_of_reset_requests_shows_every_sender_the_same_page_and_sends_five_emails(
    nigina, mailoutbox, clock, reset_request
):
    responses = [reset_request(f"203.0.113.{number + 1}") for number in range(20)]

    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {"/en/accounts/password-reset/sent/"}
    assert len(mailoutbox) == 5


def test_her_own_reset_request_is_sent_after_others_flooded_hers(nigina, mailoutbox, clock, reset_request):
    phone = Client(REMOTE_ADDR="198.51.100.4")
    sign_in(phone, PASSWORD)
    phone.logout()
    for number in range(20):
        reset_request(f"203.0.113.{number + 1}")
    sent = len(mailoutbox)

    reset_request("198.51.100.4", client=phone)

    assert len(mailoutbox) == sent + 1
    assert mailoutbox[-1].to == [EMAIL]


def test_a_link_sent_before_the_flood_still_lets_her_in(nigina, clock, reset_request):
    uid = urlsafe_base64_encode(force_bytes(nigina.pk))
    token = default_token_generator.make_token(nigina)
    guesses(30)
    for number in range(20):
        reset_request(f"203.0.113.{number + 1}")

    owner = Client(REMOTE_ADDR="198.51.100.4")
    form = owner.get(f"/en/accounts/password-reset/{uid}/{token}/")["Location"]
    done = owner.post(form, {"new_password1": "ikat-Silk-2024", "new_password2": "ikat-Silk-2024"})

    assert done.status_code == 302
    assert sign_in(Client(REMOTE_ADDR="192.0.2.200"), "ikat-Silk-2024").status_code == 302
