"""Production-like settings for the bench: `DEBUG=False`, WhiteNoise with compressed,
hashed static files, gunicorn on 127.0.0.1 over plain HTTP.

The bench never touches the development or production database: it uses its own SQLite
file (bench/bench.sqlite3) unless BENCH_DATABASE_URL names another (e.g. PostgreSQL), and
its own media folder. The production settings read these from the environment when they
are imported, so they are put there first.
"""

import os
import socket
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent

SQLITE_FILE = BENCH_DIR / "bench.sqlite3"

os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{SQLITE_FILE}"
os.environ["MEDIA_ROOT"] = os.environ.get("BENCH_MEDIA_ROOT") or str(BENCH_DIR / "media")
# Signs nothing that outlives a bench run.
os.environ["SECRET_KEY"] = os.environ.get("BENCH_SECRET_KEY") or "bench-only-not-a-secret-" + "k" * 40
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
# Plain HTTP on the loopback: no redirect to HTTPS, no HSTS.
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["SECURE_HSTS_SECONDS"] = "0"
# The cache production uses: Redis (a database of its own on the local server) when one
# answers, else each worker's local memory (nothing changes while the bench loads pages).
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")


def _redis_answers(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


if _redis_answers(BENCH_REDIS_URL):
    os.environ["REDIS_URL"] = BENCH_REDIS_URL
# Renditions are made by the bench before timing, not queued for a worker that never runs.
os.environ["RENDITIONS_AFTER_UPLOAD"] = "0"

from heritage.settings.production import *  # noqa: E402, F403
from heritage.settings.production import LOGGING  # noqa: E402

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = BENCH_DIR / "static-root"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_PRELOAD = False
SECURE_HSTS_INCLUDE_SUBDOMAINS = False

# The floor view answers with this many bytes of fixed HTML: the bench sets it to the size
# of the gallery page it has just measured.
BENCH_FLOOR_BYTES = int(os.environ.get("BENCH_FLOOR_BYTES", "40000"))

LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")}}
