"""Settings shared by every environment. Everything that differs between machines comes
from environment variables, with safe defaults for local development."""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.utils.csp import CSP

import dj_database_url

from heritage.security import media_origins

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "heritage",
    "artists",
    "gallery",
    "shop",
    "cms",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "heritage.security.AdminOutsideCSPMiddleware",
    "heritage.security.PermissionsPolicyMiddleware",
    "heritage.outage.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "heritage.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "heritage.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so everything above still sees the pages it serves from the cache.
    "heritage.page_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "heritage.urls"
WSGI_APPLICATION = "heritage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "shop.context_processors.cart",
            ],
        },
    },
]

# DATABASE_URL chooses the engine: SQLite by default, PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (dev server plus a task worker) wait instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "heritage.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "artists:studio"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English, Russian, Tajik — for the interface and for page content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("tg", "Тоҷикӣ"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Starting a translation in wagtail-localize makes a draft: the other language's page goes
# live only when an editor publishes it, never as a copy still in the source language.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Our catalogues first; then the Tajik country names django-countries lacks (locale/countries/generate.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "countries"]
TIME_ZONE = "Asia/Dushanbe"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Originals outside the published folder: PRIVATE_MEDIA_ROOT, by default "<MEDIA_ROOT>-private"
# (heritage.storage.private_media_root); only a permission-checked view serves them, handing
# the sending to nginx (X-Accel-Redirect to an `internal` location) when MEDIA_X_ACCEL_REDIRECT
# is on. docs/operations.md, "Media: originals are private".
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
MEDIA_X_ACCEL_REDIRECT = env_bool("MEDIA_X_ACCEL_REDIRECT", False)
MEDIA_X_ACCEL_PREFIX = env("MEDIA_X_ACCEL_PREFIX", "/_private_media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "heritage.storage.PrivateFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media in an S3-compatible bucket (AWS S3, Spaces, R2, MinIO) when one is named; static files
# stay with WhiteNoise. Originals private, renditions public: see heritage/storage.py and
# docs/operations.md ("Media bucket").
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    from heritage.storage import s3_storages

    STORAGES |= s3_storages(
        bucket_name=AWS_STORAGE_BUCKET_NAME,
        endpoint_url=env("AWS_S3_ENDPOINT_URL"),
        region_name=env("AWS_S3_REGION_NAME"),
        addressing_style=env("AWS_S3_ADDRESSING_STYLE"),
        custom_domain=env("AWS_S3_CUSTOM_DOMAIN"),
        access_key=env("AWS_ACCESS_KEY_ID"),
        secret_key=env("AWS_SECRET_ACCESS_KEY"),
        original_url_expire=int(env("AWS_ORIGINAL_URL_EXPIRE", "300")),
    )

# Security headers (docs/operations.md, "Security headers"). The Content-Security-Policy
# (Django's own) lets pages run only our own static scripts and styles: no inline code, and no
# nonces, because public pages come from a shared page cache where a per-response nonce
# would be wrong. JSON-LD <script type="application/ld+json"> is data, not script, to the
# browser. Images also come from the media bucket or CDN; frames only from the
# privacy-enhanced players the story video block starts (cms_tags.video_player_src). Forms
# post to us, and the checkout's redirect leads to Stripe Checkout, which browsers check
# against form-action too. The Wagtail admin and the tasks' screens of Django's admin
# (CSP_EXCLUDE_URL_PREFIXES) run inline scripts and styles of their own: they are left out of
# the policy and keep every other header.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"
CSP_EXCLUDE_URL_PREFIXES = ["/admin/", "/django-admin/"]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # data: for the empty placeholder of the lightbox, blob: for upload previews.
    "img-src": [
        CSP.SELF,
        "data:",
        "blob:",
        *media_origins(
            bucket_name=AWS_STORAGE_BUCKET_NAME,
            endpoint_url=env("AWS_S3_ENDPOINT_URL"),
            region_name=env("AWS_S3_REGION_NAME"),
            addressing_style=env("AWS_S3_ADDRESSING_STYLE"),
            custom_domain=env("AWS_S3_CUSTOM_DOMAIN"),
        ),
    ],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": VIDEO_PLAYER_ORIGINS,
    "form-action": [CSP.SELF, STRIPE_CHECKOUT_ORIGIN],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# Powerful browser features no page of ours uses are switched off for every page and frame;
# the video players keep what playing a video needs.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self", *VIDEO_PLAYER_ORIGINS],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": VIDEO_PLAYER_ORIGINS,
    "fullscreen": ["self", *VIDEO_PLAYER_ORIGINS],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": VIDEO_PLAYER_ORIGINS,
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Uploads of phone photos can be large: stream anything over 5 MB to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = "TajikHeritage"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "heritage.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "heritage.images.forms.CustomImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
# Pixel limits: editors (the Wagtail admin) up to 60 megapixels, artists (the studio) up to 40.
# What is stored is at most HERITAGE_IMAGE_MAX_SIDE on its long side, twice the largest
# rendition, so a JPEG is decoded at a reduced scale (heritage.images.sanitize).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env("IMAGE_MAX_PIXELS_STAFF", "60000000"))
HERITAGE_ARTIST_MAX_IMAGE_PIXELS = int(env("IMAGE_MAX_PIXELS_ARTIST", "40000000"))
HERITAGE_IMAGE_MAX_SIDE = int(env("IMAGE_MAX_SIDE", "4096"))
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"heic": "jpeg", "avif": "avif", "webp": "webp"}
# Make the renditions the site shows in a background task after each upload, so page
# views never wait for them (heritage.images.renditions lists them).
HERITAGE_RENDITIONS_AFTER_UPLOAD = env_bool("RENDITIONS_AFTER_UPLOAD", True)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "heritage.search"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
# Every document download passes through Wagtail's view and its `before_serve_document` hooks
# (private documents need two-step sign-in: heritage/accounts/documents.py); "redirect" would
# hand out an S3 link that works for anyone for an hour, "direct" would skip the check.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = True

# Background work: Django's Tasks API. A database-backed worker by default
# (`manage.py db_worker`); development and tests run tasks immediately.
# Stripe: card payments through Checkout, transfers to artists with a Connect account.
# STRIPE_API_BASE points the client at another host (the fake Stripe of the test suite).
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env("STRIPE_API_BASE")
# Card payments are offered only when Stripe is configured.
STRIPE_ENABLED = bool(STRIPE_SECRET_KEY)

# Every reservation ends: a cash-on-delivery order lapses unless its artist posts the parcel
# within these days. Unpaid orders hold works off sale, so one buyer (email) and one client
# address may hold only this many at once.
SHOP_CASH_CONFIRM_DAYS = int(env("SHOP_CASH_CONFIRM_DAYS", "3"))
SHOP_UNPAID_ORDERS_PER_EMAIL = int(env("SHOP_UNPAID_ORDERS_PER_EMAIL", "3"))
SHOP_UNPAID_ORDERS_PER_ADDRESS = int(env("SHOP_UNPAID_ORDERS_PER_ADDRESS", "5"))
# A buyer may ask to return a delivered order for this many days after delivery.
SHOP_RETURN_DAYS = int(env("SHOP_RETURN_DAYS", "14"))
# Receipts are PDF files set in a TrueType font with Cyrillic and Tajik letters (Debian's
# fonts-dejavu-core puts DejaVu Sans here).
SHOP_RECEIPT_FONT_DIR = env("SHOP_RECEIPT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Anonymous visitors' copies of public pages, and the shared layout's pieces, are kept this
# long at most (any change to public content renews them at once: heritage/caching.py).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
LAYOUT_CACHE_SECONDS = int(env("LAYOUT_CACHE_SECONDS", "3600"))
# A search's answer (the ids of the works found) is kept at most this long, and never longer
# than the layout's pieces; 0 searches afresh for every request (the bench measures so).
SEARCH_CACHE_SECONDS = int(env("SEARCH_CACHE_SECONDS", "3600"))

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rate limits and sign-in slowdown (heritage/ratelimit.py, heritage/slowdown.py), never in
    # the same store as the page cache, so page traffic cannot evict them: a Redis database of
    # its own configured `maxmemory-policy noeviction` (docs/operations.md, "Security
    # counters"). Short timeouts, because the forms go on without it (fail open) rather than wait.
    "security": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("SECURITY_REDIS_URL"),
            "KEY_PREFIX": "security",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if env("SECURITY_REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "security",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    ),
}
# Everyone who may open the admin confirms a code from an authenticator app, or a recovery
# code (heritage/accounts/two_factor.py); this names the site in their app.
OTP_TOTP_ISSUER = "TajikHeritage"
# Rate limits on sign-in, sign-up and the public forms (heritage/ratelimit.py) count per client
# address: behind a reverse proxy, say how many proxies append to X-Forwarded-For.
RATE_LIMITS_ENABLED = env_bool("RATE_LIMITS_ENABLED", True)
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))


def parse_email_url(url: str) -> dict:
    """EMAIL_URL -> a MAILERS entry: console://, smtp://user:pass@host:587, smtps://… (SSL)."""
    parts = urlsplit(url)
    if parts.scheme in {"", "console"}:
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ValueError(f"EMAIL_URL scheme {parts.scheme!r} is not supported: use smtp, smtps or console.")
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if parts.scheme == "smtps" else 587),
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_ssl": parts.scheme == "smtps",
            "use_tls": parts.scheme == "smtp" and parts.port != 25,
            "timeout": 10,
        },
    }


MAILERS = {"default": parse_email_url(env("EMAIL_URL", "console://"))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "TajikHeritage <hello@tajikheritage.org>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # One line per task run is noise; failures are still logged at ERROR.
        "django.tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": env("TASKS_LOG_LEVEL", "WARNING")},
    },
}
