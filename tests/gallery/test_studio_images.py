"""She adds photos of her work through the site's one upload pipeline, describes each one,
and puts them in order; nothing she does reaches anyone else's photos."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection

import pytest

from gallery.models import Artwork, ArtworkImage
from heritage.images.forms import upload_error_messages
from heritage.models import CustomImage
from tests.factories import ArtworkFactory, ImageFactory
from tests.heritage.images import jpeg_with_gps, metadata_of

pytestmark = pytest.mark.django_db

ALT = "Red and blue halves of a silk ikat, side by side"
XHR = {"headers": {"X-Requested-With": "XMLHttpRequest"}}


def photo(name="IMG_0001.jpg", data=None):
    return SimpleUploadedFile(name, data if data is not None else jpeg_with_gps(), content_type="image/jpeg")


def not_a_photo():
    return SimpleUploadedFile(
        "notes.jpg", b"My grandmother's suzani patterns\n" * 20, content_type="image/jpeg"
    )


def stored(image) -> bytes:
    with image.open_file() as f:
        return f.read()


def with_images(artwork, count: int) -> list[ArtworkImage]:
    return [
        ArtworkImage.objects.create(artwork=artwork, image=ImageFactory(), sort_order=n) for n in range(count)
    ]


def order_of(artwork) -> list[int]:
    return list(artwork.images.order_by("sort_order").values_list("pk", flat=True))


@pytest.fixture
def draft(artist):
    return ArtworkFactory(
        artist=artist, title="Ikat coat", status=Artwork.Status.DRAFT, published_at=None, with_image=False
    )


def upload_url(artwork) -> str:
    return reverse("gallery:artwork-image-upload", kwargs={"pk": artwork.pk})


class TestUpload:
    def test_a_phone_photo_is_stored_without_its_location_and_attached(self, artist, artist_client, draft):
        response = artist_client.post(upload_url(draft), {"file": photo(), "alt_text": ALT})
        assert response.status_code == 302
        assert response["Location"].endswith("#photos")
        artwork_image = draft.images.get()
        image = artwork_image.image
        data = stored(image)
        meta = metadata_of(data)
        assert meta["exif"] == {} and meta["info_keys"] == []
        assert b"Dushanbe" not in data and b"PhoneMaker" not in data
        assert (image.alt_text, image.title) == (ALT, "Ikat coat")
        assert image.uploaded_by_user == artist.user
        assert image.collection == Collection.get_first_root_node()

    def test_photos_are_added_after_the_others(self, artist_client, draft):
        first, second = with_images(draft, 2)
        artist_client.post(upload_url(draft), {"file": photo(), "alt_text": ALT})
        assert order_of(draft)[:2] == [first.pk, second.pk]
        assert draft.images.count() == 3

    def test_a_photo_without_a_description_is_refused_and_nothing_is_saved(self, artist_client, draft):
        response = artist_client.post(upload_url(draft), {"file": photo(), "alt_text": "  "})
        assert response.status_code == 200
        assert response.context["upload_form"].errors["alt_text"] == [
            "Describe the photo for people who cannot see it."
        ]
        assert b'id="upload_alt_text_error"' in response.content
        assert not CustomImage.objects.exists()
        assert not draft.images.exists()

    def test_a_file_that_is_not_a_photo_gets_the_pipelines_message_in_her_language(
        self, artist_client, draft, settings
    ):
        with_images(draft, 1)
        before = (order_of(draft), CustomImage.objects.count())
        with translation.override("ru"):
            response = artist_client.post(upload_url(draft), {"file": not_a_photo(), "alt_text": ALT})
            expected = str(upload_error_messages(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)["invalid_image"])
        assert response.status_code == 200
        assert response.context["upload_form"].errors["file"] == [expected]
        content = response.content.decode()
        error_list = re.search(r'<ul class="field-errors" id="upload_file_error">(.*?)</ul>', content, re.S)
        assert error_list and expected in error_list.group(1)
        assert f"{ALT}</textarea>" in content, "the description she typed stays in the form"
        assert (order_of(draft), CustomImage.objects.count()) == before

    def test_a_work_under_review_takes_no_new_photos(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, status=Artwork.Status.SUBMITTED, published_at=None)
        response = artist_client.post(upload_url(artwork), {"file": photo(), "alt_text": ALT})
        assert response.status_code == 302
        assert artwork.images.count() == 1


class TestScriptedUpload:
    def test_success_answers_with_the_new_photo_list(self, artist_client, draft):
        response = artist_client.post(upload_url(draft), {"file": photo(), "alt_text": ALT}, **XHR)
        assert response.status_code == 200
        content = response.content.decode()
        assert content.strip().startswith('<div id="artwork-images"')
        assert f"{ALT}</p>" in content
        assert "<html" not in content
        assert draft.images.count() == 1

    def test_refusal_answers_400_with_the_errors_by_field(self, artist_client, draft, settings):
        response = artist_client.post(upload_url(draft), {"file": not_a_photo(), "alt_text": ""}, **XHR)
        assert response.status_code == 400
        errors = response.json()["errors"]
        assert errors == {
            "file": [str(upload_error_messages(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)["invalid_image"])],
            "alt_text": ["Describe the photo for people who cannot see it."],
        }
        assert not CustomImage.objects.exists()

    def test_a_work_under_review_answers_400_with_the_reason(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, status=Artwork.Status.PUBLISHED)
        response = artist_client.post(upload_url(artwork), {"file": photo(), "alt_text": ALT}, **XHR)
        assert response.status_code == 400
        assert "first take it back" in response.json()["errors"]["__all__"][0]


class TestOrder:
    def test_she_puts_her_photos_in_a_new_order(self, artist_client, draft, other_artist):
        a, b, c = with_images(draft, 3)
        theirs = ArtworkFactory(artist=other_artist).images.get()
        response = artist_client.post(
            reverse("gallery:artwork-images-order", kwargs={"pk": draft.pk}),
            {"order": [c.pk, theirs.pk, a.pk, b.pk]},
        )
        assert response.status_code == 302
        assert order_of(draft) == [c.pk, a.pk, b.pk]
        assert ArtworkImage.objects.get(pk=theirs.pk).sort_order == 0
        assert ArtworkImage.objects.get(pk=theirs.pk).artwork == theirs.artwork

    def test_the_move_buttons_on_her_page_swap_neighbours(self, artist_client, draft):
        a, b, c = with_images(draft, 3)
        page = artist_client.get(reverse("gallery:artwork-edit", kwargs={"pk": draft.pk})).content.decode()
        order_url = reverse("gallery:artwork-images-order", kwargs={"pk": draft.pk})
        forms = re.findall(rf'<form method="post" action="{order_url}">(.*?)</form>', page, re.S)
        offered = [[int(pk) for pk in re.findall(r'name="order" value="(\d+)"', form)] for form in forms]
        # a: down; b: up, down; c: up.
        assert offered == [[b.pk, a.pk, c.pk], [b.pk, a.pk, c.pk], [a.pk, c.pk, b.pk], [a.pk, c.pk, b.pk]]
        artist_client.post(order_url, {"order": offered[2]})
        assert order_of(draft) == [a.pk, c.pk, b.pk]

    def test_she_makes_a_photo_the_main_one(self, artist_client, draft):
        a, b, c = with_images(draft, 3)
        response = artist_client.post(
            reverse("gallery:artwork-image-primary", kwargs={"pk": draft.pk, "image_pk": c.pk})
        )
        assert response.status_code == 302
        assert order_of(draft) == [c.pk, a.pk, b.pk]
        draft.refresh_from_db()
        assert Artwork.objects.with_images().get(pk=draft.pk).primary_image == c.image

    def test_she_removes_a_photo_and_its_file(self, artist_client, draft, other_artist):
        a, b = with_images(draft, 2)
        theirs = ArtworkFactory(artist=other_artist).images.get()
        response = artist_client.post(
            reverse("gallery:artwork-image-remove", kwargs={"pk": draft.pk, "image_pk": a.pk})
        )
        assert response.status_code == 302
        assert order_of(draft) == [b.pk]
        assert not CustomImage.objects.filter(pk=a.image_id).exists()
        assert ArtworkImage.objects.filter(pk=theirs.pk).exists()

    @pytest.mark.parametrize(
        "action",
        ["gallery:artwork-image-primary", "gallery:artwork-image-remove", "gallery:artwork-images-order"],
    )
    def test_photos_of_a_published_work_stay_as_they_are(self, artist, artist_client, action):
        artwork = ArtworkFactory(artist=artist)
        first, second = artwork.images.get(), with_images(artwork, 2)[1]
        kwargs = {"pk": artwork.pk}
        if action != "gallery:artwork-images-order":
            kwargs["image_pk"] = second.pk
        before = order_of(artwork)
        response = artist_client.post(reverse(action, kwargs=kwargs), {"order": [second.pk, first.pk]})
        assert response.status_code == 302
        assert order_of(artwork) == before
