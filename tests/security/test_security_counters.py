"""The security counters live in their own store: a flood of page views cannot wipe them, and
when that store does not answer, sign-in stays open and says so in the log."""

import logging
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.core.cache import caches
from django.test import Client

import pytest
import redis

from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build

pytestmark = pytest.mark.django_db

PASSWORD = "suzani-Pomegranate-1985"
LOGIN = "/en/accounts/login/"
RESET = "/en/accounts/password-reset/"
CLOSED_PORT = "redis://127.0.0.1:1/0"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def nigina(db):
    return UserFactory(email="nigina@example.org", password=PASSWORD)


def sign_in(ip: str, password: str):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"username": "nigina@example.org", "password": password})


def test_a_flood_of_new_page_addresses_does_not_wipe_the_sign_in_counters(nigina, settings, monkeypatch):
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)  # the flood takes no time at all
    # A page cache that holds 40 entries fills as a larger one does, only sooner.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 40},
        },
    }
    settings.PAGE_CACHE_SECONDS = 300
    gallery_pages_build()
    for number in range(10):
        sign_in(f"203.0.113.{number + 1}", "guess")

    robot = Client(REMOTE_ADDR="192.0.2.50")
    for number in range(60):
        page = robot.get(f"/en/gallery/?page-flood={number}")
        assert page["X-Page-Cache"] == "miss"

    assert sign_in("198.51.100.4", "guess").status_code == 429


def test_the_counters_and_the_page_cache_are_different_stores(settings):
    assert "security" in settings.CACHES
    assert caches["security"] is not caches["default"]
    caches["default"].clear()
    caches["security"].set("probe", 1)
    caches["default"].clear()
    assert caches["security"].get("probe") == 1


def closed_store(settings):
    settings.CACHES = {
        **settings.CACHES,
        "security": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CLOSED_PORT,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }


def test_sign_in_stays_open_and_logs_an_error_when_the_counters_do_not_answer(nigina, settings, caplog):
    closed_store(settings)

    with caplog.at_level(logging.ERROR, logger="heritage.ratelimit"):
        for _ in range(12):
            assert sign_in("203.0.113.7", "guess").status_code == 200
        assert sign_in("203.0.113.7", PASSWORD).status_code == 302

    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors, "an unguarded sign-in must show in the error log"
    assert "security counters" in errors[0].getMessage().lower()


# Against Redis itself (CI runs it on 127.0.0.1:6379; these use database 12).

SECURITY_REDIS_URL = os.environ.get("TEST_SECURITY_REDIS_URL", "redis://127.0.0.1:6379/12")


def test_security_redis_url_gives_the_counters_their_own_redis_database():
    code = (
        "from django.core.cache import caches; store = caches['security']; "
        "store.set('probe-" + uuid.uuid4().hex + "', 'сомонӣ', 30); "
        "print(type(store).__name__, type(caches['default']).__name__, store._servers); "
    )
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "heritage.settings.dev",
        "SECURITY_REDIS_URL": SECURITY_REDIS_URL,
    }
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert f"RedisCache LocMemCache ['{SECURITY_REDIS_URL}']" in result.stdout


@pytest.fixture
def redis_counters(settings):
    """The security alias on Redis under a prefix of its own, removed afterwards."""
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "security": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": SECURITY_REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    client = redis.Redis.from_url(SECURITY_REDIS_URL)
    yield client, prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_on_redis_the_slowdown_holds_and_every_counter_expires_by_itself(nigina, redis_counters):
    client, prefix = redis_counters
    for number in range(10):
        sign_in(f"203.0.113.{number + 1}", "guess")
    for number in range(3):
        Client(REMOTE_ADDR=f"203.0.113.{number + 1}").post(RESET, {"email": nigina.email})

    refused = sign_in("198.51.100.4", PASSWORD)

    assert refused.status_code == 429
    keys = list(client.scan_iter(f"{prefix}:*"))
    assert len(keys) > 20
    # The store never evicts: a key without an expiry would stay there for ever.
    assert all(0 < client.ttl(key) <= 30 * 24 * 3600 for key in keys)
