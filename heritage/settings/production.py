"""Production: every secret and host comes from the environment; HTTPS everywhere.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. See docs/operations.md for the rest.
"""

from django.core.exceptions import ImproperlyConfigured

from heritage.monitoring import admins_parse, sentry_init

from .base import *  # noqa: F403
from .base import DEFAULT_FROM_EMAIL, LOGGING, STORAGES, env, env_bool

DEBUG = False

if not env("SECRET_KEY") or len(env("SECRET_KEY")) < 50:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 50 characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
if not env("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL, e.g. postgres://user:password@db.internal:5432/heritage.")
if not env("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")
if env("STRIPE_SECRET_KEY") and not env("STRIPE_WEBHOOK_SECRET"):
    raise ImproperlyConfigured(
        "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: card orders could never be "
        "confirmed. Copy the signing secret (whsec_…) of the webhook endpoint /webhooks/stripe/ "
        "from the Stripe dashboard."
    )

# The page and layout caches are renewed by replacing a token in the cache; every worker
# must see the same token, so without a shared cache (REDIS_URL) they are off unless asked
# for (a single process may turn them on).
if not env("REDIS_URL"):
    PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0"))
    LAYOUT_CACHE_SECONDS = int(env("LAYOUT_CACHE_SECONDS", "0"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
# No script of ours reads the CSRF cookie: forms carry the token (so does the Wagtail admin).
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Media as base.py chose them (the filesystem, or the bucket when AWS_STORAGE_BUCKET_NAME is
# set); static files compressed with hashed names by WhiteNoise.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# Errors reach someone (heritage/monitoring.py): DJANGO_ADMINS="Name <a@example.org>,…" get an
# email for each server error and each email the task worker gave up on; SENTRY_DSN, when
# set, sends each error to Sentry as well (nothing is sent without it).
ADMINS = admins_parse(env("DJANGO_ADMINS"))
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
LOGGING["handlers"]["mail_admins"] = {"level": "ERROR", "class": "django.utils.log.AdminEmailHandler"}
LOGGING["loggers"]["django.request"]["handlers"] = ["console", "mail_admins"]
LOGGING["loggers"]["heritage.tasks"] = {"handlers": ["mail_admins"], "level": "WARNING"}
SENTRY_ENABLED = sentry_init(
    dsn=env("SENTRY_DSN"),
    environment=env("SENTRY_ENVIRONMENT", "production"),
    traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
)
