"""`manage.py seed_demo` as a command: safe to run again, quiet when asked, clear when the
database is not ready."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db.migrations.executor import MigrationExecutor

import pytest

from heritage.models import CustomImage, User
from tests.demo.seeding import EDITOR_EMAIL, seed, site_snapshot


def artist_snapshot() -> dict:
    from artists.models import ArtistProfile
    from gallery.models import Artwork, ArtworkImage

    return {
        "artists": ArtistProfile.objects.count(),
        "artworks": Artwork.objects.count(),
        "artwork_images": ArtworkImage.objects.count(),
        "images": CustomImage.objects.count(),
        "users": User.objects.count(),
        "by_status": sorted(ArtistProfile.objects.values_list("slug", "status")),
    }


@pytest.mark.django_db
def test_running_it_twice_leaves_the_same_content():
    seed()
    first = site_snapshot()

    output = seed()

    assert site_snapshot() == first
    assert "nothing was missing" in output


@pytest.mark.django_db
def test_the_editor_password_can_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", "another-demo-password")

    seed()

    assert User.objects.get(email=EDITOR_EMAIL).check_password("another-demo-password")


@pytest.mark.django_db
def test_an_unmigrated_database_gets_a_clear_next_step(monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("app", False)])

    with pytest.raises(CommandError, match=r"Run `manage.py migrate` first"):
        seed()


@pytest.mark.django_db
def test_verbosity_zero_prints_nothing():
    out, err = StringIO(), StringIO()

    call_command("seed_demo", verbosity=0, stdout=out, stderr=err)

    assert out.getvalue() == ""
    assert err.getvalue() == ""


@pytest.mark.django_db
def test_running_it_twice_keeps_the_same_artists_works_and_images():
    seed()
    first = artist_snapshot()

    seed()

    assert artist_snapshot() == first
    assert first["artists"] >= 28
    assert first["artworks"] >= 24 * 6
