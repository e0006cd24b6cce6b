"""The production posture as the settings give it: HTTPS only, cookies a script or another site
cannot use, a policy that lets images come from the media bucket or CDN; and the Wagtail
admin, left out of the Content-Security-Policy, keeping every other header."""

import json
import secrets

import pytest

from heritage.security import media_origins, permissions_policy_header
from tests.heritage.test_settings import PRODUCTION_ENV, manage

# Printed by `manage.py shell` under production settings: what the browser would be sent.
PROBE = """
import json
from django.conf import settings
from django.utils.csp import build_policy
names = [
    "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY", "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SAMESITE",
]
found = {name: getattr(settings, name) for name in names}
found["csp"] = build_policy(settings.SECURE_CSP)
found["middleware"] = settings.MIDDLEWARE
print(json.dumps(found))
"""


def production_settings(**env) -> dict:
    result = manage("shell", "--no-imports", "-c", PROBE, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production():
    return production_settings()


def test_production_sends_everyone_to_https_and_asks_browsers_to_remember_it(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_HSTS_PRELOAD"] is True


def test_production_cookies_travel_only_over_https_stay_away_from_scripts_and_other_sites(production):
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert production[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert production[f"{cookie}_COOKIE_HTTPONLY"] is True, cookie
        # Lax, not Strict: a buyer coming back from Stripe Checkout must keep her session.
        assert production[f"{cookie}_COOKIE_SAMESITE"] == "Lax", cookie


def test_production_keeps_the_policy_headers_and_frames_no_page(production):
    assert production["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert production["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert production["X_FRAME_OPTIONS"] == "DENY"
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in production["middleware"]
    assert "heritage.security.PermissionsPolicyMiddleware" in production["middleware"]
    assert "script-src 'self';" in production["csp"] + ";"
    assert "frame-ancestors 'none'" in production["csp"]
    assert "https://checkout.stripe.com" in production["csp"]


def test_images_may_come_from_the_cdn_and_the_bucket_when_media_live_in_one():
    found = production_settings(
        AWS_STORAGE_BUCKET_NAME="heritage-media",
        AWS_S3_ENDPOINT_URL="https://fra1.digitaloceanspaces.com",
        AWS_S3_CUSTOM_DOMAIN="media.tajikheritage.org",
        AWS_ACCESS_KEY_ID="AKIA" + secrets.token_hex(8),
        AWS_SECRET_ACCESS_KEY=secrets.token_urlsafe(30),
    )

    img_src = next(part for part in found["csp"].split("; ") if part.startswith("img-src "))
    assert "https://media.tajikheritage.org" in img_src.split()
    assert "https://heritage-media.fra1.digitaloceanspaces.com" in img_src.split()
    assert "script-src 'self';" in found["csp"] + ";", "media origins must never run scripts"


def test_media_origins_follow_the_buckets_addressing_style():
    path_style = media_origins(
        bucket_name="media", endpoint_url="http://127.0.0.1:9000", addressing_style="path"
    )
    virtual_aws = media_origins(bucket_name="media", region_name="eu-central-1", addressing_style="virtual")

    assert path_style == ["http://127.0.0.1:9000"]
    assert virtual_aws == ["https://media.s3.eu-central-1.amazonaws.com", "https://media.s3.amazonaws.com"]
    # Left on "auto", AWS buckets are named the virtual way: no other bucket's path is allowed.
    assert media_origins(bucket_name="media", region_name="eu-central-1") == virtual_aws
    assert media_origins(bucket_name="") == []


def test_permissions_policy_quotes_origins_and_leaves_self_bare():
    header = permissions_policy_header(
        {"camera": [], "fullscreen": ["self", "https://player.vimeo.com"], "autoplay": ["*"]}
    )

    assert header == 'camera=(), fullscreen=(self "https://player.vimeo.com"), autoplay=(*)'


@pytest.mark.django_db
def test_the_wagtail_admin_is_outside_the_csp_but_keeps_every_other_header(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_a_video_player_may_be_framed_and_play_full_screen_but_nothing_else_may(client):
    response = client.get("/en/accounts/login/")

    csp = response.headers["Content-Security-Policy"]
    frame_src = next(part for part in csp.split("; ") if part.startswith("frame-src "))
    assert frame_src.split()[1:] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert (
        'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
        in (response.headers["Permissions-Policy"])
    )
