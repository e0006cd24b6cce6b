"""Errors reach someone: the admins named in DJANGO_ADMINS are emailed about server errors and
given-up emails, and Sentry hears of them only when SENTRY_DSN is set."""

import json
import logging
import smtplib
from unittest import mock

import pytest

from heritage import monitoring
from heritage.tasks import email_deliver
from tests.heritage.test_settings import PRODUCTION_ENV, manage

PROBE = """
import json, logging, sentry_sdk
from django.conf import settings
handlers = {name: [type(h).__name__ for h in logging.getLogger(name).handlers]
            for name in ("django.request", "heritage.tasks")}
print(json.dumps({
    "ADMINS": settings.ADMINS, "SERVER_EMAIL": settings.SERVER_EMAIL,
    "SENTRY_ENABLED": settings.SENTRY_ENABLED, "sentry_active": sentry_sdk.get_client().is_active(),
    "handlers": handlers,
}))
"""


def production_probe(**env) -> dict:
    result = manage("shell", "--no-imports", "-c", PROBE, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_admins_come_from_the_environment_with_or_without_names():
    admins = monitoring.admins_parse("Zarina Karimova <zarina@example.org>, ops@example.org")

    assert admins == ["Zarina Karimova <zarina@example.org>", "ops@example.org"]
    assert monitoring.admins_parse("") == []
    with pytest.raises(ValueError, match="not an email address"):
        monitoring.admins_parse("Zarina Karimova")


def test_without_a_dsn_sentry_is_never_started():
    with mock.patch.object(monitoring.sentry_sdk, "init") as init:
        assert monitoring.sentry_init(dsn="") is False

    init.assert_not_called()


def test_with_a_dsn_sentry_starts_without_personal_data():
    with mock.patch.object(monitoring.sentry_sdk, "init") as init:
        started = monitoring.sentry_init(dsn="https://key@o1.ingest.example.org/1", environment="staging")

    assert started is True

    (kwargs,) = [call.kwargs for call in init.call_args_list]
    assert kwargs["dsn"] == "https://key@o1.ingest.example.org/1"
    assert kwargs["environment"] == "staging"
    assert kwargs["send_default_pii"] is False


def test_production_mails_the_admins_about_errors_and_leaves_sentry_off_without_a_dsn():
    found = production_probe(
        DJANGO_ADMINS="Zarina Karimova <zarina@example.org>,ops@example.org",
        SERVER_EMAIL="errors@tajikheritage.org",
    )

    assert found["ADMINS"] == ["Zarina Karimova <zarina@example.org>", "ops@example.org"]
    assert found["SERVER_EMAIL"] == "errors@tajikheritage.org"
    assert "AdminEmailHandler" in found["handlers"]["django.request"]
    assert "AdminEmailHandler" in found["handlers"]["heritage.tasks"]
    assert found["SENTRY_ENABLED"] is False
    assert found["sentry_active"] is False


def test_production_starts_sentry_when_given_a_dsn():
    # Port 9 (discard): should anything be sent, it goes nowhere.
    found = production_probe(SENTRY_DSN="http://key@127.0.0.1:9/1")

    assert found["SENTRY_ENABLED"] is True
    assert found["sentry_active"] is True


def test_an_email_given_up_on_is_logged_as_an_error_for_the_admins(caplog, settings):
    """The AdminEmailHandler listens for errors on `heritage.tasks` (production settings)."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 5},
        }
    }
    mail_server_down = pytest.raises((smtplib.SMTPException, OSError))
    with caplog.at_level(logging.ERROR, logger="heritage.tasks"), mail_server_down:
        email_deliver.call(subject="Hello", body="Hi", from_email="a@example.org", to=["b@example.org"])

    assert [record.name for record in caplog.records if record.levelno == logging.ERROR] == ["heritage.tasks"]
