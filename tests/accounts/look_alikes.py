"""Shared by the tests of look-alike addresses."""

from django.contrib.auth import get_user_model

from artists.models import ArtistProfile
from tests.accounts.conftest import PASSWORD
from tests.factories import ArtistFactory, UserFactory


def signup_data(email, **overrides):
    return {"email": email, "password1": PASSWORD, "password2": PASSWORD, "language": "en", **overrides}


def listed(claim_email: str) -> ArtistProfile:
    return ArtistFactory(
        user=None, consent_given_at="2026-11-01", consent_method="in_person", claim_email=claim_email
    )


def look_alike_account(email: str, **kwargs):
    """An account that holds a look-alike address, as one made before addresses were checked."""
    user = UserFactory(email="placeholder@example.net", **kwargs)
    get_user_model().objects.filter(pk=user.pk).update(email=email)
    user.refresh_from_db()
    return user
