"""Media in an S3-compatible bucket, spoken to over real HTTP (moto_server): originals stay
private, renditions are public and cached for a year, and a bucket that does not answer
costs the artist neither her work nor her words, and visitors still get the page."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from botocore.exceptions import EndpointConnectionError

from gallery.models import Artwork
from heritage.images.uploads import ImageStorageUnavailable, images_save
from heritage.models import CustomImage, CustomRendition
from heritage.storage import RENDITION_CACHE_CONTROL
from tests.factories import ArtistFactory, ArtworkFactory, ImageFactory
from tests.fakes.s3_server import closed_endpoint, http_get
from tests.gallery.gallery_fixtures import gallery_pages_build
from tests.heritage.images import jpeg_with_gps
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

ALT = "Indigo and saffron ikat silk, folded on a wooden chest"
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def artist(db):
    return ArtistFactory(display_name="Zarina Karimova", slug="zarina", user__language="en")


@pytest.fixture
def artist_client(client, artist):
    client.force_login(artist.user)
    return client


@pytest.fixture
def draft(artist):
    return ArtworkFactory(
        artist=artist,
        title="Ikat coat",
        slug="ikat-coat",
        status=Artwork.Status.DRAFT,
        published_at=None,
        with_image=False,
    )


def photo(name="IMG_0001.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(width=120, height=90), content_type="image/jpeg")


def upload(client, artwork, **extra):
    url = reverse("gallery:artwork-image-upload", kwargs={"pk": artwork.pk})
    return client.post(url, {"file": photo(), "alt_text": ALT}, **extra)


def original_url(artwork, artwork_image) -> str:
    return reverse("gallery:artwork-image-original", kwargs={"pk": artwork.pk, "image_pk": artwork_image.pk})


def publish(artwork):
    Artwork.objects.filter(pk=artwork.pk).update(status=Artwork.Status.PUBLISHED, published_at=timezone.now())


def bucket_urls(html: str, bucket) -> list[str]:
    prefix = f"{bucket.server.url}/{bucket.name}/"
    return sorted(set(re.findall(re.escape(prefix) + r'[^"\s,]+', html)))


class TestSettings:
    def settings_with(self, **environ) -> dict:
        code = (
            "import json; from heritage.settings import base; "
            "print(json.dumps({alias: {'BACKEND': entry['BACKEND'], "
            "'OPTIONS': {k: v for k, v in entry.get('OPTIONS', {}).items() if k != 'client_config'}, "
            "'style': getattr(entry.get('OPTIONS', {}).get('client_config'), 's3', None)} "
            "for alias, entry in base.STORAGES.items()}))"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")} | environ
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=BASE_DIR, capture_output=True, text=True, check=True
        )
        return json.loads(result.stdout)

    def test_development_keeps_media_on_the_filesystem(self):
        storages = self.settings_with()
        assert set(storages) == {"default", "originals", "staticfiles"}
        assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
        # Originals outside the published folder (tests/heritage/test_private_originals.py).
        assert storages["originals"]["BACKEND"] == "heritage.storage.PrivateFileSystemStorage"

    def test_a_named_bucket_holds_the_media_and_static_files_stay_with_the_app(self):
        storages = self.settings_with(
            AWS_STORAGE_BUCKET_NAME="heritage-media",
            AWS_S3_ENDPOINT_URL="https://fra1.digitaloceanspaces.com",
            AWS_S3_REGION_NAME="fra1",
            AWS_S3_ADDRESSING_STYLE="path",
            AWS_S3_CUSTOM_DOMAIN="media.tajikheritage.org",
        )
        assert storages["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
        for alias in ("default", "originals", "renditions"):
            entry = storages[alias]
            assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
            assert entry["OPTIONS"]["bucket_name"] == "heritage-media"
            assert entry["OPTIONS"]["endpoint_url"] == "https://fra1.digitaloceanspaces.com"
            assert entry["OPTIONS"]["region_name"] == "fra1"
            assert entry["OPTIONS"]["default_acl"] is None
            assert entry["style"] == {"addressing_style": "path"}
        originals, renditions = storages["originals"]["OPTIONS"], storages["renditions"]["OPTIONS"]
        assert originals["querystring_auth"] is True
        assert originals["querystring_expire"] <= 600
        assert originals["custom_domain"] is None
        assert renditions["querystring_auth"] is False
        assert renditions["custom_domain"] == "media.tajikheritage.org"
        assert renditions["object_parameters"] == {"CacheControl": RENDITION_CACHE_CONTROL}


class TestPrivateOriginalsPublicRenditions:
    def test_an_uploaded_photo_is_private_while_the_public_page_serves_its_renditions(
        self, s3_bucket, artist, artist_client, draft
    ):
        gallery_pages_build()
        response = upload(artist_client, draft)
        assert response.status_code == 302
        artwork_image = draft.images.get()
        image = artwork_image.image
        assert s3_bucket.keys() == [image.file.name]
        assert image.file.name.startswith("original_images/")

        publish(draft)
        page = artist_client.get("/en/gallery/zarina/ikat-coat/")
        assert page.status_code == 200
        html = page.content.decode()
        urls = bucket_urls(html, s3_bucket)
        assert urls, "the page shows renditions from the bucket"
        assert all("/images/" in url and "?" not in url for url in urls), urls
        assert "original_images" not in html

        status, headers, body = http_get(urls[0])
        assert status == 200
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert body[:2] == b"\xff\xd8" or body[:4] in {b"RIFF", b"\x00\x00\x00\x1c", b"\x00\x00\x00\x20"}

        status, _headers, _body = s3_bucket.anonymous_get(image.file.name)
        assert status == 403, "an original is never readable without a signature"

        download = artist_client.get(original_url(draft, artwork_image))
        assert download.status_code == 302
        assert "X-Amz-Signature=" in download["Location"]
        assert "X-Amz-Expires=300" in download["Location"]
        status, headers, body = http_get(download["Location"])
        assert status == 200
        assert headers["Content-Disposition"].startswith("attachment")
        with image.open_file() as stored:
            assert body == stored.read()

    def test_renditions_get_new_names_and_the_long_cache_header(self, s3_bucket):
        image = ImageFactory()
        first = image.get_rendition("width-40|format-jpeg")
        image.renditions.all().delete()
        second = CustomImage.objects.get(pk=image.pk).get_rendition("width-40|format-jpeg")
        assert first.file.name != second.file.name
        assert second.file.name.startswith("images/")
        assert s3_bucket.head(second.file.name)["CacheControl"] == RENDITION_CACHE_CONTROL
        assert s3_bucket.anonymous_get(second.file.name)[0] == 200

    def test_editors_download_originals_and_other_artists_cannot(
        self, s3_bucket, client, artist, django_user_model
    ):
        artwork = ArtworkFactory(artist=artist)
        artwork_image = artwork.images.get()
        url = original_url(artwork, artwork_image)
        client.force_login(ArtistFactory().user)
        assert client.get(url).status_code == 404
        other_work = ArtworkFactory()
        assert client.get(original_url(other_work, artwork_image)).status_code == 404
        editor = django_user_model.objects.create_superuser(email="editor@example.org", password="x")
        client.force_login(editor)
        assert client.get(url).status_code == 404, "staff need their second step first"
        staff_login(client, editor)
        response = client.get(url)
        assert response.status_code == 302 and "X-Amz-Signature=" in response["Location"]
        assert http_get(response["Location"])[0] == 200
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "X-Amz" not in response["Location"]

    def test_without_a_bucket_she_downloads_the_file_from_the_site(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist)
        artwork_image = artwork.images.get()
        response = artist_client.get(original_url(artwork, artwork_image))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        with artwork_image.image.open_file() as stored:
            assert b"".join(response.streaming_content) == stored.read()


def test_public_templates_never_link_an_original():
    """Pages reach images only through renditions ({% image %}, {% picture %}, …)."""
    offenders = []
    for path in (BASE_DIR / "templates").rglob("*.html"):
        text = path.read_text()
        if re.search(r"\.file\.url|\.file\b[^%}]*}}|original_images", text):
            offenders.append(str(path.relative_to(BASE_DIR)))
    assert offenders == []


class TestBucketUnreachableDuringUpload:
    def test_she_is_told_and_keeps_her_work_and_description_and_nothing_is_left(
        self, s3_bucket, artist_client, draft, caplog
    ):
        s3_bucket.point_at(closed_endpoint())
        with caplog.at_level(logging.ERROR, logger="heritage.images.uploads"):
            response = upload(artist_client, draft)
        assert response.status_code == 200
        content = response.content.decode()
        assert "our file storage is not answering" in content
        assert f"{ALT}</textarea>" in content
        assert Artwork.objects.filter(pk=draft.pk, title="Ikat coat").exists()
        assert not CustomImage.objects.exists()
        assert not draft.images.exists()
        assert s3_bucket.keys() == []
        assert any("could not be stored" in r.getMessage() for r in caplog.records)

    def test_a_scripted_upload_gets_a_retryable_answer(self, s3_bucket, artist_client, draft):
        s3_bucket.point_at(closed_endpoint())
        response = upload(artist_client, draft, headers={"X-Requested-With": "XMLHttpRequest"})
        assert response.status_code == 503
        assert "try again" in response.json()["errors"]["__all__"][0]
        assert not CustomImage.objects.exists()

    def test_a_new_work_is_saved_as_a_draft_without_the_photos(self, s3_bucket, artist, artist_client):
        s3_bucket.point_at(closed_endpoint())
        response = artist_client.post(
            reverse("gallery:artwork-create"),
            {"title": "Ikat coat", "images": [photo("a.jpg"), photo("b.jpg")], "images_alt_text": ALT},
            follow=True,
        )
        assert response.status_code == 200
        artwork = Artwork.objects.get(artist=artist)
        assert (artwork.title, artwork.status) == ("Ikat coat", Artwork.Status.DRAFT)
        assert not artwork.images.exists()
        assert not CustomImage.objects.exists()
        assert s3_bucket.keys() == []
        assert "its photos could not be stored" in response.content.decode()

    def test_files_stored_before_the_failure_are_removed(self, s3_bucket):
        class Stored:
            def save(self):
                return ImageFactory()

        class Refused:
            def save(self):
                raise EndpointConnectionError(endpoint_url="http://127.0.0.1:9")

        with pytest.raises(ImageStorageUnavailable):
            images_save([Stored(), Stored(), Refused()])
        assert s3_bucket.keys() == []


class TestBucketUnreachableWhileRendering:
    def test_pages_render_with_placeholders_and_the_error_is_logged(self, s3_bucket, artist, client, caplog):
        gallery_pages_build()
        ArtworkFactory(artist=artist, title="Ikat coat", slug="ikat-coat")
        assert not CustomRendition.objects.exists()
        s3_bucket.point_at(closed_endpoint())
        with caplog.at_level(logging.ERROR, logger="heritage.images.placeholders"):
            page = client.get("/en/gallery/zarina/ikat-coat/")
            listing = client.get("/en/gallery/")
        assert page.status_code == 200
        assert "<h1>Ikat coat</h1>" in page.content.decode()
        assert listing.status_code == 200
        assert "Ikat coat" in listing.content.decode()
        assert not CustomRendition.objects.exists()
        assert any("placeholder" in r.getMessage() for r in caplog.records)

    def test_renditions_made_before_are_still_shown(self, s3_bucket, artist, client):
        gallery_pages_build()
        ArtworkFactory(artist=artist, title="Ikat coat", slug="ikat-coat")
        assert client.get("/en/gallery/zarina/ikat-coat/").status_code == 200
        s3_bucket.point_at(closed_endpoint())
        html = client.get("/en/gallery/zarina/ikat-coat/").content.decode()
        assert f"/{s3_bucket.name}/images/" in html
        assert "not-found" not in html
