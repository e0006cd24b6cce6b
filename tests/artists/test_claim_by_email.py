"""A profile an editor listed on an artist's behalf becomes hers when she signs up with the
address the editor recorded and confirms it."""

import pytest

from artists.models import ArtistProfile
from heritage.accounts.services import user_email_mark_verified
from tests.factories import ArtistFactory, UserFactory

pytestmark = pytest.mark.django_db


def listed(**kwargs):
    return ArtistFactory(user=None, consent_given_at="2026-11-01", consent_method="in_person", **kwargs)


def test_confirming_the_recorded_address_hands_her_the_profile():
    artist = listed(claim_email="Farangis@Example.org")
    user = UserFactory(email="farangis@example.org", email_verified_at=None)
    user_email_mark_verified(user=user)
    artist.refresh_from_db()
    assert artist.user == user


def test_an_unconfirmed_account_gets_nothing():
    artist = listed(claim_email="shabnam@example.org")
    UserFactory(email="shabnam@example.org", email_verified_at=None)
    artist.refresh_from_db()
    assert artist.user is None


def test_someone_with_a_profile_already_does_not_take_a_second():
    own = ArtistFactory(user__email_verified_at=None)
    other = listed(claim_email=own.user.email)
    user_email_mark_verified(user=own.user)
    other.refresh_from_db()
    assert other.user is None
    assert ArtistProfile.objects.get(user=own.user) == own


def test_a_profile_without_a_recorded_address_is_never_claimed_by_email():
    artist = listed()
    user_email_mark_verified(user=UserFactory(email="", email_verified_at=None))
    artist.refresh_from_db()
    assert artist.user is None
