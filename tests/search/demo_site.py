"""One demo seed for a whole test module (seeding takes about half a minute)."""

from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

import pytest


@pytest.fixture(scope="module")
def seeded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, written inside a transaction rolled back when the module ends, with its
    own media folder. Group the module's tests with `xdist_group` so one worker seeds once."""
    media = str(tmp_path_factory.mktemp("seeded-media"))
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_demo", quiet=True, stdout=StringIO(), stderr=StringIO())
            cache.clear()
            yield media
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()
