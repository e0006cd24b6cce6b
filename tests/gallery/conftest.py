"""Artists for the gallery tests: an approved artist signed in, and another one."""

from tests.fixtures import artist, artist_client, other_artist

__all__ = ["artist", "artist_client", "other_artist"]
