"""Shop fixtures: the fake Stripe server (see tests/fakes/stripe_server.py), and the shared
artists (see tests/fixtures.py)."""

from tests.fakes.stripe_server import fake_stripe
from tests.fixtures import artist, artist_client, other_artist

__all__ = ["artist", "artist_client", "fake_stripe", "other_artist"]
