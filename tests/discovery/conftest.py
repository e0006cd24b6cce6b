"""Discovery: followed artists and saved searches, the weekly digest and one-click unsubscribe.

`pending_translations` puts this work's Russian and Tajik strings (locale/pending/ws_disc.json)
into the loaded catalogues where the compiled ones do not have them yet, so the language tests
read the words a Russian or Tajik buyer will read once the catalogues are filled."""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import trans_real

import pytest

from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build

PENDING = Path(settings.BASE_DIR) / "locale" / "pending" / "ws_disc.json"


@pytest.fixture
def pending_translations():
    strings = json.loads(PENDING.read_text(encoding="utf-8"))
    added = []
    for language in ("ru", "tg"):
        catalog = trans_real.translation(language)._catalog
        for msgid, entry in strings.items():
            if "plural" in entry:
                for index, text in enumerate(entry[language]):
                    if (msgid, index) not in catalog:
                        catalog[(msgid, index)] = text
                        added.append((catalog, (msgid, index)))
            elif msgid not in catalog:
                catalog[msgid] = entry[language]
                added.append((catalog, msgid))
    yield
    for catalog, key in added:
        for part in catalog._catalogs:
            part.pop(key, None)


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
