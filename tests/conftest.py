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
