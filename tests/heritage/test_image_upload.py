"""Every way an image gets in stores it upright and without EXIF, GPS or XMP, and anything
that is not an acceptable photo is refused with a clear message and nothing saved."""

from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

import pytest
from PIL import Image

from tests.two_factor import staff_login

from . import images as samples

CustomImage = get_image_model()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@example.org", password="x")


@pytest.fixture
def admin_client(client, editor):
    staff_login(client, editor)
    return client


def stored_bytes(image) -> bytes:
    with image.open_file() as f:
        return f.read()


def assert_clean(data: bytes):
    meta = samples.metadata_of(data)
    assert meta["exif"] == {}, "EXIF survived"
    assert meta["info_keys"] == [], f"metadata blocks survived: {meta['info_keys']}"
    assert b"Dushanbe" not in data and b"PhoneMaker" not in data
    assert b"Exif\x00\x00" not in data


def upload_through_form(data: bytes, name: str, **fields):
    form_class = get_image_form(CustomImage)
    form = form_class(
        data={
            "title": fields.get("title", "Suzani"),
            "alt_text": fields.get("alt_text", "Red suzani with pomegranates"),
            "collection": Collection.get_first_root_node().pk,
        },
        files={"file": SimpleUploadedFile(name, data)},
        user=fields.get("user"),
    )
    return form


def files_under(root) -> list[Path]:
    """Files under a media root and beside it, in the private root where originals go."""
    private = Path(root).with_name(f"{Path(root).name}-private")
    return [p for folder in (Path(root), private) for p in folder.rglob("*") if p.is_file()]


@pytest.mark.django_db
class TestMetadataIsStripped:
    def test_admin_upload_of_a_phone_jpeg_stores_no_gps_exif_or_xmp(self, admin_client):
        original = samples.jpeg_with_gps()
        assert samples.metadata_of(original)["exif"], "the sample must carry EXIF to begin with"
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Suzani",
                "alt_text": "Red suzani with pomegranates",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile("IMG_0001.jpg", original),
            },
        )
        assert response.status_code == 302, response.content[:2000]
        image = CustomImage.objects.get()
        assert_clean(stored_bytes(image))
        assert image.file_size == len(stored_bytes(image))

    def test_renditions_of_an_uploaded_photo_carry_no_exif(self, admin_client):
        form = upload_through_form(samples.jpeg_with_gps(), "IMG_0002.jpg")
        assert form.is_valid(), form.errors
        image = form.save()
        for spec in ("width-40", "fill-20x20", "width-40|format-webp", "width-40|format-png"):
            rendition = image.get_rendition(spec)
            with rendition.file.open("rb") as f:
                assert_clean(f.read())

    def test_multiple_upload_without_alt_text_then_completed_is_stored_clean(self, admin_client):
        # Wagtail's multiple uploader keeps the raw file aside when a required field (our alt
        # text) is missing, then copies it into place when the editor fills the field in.
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("IMG_0003.jpg", samples.jpeg_with_gps())},
        )
        payload = response.json()
        assert payload["success"] is True
        upload_id = payload["uploaded_file_id"]
        response = admin_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
            {
                f"uploaded-image-{upload_id}-title": "Ikat",
                f"uploaded-image-{upload_id}-alt_text": "Yellow and magenta ikat silk",
                f"uploaded-image-{upload_id}-collection": Collection.get_first_root_node().pk,
            },
        )
        assert response.json()["success"] is True, response.json()
        image = CustomImage.objects.get()
        data = stored_bytes(image)
        assert_clean(data)
        assert image.file_size == len(data)

    def test_image_saved_by_code_is_stored_clean(self):
        image = CustomImage(
            title="From a script",
            alt_text="Blue tiles",
            file=ImageFile(BytesIO(samples.jpeg_with_gps()), name="script.jpg"),
        )
        image.save()
        assert_clean(stored_bytes(image))


@pytest.mark.django_db
class TestPhotosAreStoredUpright:
    def test_a_rotated_phone_photo_is_stored_upright(self):
        # Orientation 6: the camera held upright wrote a landscape sensor image and the
        # instruction "rotate 90° clockwise to view".
        form = upload_through_form(samples.jpeg_with_gps(orientation=6), "portrait.jpg")
        assert form.is_valid(), form.errors
        image = form.save()
        assert (image.width, image.height) == (30, 60)
        with Image.open(BytesIO(stored_bytes(image))) as stored:
            assert stored.size == (30, 60)
            red, blue = stored.convert("RGB").getpixel((15, 5)), stored.convert("RGB").getpixel((15, 55))
        assert red[0] > 150 and red[2] < 100, "the left (red) half must be on top after rotating"
        assert blue[2] > 150 and blue[0] < 100

    def test_a_heic_photo_from_an_iphone_is_accepted_and_stored_as_clean_jpeg(self):
        form = upload_through_form(samples.heic_with_gps(), "IMG_0004.HEIC")
        assert form.is_valid(), form.errors
        image = form.save()
        data = stored_bytes(image)
        assert samples.metadata_of(data)["format"] == "JPEG"
        assert image.file.name.endswith(".jpg")
        assert_clean(data)
        assert image.get_rendition("width-30").width == 30


REFUSALS = [
    ("bomb.png", samples.png_bomb(), "too many pixels"),
    ("huge.jpg", samples.oversized_jpeg(30), "too large"),
    ("notes.jpg", b"Meeting notes: bring the suzani on Friday.\n" * 20, "not an image we can read"),
    ("drawing.svg", samples.SVG, "not accepted"),
]


@pytest.mark.django_db
class TestBadFilesAreRefused:
    @pytest.mark.parametrize(("name", "data", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
    def test_refused_by_the_upload_form_with_a_clear_message(self, name, data, message, settings):
        form = upload_through_form(data, name)
        assert not form.is_valid()
        assert message in " ".join(form.errors["file"])
        assert CustomImage.objects.count() == 0
        assert files_under(settings.MEDIA_ROOT) == []

    @pytest.mark.parametrize(("name", "data", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
    def test_refused_in_the_admin_with_the_rest_of_the_form_kept(
        self, admin_client, name, data, message, settings
    ):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Kept title",
                "alt_text": "Kept alt text",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile(name, data),
            },
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert message in content
        assert "Kept alt text" in content
        assert CustomImage.objects.count() == 0
        assert files_under(settings.MEDIA_ROOT) == []

    @pytest.mark.parametrize(("name", "data", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
    def test_refused_by_the_multiple_uploader(self, admin_client, name, data, message, settings):
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, data)}
        )
        payload = response.json()
        assert payload["success"] is False
        assert message in payload["error_message"]
        assert CustomImage.objects.count() == 0
        assert files_under(settings.MEDIA_ROOT) == []
