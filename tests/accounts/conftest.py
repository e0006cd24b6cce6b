import re

from django.core import mail

import pytest

from tests.factories import UserFactory

PASSWORD = "suzani-Pomegranate-1985"
LINK = re.compile(r"http://testserver(/\w\w/accounts/\S+/)")


@pytest.fixture
def user(db):
    return UserFactory(email="nigina@example.org", password=PASSWORD, language="en")


@pytest.fixture
def post_committed(client, django_capture_on_commit_callbacks):
    """POST with the client and run what the view deferred to commit (emails)."""

    def post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return post


def link_in(message) -> str:
    """The path of the one link on our site in an email's body."""
    paths = LINK.findall(message.body)
    assert len(paths) == 1, message.body
    return paths[0]


def last_email():
    assert mail.outbox, "no email was sent"
    return mail.outbox[-1]
