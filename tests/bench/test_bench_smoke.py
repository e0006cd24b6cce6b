"""The bench's own parts load and answer, without running the bench or the large seed."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import CommandError, load_command_class
from django.test import override_settings
from django.urls import Resolver404, resolve

import pytest

from bench.views import floor_html
from cms.models import EventIndexPage, StoryIndexPage
from demo.scale import LargeCatalogue

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "database": str(settings.DATABASES["default"]["NAME"]),
    "hosts": settings.ALLOWED_HOSTS,
    "urls": settings.ROOT_URLCONF,
    "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE,
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
}))
"""


def test_bench_settings_are_production_like_and_never_use_the_site_database():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BENCH_", "DJANGO_")) and key not in {"SECRET_KEY", "MEDIA_ROOT"}
    }
    env |= {"DJANGO_SETTINGS_MODULE": "bench.settings", "DATABASE_URL": "sqlite:////nowhere/site.sqlite3"}
    out = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    settings = json.loads(out.strip().splitlines()[-1])
    assert settings["debug"] is False
    assert settings["database"] == str(ROOT / "bench" / "bench.sqlite3")
    assert settings["hosts"] == ["127.0.0.1", "localhost"]
    assert settings["urls"] == "bench.urls"
    assert settings["whitenoise"]
    assert settings["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert settings["ssl_redirect"] is False


@override_settings(ROOT_URLCONF="bench.urls", BENCH_FLOOR_BYTES=20_000, ALLOWED_HOSTS=["*"])
def test_the_floor_answers_fixed_html_of_the_size_asked(client):
    response = client.get("/bench/floor/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert len(response.content) == 20_000
    assert response.content.startswith(b"<!doctype html>")
    assert response.content.endswith(b"</html>")


def test_the_floor_is_mounted_only_in_the_bench_urls():
    assert resolve("/bench/floor/", urlconf="bench.urls").url_name == "bench-floor"
    with pytest.raises(Resolver404):
        resolve("/bench/floor/", urlconf="heritage.urls")


def test_floor_html_is_exactly_the_size_asked_for_any_size():
    for size in (0, 50, 1_000, 123_457):
        assert len(floor_html(size)) == max(size, len(floor_html(0)))


def test_seed_demo_accepts_scale_large_and_refuses_other_scales():
    command = load_command_class("demo", "seed_demo")
    parser = command.create_parser("manage.py", "seed_demo")

    assert parser.parse_args(["--scale", "large"]).scale == "large"
    assert parser.parse_args([]).scale == "demo"
    with pytest.raises(CommandError):
        parser.parse_args(["--scale", "huge"])


def test_large_catalogue_runs_its_steps_in_order_with_pages_last():
    labels = [label for label, _run in LargeCatalogue().steps()]

    assert labels[0] == "Large: artists"
    assert labels[-3:] == ["Large: exhibitions", "Large: stories", "Large: events"]


@pytest.mark.django_db
def test_large_stories_and_events_are_skipped_with_a_note_when_their_index_is_missing():
    large = LargeCatalogue()

    assert large._index(StoryIndexPage, "stories") is None
    assert large._index(EventIndexPage, "events") is None
    assert any("stories skipped" in note for note in large.notes)
    assert any("events skipped" in note for note in large.notes)


def test_a_large_catalogue_of_any_size_has_one_artist_per_25_works_in_bounded_batches():
    assert (LargeCatalogue().works, LargeCatalogue().artists) == (5_000, 200)
    huge = LargeCatalogue(works=100_000)

    assert huge.artists == 4_000
    # No batch holds more than 500 artists (12,500 works) in memory at once.
    assert -(-huge.artists // huge.batches) <= 500
    assert LargeCatalogue(works=60).artists == 3


def test_seed_demo_refuses_works_without_scale_large_or_below_one(db):
    from django.core.management import call_command

    with pytest.raises(CommandError, match="--scale large"):
        call_command("seed_demo", works=100, quiet=True)
    with pytest.raises(CommandError, match="positive"):
        call_command("seed_demo", scale="large", works=0, quiet=True)


@pytest.mark.django_db
def test_a_small_large_catalogue_seeds_exactly_the_works_asked_and_a_second_run_adds_none():
    from collections import Counter

    from demo.context import SeedContext
    from gallery.models import Artwork
    from tests.factories import ArtworkFactory

    ArtworkFactory()  # the demo's photographs the catalogue's works reuse
    large = LargeCatalogue(works=60)

    def run():
        ctx = SeedContext(editor_email="editor@example.org", editor_password="x" * 20)
        for label, step in large.steps():
            if label.startswith("Large: artists") or label.startswith("Large: works"):
                step(ctx)

    run()
    works = Artwork.objects.published().filter(artist__slug__startswith="scale-")
    assert works.count() == 60
    assert sorted(Counter(works.values_list("artist_id", flat=True)).values()) == [10, 25, 25]
    run()
    assert works.count() == 60
