"""REDIS_URL switches the cache to Redis (CI runs Redis on 127.0.0.1:6379)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_redis_url_gives_a_working_shared_cache():
    key = f"heritage-test-{uuid.uuid4().hex}"
    code = (
        "from django.core.cache import caches; cache = caches['default']; "
        f"cache.set('{key}', 'сомонӣ', 30); "
        "print(type(cache).__name__, cache.get('" + key + "')); "
        f"cache.delete('{key}')"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "heritage.settings.dev",
        "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "RedisCache сомонӣ" in result.stdout
