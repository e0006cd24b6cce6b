from wagtail.models import Locale

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder, so parallel workers never collide."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def locales(db):
    """The three content languages, as Wagtail locales."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru", "tg")}


def pytest_terminal_summary(terminalreporter):
    """Say plainly whether the browser journeys ran, and in which browser and database."""
    e2e = [r for r in terminalreporter.stats.get("passed", []) if "tests/e2e/" in r.nodeid]
    failed = [r for r in terminalreporter.stats.get("failed", []) if "tests/e2e/" in r.nodeid]
    if e2e or failed:
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        terminalreporter.write_line(
            f"Chromium browser journeys: {len(e2e)} passed, {len(failed)} failed (database: {engine})"
        )
