"""Fault fixtures: the fake Stripe server (see tests/fakes/stripe_server.py)."""

from tests.fakes.stripe_server import fake_stripe

__all__ = ["fake_stripe"]
