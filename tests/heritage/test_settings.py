"""Production settings pass Django's deployment checklist and refuse to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from heritage.settings.base import parse_email_url

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "heritage.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "tajikheritage.org,www.tajikheritage.org",
    "EMAIL_URL": "smtp://mailer:s3cret@mail.tajikheritage.org:587",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/heritage-deploy-check.sqlite3"),
}


# Variables of the test process itself that must not leak into the checked process.
CHILD_ENV_DROPPED = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, env):
    clean_env = {k: v for k, v in os.environ.items() if k not in CHILD_ENV_DROPPED}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "hint"),
    [
        ("SECRET_KEY", "Set SECRET_KEY"),
        ("ALLOWED_HOSTS", "Set ALLOWED_HOSTS"),
        ("DATABASE_URL", "Set DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_required_variables(missing, hint):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert hint in result.stderr


def test_production_refuses_a_development_mailer():
    env = {**PRODUCTION_ENV, "EMAIL_URL": "console://"}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "mail.E001" in result.stdout + result.stderr


def test_email_url_forms():
    smtp = parse_email_url("smtp://user%40site:p%3Ass@mail.example.org:2525")
    assert smtp["OPTIONS"]["host"] == "mail.example.org"
    assert smtp["OPTIONS"]["port"] == 2525
    assert smtp["OPTIONS"]["username"] == "user@site"
    assert smtp["OPTIONS"]["password"] == "p:ss"
    assert smtp["OPTIONS"]["use_tls"] is True
    assert parse_email_url("smtps://u:p@mail.example.org")["OPTIONS"]["use_ssl"] is True
    assert parse_email_url("console://")["BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ValueError, match="not supported"):
        parse_email_url("ftp://example.org")
