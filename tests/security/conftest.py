"""The security catalogue's shared site: see `objects.world_build`. (The cache, where the
rate limits count, is emptied before every test by tests/conftest.py.)"""

import pytest

from .objects import world_build


@pytest.fixture
def world(db):
    return world_build()
