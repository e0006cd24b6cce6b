"""Discovery: followed artists and saved searches, the weekly digest and one-click unsubscribe."""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation

import pytest

from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build

PENDING = Path(settings.BASE_DIR) / "locale" / "pending" / "ws_disc.json"


@pytest.fixture
def site(db):
    """The three-language site with the gallery at /<lang>/gallery/ and artists at /<lang>/artists/."""
    return gallery_pages_build()


@pytest.fixture
def buyer(db):
    return UserFactory(email="madina@example.org", language="en")


@pytest.fixture
def buyer_client(client, buyer):
    client.force_login(buyer)
    return client


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield
