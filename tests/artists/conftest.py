from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from tests.factories import ArtistFactory, UserFactory
from tests.heritage.images import jpeg_with_gps


@pytest.fixture
def reviewer(django_user_model):
    """An editor: she receives the email about every new application."""
    return django_user_model.objects.create_superuser(email="reviewer@example.org", password="x")


@pytest.fixture
def newcomer(db):
    """A signed-up woman with a confirmed address and no artist profile yet."""
    return UserFactory(email="madina@example.org", email_verified_at=timezone.now(), language="en")


@pytest.fixture
def newcomer_client(client, newcomer):
    client.force_login(newcomer)
    return client


@pytest.fixture
def approved_artist(db):
    return ArtistFactory(display_name="Zarina Karimova", phone="+992 900 000 001")


@pytest.fixture
def other_artist(db):
    return ArtistFactory(display_name="Nigora Sharipova", bio="Ceramics from Istaravshan.")


@pytest.fixture
def artist_client(client, approved_artist):
    client.force_login(approved_artist.user)
    return client


@pytest.fixture
def post_committed(client, django_capture_on_commit_callbacks):
    """POST with the client and run what the view deferred to commit (emails)."""

    def post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return post


def phone_photo(name: str = "IMG_0001.jpg") -> SimpleUploadedFile:
    """A photo straight from a phone: EXIF with the GPS position of Dushanbe, and XMP."""
    return SimpleUploadedFile(name, jpeg_with_gps(), content_type="image/jpeg")


def not_a_photo(name: str = "notes.jpg") -> SimpleUploadedFile:
    """A text file renamed to look like a photo."""
    return SimpleUploadedFile(name, b"My grandmother's suzani patterns\n" * 20, content_type="image/jpeg")
