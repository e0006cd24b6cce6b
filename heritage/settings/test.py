"""Tests: fast hashing, in-memory cache and email, tasks run immediately."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import TASKS

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The security counters in a store of their own, as in production (base.py).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "security": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "security"},
}
# Tests see pages as rendered; the page cache's own tests and the browser journeys turn it on.
PAGE_CACHE_SECONDS = 0
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS["default"]["BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix=f"heritage-test-media-{os.getpid()}-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "heritage.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The live server of browser tests serves static files from the finders itself.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# Tasks run inline in tests; only the tests about it switch background renditions on.
HERITAGE_RENDITIONS_AFTER_UPLOAD = False
# Card payments go to the fake Stripe server the shop tests start (tests/fakes/).
STRIPE_SECRET_KEY = "sk_test_heritage"  # noqa: S105
STRIPE_WEBHOOK_SECRET = "whsec_test_heritage"  # noqa: S105
STRIPE_API_BASE = "http://127.0.0.1:9"  # replaced by the fake_stripe fixture
STRIPE_ENABLED = True
