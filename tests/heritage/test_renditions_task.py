"""Renditions are made in the background once an image is stored, and only once."""

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command

import pytest

from heritage.images.renditions import PUBLIC_RENDITION_SPECS
from heritage.models import CustomImage, CustomRendition
from tests.factories import ImageFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _renditions_after_upload(settings):
    settings.HERITAGE_RENDITIONS_AFTER_UPLOAD = True


@pytest.fixture(autouse=True)
def _empty_caches():
    """Wagtail caches renditions by image id and file hash, and both repeat between tests."""
    for cache in caches.all():
        cache.clear()


def jobs(callbacks) -> list:
    """The work queued for after the commit, less the renewal of the cached pages (which
    every change to an image queues too)."""
    return [callback for callback in callbacks if getattr(callback, "__module__", "") != "heritage.caching"]


def _specs(image) -> set[str]:
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_new_image_gets_every_public_rendition(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image = ImageFactory(pixel_size=(200, 150))
    assert len(jobs(callbacks)) == 1
    assert _specs(image) == set(PUBLIC_RENDITION_SPECS)
    for rendition in image.renditions.all():
        assert rendition.file.storage.exists(rendition.file.name)
    formats = {r.file.name.rsplit(".", 1)[-1] for r in image.renditions.all()}
    assert {"avif", "webp", "jpg"} <= formats


def test_saving_again_makes_no_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    before = set(CustomRendition.objects.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image.title = "Suzani, renamed"
        image.save()
        CustomImage.objects.get(pk=image.pk).save()
    assert jobs(callbacks) == []
    assert set(CustomRendition.objects.values_list("pk", flat=True)) == before


def test_new_file_replaces_the_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    old = {r.pk: r.file.name for r in image.renditions.all()}

    with django_capture_on_commit_callbacks(execute=True):
        image = CustomImage.objects.get(pk=image.pk)
        image.file = ContentFile(jpeg_bytes(90, 60, "#1c319b"), name="new-photo.jpg")
        image.save()
    assert _specs(image) == set(PUBLIC_RENDITION_SPECS)
    assert not set(image.renditions.values_list("pk", flat=True)) & set(old)
    # Renditions are public files; the original lives in the private storage.
    storage = image.renditions.first().file.storage
    assert storage is not image.file.storage
    assert not any(storage.exists(name) for name in old.values())
    assert all(storage.exists(r.file.name) for r in image.renditions.all())


def test_nothing_is_queued_before_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = ImageFactory()
    assert len(jobs(callbacks)) == 1
    assert not image.renditions.exists()


def test_command_fills_in_missing_renditions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        # Seeded without the worker: no renditions yet.
        first, second = ImageFactory(), ImageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        third = ImageFactory()
    third.renditions.filter(filter_spec=PUBLIC_RENDITION_SPECS[0]).delete()

    call_command("renditions_generate", verbosity=0)

    for image in (first, second, third):
        assert _specs(image) == set(PUBLIC_RENDITION_SPECS)


def test_command_sync_runs_inline(django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=False):
        image = ImageFactory()

    call_command("renditions_generate", "--sync", verbosity=0)

    assert _specs(image) == set(PUBLIC_RENDITION_SPECS)
    assert f"{len(PUBLIC_RENDITION_SPECS)} renditions made." in capsys.readouterr().out
    call_command("renditions_generate", "--sync", verbosity=0)
    assert "0 renditions made." in capsys.readouterr().out


def test_nothing_is_queued_when_background_renditions_are_off(settings, django_capture_on_commit_callbacks):
    settings.HERITAGE_RENDITIONS_AFTER_UPLOAD = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image = ImageFactory()
    assert jobs(callbacks) == []
    assert not CustomRendition.objects.filter(image=image).exists()
