"""Path traversal through media names: a photo uploaded as `../../etc/passwd.jpg`, with
backslashes, or with a NUL in its name is stored under a plain name inside the media
folder; addresses that name a photo take only numbers; and an original whose stored name
was tampered with is never read from outside the media folder."""

import os
from pathlib import Path

import pytest

from gallery.models import Artwork
from heritage.models import CustomImage
from heritage.storage import private_media_root
from tests.factories import ArtistFactory, ArtworkFactory, jpeg_bytes

pytestmark = pytest.mark.django_db

BOUNDARY = "HeritageBoundary7MA4YWxkTrZu0gW"
HOSTILE_NAMES = [
    "../../etc/passwd.jpg",
    "../../../../../../tmp/evil.jpg",
    "..\\..\\x.jpg",
    "/etc/cron.d/evil.jpg",
    "photo\x00.php.jpg",
    "photo.jpg\x00.php",
    "%2e%2e%2f%2e%2e%2fescape.jpg",
    "....//....//escape.jpg",
    ".jpg",
    "con.jpg",
]


@pytest.fixture
def artist(db):
    return ArtistFactory(display_name="Zarina Karimova", user__language="en")


@pytest.fixture
def draft(artist):
    return ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None, with_image=False)


def multipart(filename: str, content: bytes, **fields) -> bytes:
    """A multipart body written by hand: the test client would strip the path from the name
    before sending it, as browsers do, and an attacker's script does not."""
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode("utf-8", "surrogateescape")
        + content
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


def inside_media(name: str, media_root: str) -> bool:
    root = os.path.realpath(media_root)
    return os.path.realpath(os.path.join(root, name)).startswith(root + os.sep)


@pytest.mark.parametrize("filename", HOSTILE_NAMES)
def test_a_hostile_photo_name_is_stored_inside_the_media_folder(client, artist, draft, settings, filename):
    client.force_login(artist.user)
    response = client.post(
        f"/en/studio/artworks/{draft.pk}/images/",
        data=multipart(filename, jpeg_bytes(), alt_text="A red suzani"),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    assert response.status_code in (200, 302, 400), response.status_code
    if "\x00" not in filename and filename != ".jpg":
        # The photo itself is fine: it is kept, under a name of our making.
        assert response.status_code == 302
        assert draft.images.count() == 1
    for image in CustomImage.objects.all():
        name = image.file.name
        assert ".." not in name and "\\" not in name and "\x00" not in name, name
        assert not name.startswith("/"), name
        # Originals live in the private folder, never in the published one.
        root = str(private_media_root())
        assert inside_media(name, root), name
        assert Path(root, name).is_file()
        assert not Path(settings.MEDIA_ROOT, name).exists()
    assert not Path("/tmp/evil.jpg").exists()  # noqa: S108 -- the address the upload aimed at


@pytest.mark.parametrize(
    "tail",
    [
        "..%2F..%2Fetc%2Fpasswd/original/",
        "%2e%2e/original/",
        "../../../../etc/passwd",
        "1%00/original/",
        "-1/original/",
        "1.0/original/",
        "0x1/original/",
    ],
)
def test_the_original_download_address_takes_only_numbers(client, artist, tail):
    work = ArtworkFactory(artist=artist)
    client.force_login(artist.user)
    response = client.get(f"/en/studio/artworks/{work.pk}/images/{tail}")
    assert response.status_code == 404
    assert b"root:" not in response.content


@pytest.mark.parametrize("stored_name", ["../../../../../../etc/passwd", "/etc/passwd"])
def test_an_original_with_a_tampered_name_is_never_read_outside_the_media_folder(client, artist, stored_name):
    work = ArtworkFactory(artist=artist)
    artwork_image = work.images.get()
    CustomImage.objects.filter(pk=artwork_image.image_id).update(file=stored_name)
    client.force_login(artist.user)
    response = client.get(f"/en/studio/artworks/{work.pk}/images/{artwork_image.pk}/original/")
    assert response.status_code in (400, 404)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"root:" not in body
