"""Shared fixtures: an approved artist signed in, and another one. A test folder takes them
in its conftest.py (`from tests.fixtures import artist, artist_client, other_artist`)."""

import pytest

from tests.factories import ArtistFactory


@pytest.fixture
def artist(db):
    """An approved artist with her own account, writing in English."""
    return ArtistFactory(display_name="Zarina Karimova", user__language="en")


@pytest.fixture
def other_artist(db):
    """A second approved artist, whose works the first must never reach."""
    return ArtistFactory(display_name="Nigora Sharipova")


@pytest.fixture
def artist_client(client, artist):
    """The test client, signed in as `artist`."""
    client.force_login(artist.user)
    return client
