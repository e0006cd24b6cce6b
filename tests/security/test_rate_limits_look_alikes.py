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


def test_ten_wrong_passwords_across_spellings_hold_the_one_account(db):
    UserFactory(email="farangis@example.org", password=PASSWORD)
    robot = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(10):
        response = robot.post(LOGIN, {"username": SPELLINGS[n % len(SPELLINGS)], "password": f"guess{n}"})
        assert response.status_code == 200

    owner = Client(REMOTE_ADDR="198.51.100.4")
    response = owner.post(LOGIN, {"username": "farangis@example.org", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in owner.session
