"""Eight browsers holding her password confirm eight different setup keys at the same moment:
exactly one becomes her authenticator, and the other seven keys open nothing."""

from django.db import connection

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from heritage.accounts.two_factor import totp_setup_confirm, totp_setup_start
from tests.concurrency import at_once
from tests.factories import UserFactory
from tests.two_factor import totp_code

BROWSERS = 8

# SQLite's in-memory test database refuses a second writer at once instead of waiting, so the
# race runs for real only on PostgreSQL, the production and CI database.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent confirmations need PostgreSQL (DATABASE_URL)"
)


@pytest.mark.django_db(transaction=True)
def test_of_several_keys_confirmed_at_once_only_one_becomes_her_authenticator():
    user = UserFactory(is_superuser=True, is_staff=True)
    sessions = [{} for _ in range(BROWSERS)]
    codes = [totp_code(totp_setup_start(user, session)) for session in sessions]
    results, errors = at_once(BROWSERS, lambda i: totp_setup_confirm(user, sessions[i], codes[i]), timeout=60)
    confirmed = [device for device in results if device is not None]

    assert errors == []
    assert len(confirmed) == 1
    [device] = TOTPDevice.objects.filter(user=user)
    assert device.confirmed and device.key == confirmed[0].key
    assert all(not session for session in sessions)  # every browser forgot its key
