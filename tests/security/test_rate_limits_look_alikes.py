"""The sign-in counter belongs to the account, however its address is spelled: case, a long
`ſ` or a dotless `ı` do not give a robot a fresh counter each."""

from django.test import Client

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "suzani-Pomegranate-1985"
LOGIN = "/en/accounts/login/"
SPELLINGS = [
    "farangis@example.org",
    "FARANGIS@example.org",
    "farangiſ@example.org",
    "farangıs@example.org",
    "Farangıſ@Example.org",
]


def test_ten_wrong_passwords_across_spellings_slow_the_one_account(db):
    UserFactory(email="farangis@example.org", password=PASSWORD)
    for n in range(10):
        robot = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        response = robot.post(LOGIN, {"username": SPELLINGS[n % len(SPELLINGS)], "password": f"guess{n}"})
        assert response.status_code == 200

    stranger = Client(REMOTE_ADDR="198.51.100.4")
    response = stranger.post(LOGIN, {"username": "farangis@example.org", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in stranger.session


def test_one_robot_is_slowed_after_five_guesses_whatever_the_spelling(db):
    UserFactory(email="farangis@example.org", password=PASSWORD)
    robot = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(5):
        response = robot.post(LOGIN, {"username": SPELLINGS[n], "password": f"guess{n}"})
        assert response.status_code == 200

    response = robot.post(LOGIN, {"username": SPELLINGS[0], "password": "guess5"})

    assert response.status_code == 429
