from importlib import import_module

from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from wagtail.models import Locale

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder, so parallel workers never collide."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached page and no security counter left by the last."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request under /ru/ leaves Russian active in this thread; each test starts in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# Rows our data migrations create. A transactional test (browser journeys) empties every
# table when it ends, so tests after it on the same worker would find no disciplines or media.
TAXONOMY_MIGRATIONS = (
    "artists.migrations.0002_disciplines",
    "gallery.migrations.0002_media",
    "shop.migrations.0002_shipping_profiles",
    "gallery.migrations.0005_search_terms_first_list",
)


@pytest.fixture(autouse=True)
def _taxonomy(request):
    uses_db = request.node.get_closest_marker("django_db") or "_django_db_helper" in request.fixturenames
    if uses_db:
        request.getfixturevalue("_django_db_helper")
        from artists.models import Discipline
        from gallery.models import Medium, SearchTerm
        from shop.models import ShippingProfile

        if (
            not (Discipline.objects.exists() and Medium.objects.exists() and ShippingProfile.objects.exists())
            or not SearchTerm.objects.exists()
        ):
            for module in TAXONOMY_MIGRATIONS:
                import_module(module).add(django_apps, None)


@pytest.fixture
def locales(db):
    """The three content languages, as Wagtail locales."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru", "tg")}


def pytest_terminal_summary(terminalreporter):
    """Say plainly whether the browser journeys ran, and in which browser and database; and
    the search quality measured over the demo catalogue (tests/search)."""
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", []):
            if name == "search_quality" and report.when == "call":
                terminalreporter.write_line(f"Search quality: {value}")
    e2e = [r for r in terminalreporter.stats.get("passed", []) if "tests/e2e/" in r.nodeid]
    failed = [r for r in terminalreporter.stats.get("failed", []) if "tests/e2e/" in r.nodeid]
    if e2e or failed:
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        terminalreporter.write_line(
            f"Chromium browser journeys: {len(e2e)} passed, {len(failed)} failed (database: {engine})"
        )


def pytest_collection_modifyitems(items):
    """All browser journeys go to one xdist worker, so one Chromium serves them all."""
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.xdist_group("chromium"))
