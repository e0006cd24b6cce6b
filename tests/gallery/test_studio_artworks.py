"""She adds a work as a draft, changes its details while it is hers to change, sends it for
review, takes it back, and archives it."""

from decimal import Decimal

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

import pytest

from gallery.models import Artwork, Medium
from heritage.models import CustomImage
from tests.factories import ArtworkFactory
from tests.heritage.images import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def suzani(db):
    return Medium.objects.create(slug="suzani", name_en="Suzani embroidery", name_ru="Сузани вышивка")


@pytest.fixture
def post_committed(artist_client, django_capture_on_commit_callbacks):
    """POST as the artist and run what the view left for after the commit (emails)."""

    def post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return artist_client.post(url, data or {})

    return post


def draft(artist, **fields):
    return ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None, **fields)


def details(**overrides):
    return {
        "title": "Pomegranate garden",
        "year": "2024",
        "medium": "",
        "materials": "Silk thread on cotton",
        "width_cm": "80,5",
        "height_cm": "120",
        "depth_cm": "",
        "description": "A garden my grandmother loved.",
        "tags": "suzani, pomegranate",
        **overrides,
    }


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


class TestCreate:
    def test_a_new_work_is_her_draft_and_she_goes_on_to_its_page(self, artist, artist_client, suzani):
        response = artist_client.post(reverse("gallery:artwork-create"), details(medium=suzani.pk))
        artwork = Artwork.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk})
        assert artwork.artist == artist
        assert artwork.status == Artwork.Status.DRAFT
        assert artwork.slug == "pomegranate-garden"
        assert artwork.medium == suzani
        assert artwork.width_cm == Decimal("80.5")
        assert artwork.orientation == Artwork.Orientation.PORTRAIT
        assert sorted(artwork.tags.names()) == ["pomegranate", "suzani"]
        assert not artwork.images.exists()

    def test_a_second_work_with_the_same_title_gets_its_own_address(self, artist, artist_client):
        draft(artist, title="Pomegranate garden", slug="pomegranate-garden")
        artist_client.post(reverse("gallery:artwork-create"), details())
        assert Artwork.objects.latest("pk").slug == "pomegranate-garden-2"

    def test_the_form_offers_media_by_their_name_in_her_language(self, artist_client, suzani):
        english = artist_client.get(reverse("gallery:artwork-create")).content.decode()
        with translation.override("ru"):  # the request leaves its language active otherwise
            russian = artist_client.get(reverse("gallery:artwork-create")).content.decode()
        assert f'<option value="{suzani.pk}">Suzani embroidery</option>' in english
        assert f'<option value="{suzani.pk}">Сузани вышивка</option>' in russian

    @pytest.mark.parametrize(
        ("field", "value"),
        [("title", ""), ("width_cm", "0"), ("height_cm", "-3"), ("year", "3000"), ("width_cm", "wide")],
    )
    def test_wrong_details_are_refused_and_nothing_is_saved(self, artist_client, field, value):
        response = artist_client.post(reverse("gallery:artwork-create"), details(**{field: value}))
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert b"field-errors" in response.content
        assert 'value="Silk thread on cotton"' in response.content.decode()
        assert not Artwork.objects.exists()

    def test_first_photos_are_stored_clean_and_attached_in_order(self, artist_client):
        photos = [
            SimpleUploadedFile(f"IMG_000{n}.jpg", jpeg_with_gps(), content_type="image/jpeg") for n in (1, 2)
        ]
        response = artist_client.post(
            reverse("gallery:artwork-create"),
            details(images=photos, images_alt_text="Red and blue halves of a suzani"),
        )
        assert response.status_code == 302
        artwork = Artwork.objects.get()
        images = [ai.image for ai in artwork.images.order_by("sort_order")]
        assert [i.alt_text for i in images] == ["Red and blue halves of a suzani"] * 2
        assert {i.title for i in images} == {"Pomegranate garden"}

    def test_first_photos_need_a_description(self, artist_client):
        photo = SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps(), content_type="image/jpeg")
        response = artist_client.post(reverse("gallery:artwork-create"), details(images=[photo]))
        assert response.status_code == 200
        assert "images_alt_text" in response.context["form"].errors
        assert not Artwork.objects.exists()
        assert not CustomImage.objects.exists()

    def test_a_file_that_is_not_a_photo_keeps_the_work_from_being_saved(self, artist_client):
        bad = SimpleUploadedFile("notes.jpg", b"not a photo" * 50, content_type="image/jpeg")
        response = artist_client.post(
            reverse("gallery:artwork-create"), details(images=[bad], images_alt_text="A suzani")
        )
        assert response.status_code == 200
        assert "This file is not an image we can read" in response.context["form"].errors["images"][0]
        assert 'value="Pomegranate garden"' in response.content.decode()
        assert not Artwork.objects.exists()
        assert not CustomImage.objects.exists()


class TestEdit:
    def test_she_changes_the_details_of_a_draft(self, artist, artist_client):
        artwork = draft(artist, title="Old title", slug="old-title")
        response = artist_client.post(
            reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}), details(tags="ikat")
        )
        assert response.status_code == 302
        artwork.refresh_from_db()
        assert artwork.title == "Pomegranate garden"
        assert artwork.slug == "pomegranate-garden"
        assert list(artwork.tags.names()) == ["ikat"]
        assert artwork.status == Artwork.Status.DRAFT

    def test_a_work_published_before_keeps_its_address_when_renamed(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, status=Artwork.Status.REJECTED, slug="first-name")
        artist_client.post(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}), details())
        artwork.refresh_from_db()
        assert (artwork.title, artwork.slug) == ("Pomegranate garden", "first-name")

    def test_a_refused_change_shows_the_saved_title_above_the_form(self, artist, artist_client):
        artwork = draft(artist, title="Saved title")
        response = artist_client.post(
            reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk}), details(title="x" * 200)
        )
        assert response.status_code == 200
        assert '<h1 class="artwork-title">Saved title</h1>' in response.content.decode()
        artwork.refresh_from_db()
        assert artwork.title == "Saved title"

    def test_the_page_of_a_work_that_needs_changes_shows_the_editors_reason(self, artist, artist_client):
        artwork = ArtworkFactory(
            artist=artist,
            status=Artwork.Status.REJECTED,
            rejection_reason="The photo is too dark.",
            published_at=None,
        )
        content = artist_client.get(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk})).content
        assert b"The photo is too dark." in content
        assert b'name="title"' in content
        assert reverse("gallery:artwork-submit", kwargs={"pk": artwork.pk}).encode() in content

    def test_a_published_work_cannot_be_changed_until_she_takes_it_back(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, title="On the site")
        edit_url = reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk})
        page = artist_client.get(edit_url).content.decode()
        assert 'name="title"' not in page
        assert reverse("gallery:artwork-withdraw", kwargs={"pk": artwork.pk}) in page
        assert reverse("gallery:artwork-image-upload", kwargs={"pk": artwork.pk}) not in page

        response = artist_client.post(edit_url, details(), follow=True)
        artwork.refresh_from_db()
        assert artwork.title == "On the site"
        assert "first take it back" in messages_of(response)[0]

        artist_client.post(reverse("gallery:artwork-withdraw", kwargs={"pk": artwork.pk}))
        artwork.refresh_from_db()
        assert artwork.status == Artwork.Status.DRAFT
        assert artwork not in Artwork.objects.published()
        artist_client.post(edit_url, details())
        artwork.refresh_from_db()
        assert artwork.title == "Pomegranate garden"


class TestReview:
    def test_a_draft_without_photos_cannot_be_sent(self, artist, post_committed):
        artwork = draft(artist, with_image=False)
        response = post_committed(reverse("gallery:artwork-submit", kwargs={"pk": artwork.pk}))
        assert response.status_code == 302
        artwork.refresh_from_db()
        assert artwork.status == Artwork.Status.DRAFT
        assert not mail.outbox

    def test_the_refusal_is_shown_in_her_language(self, artist, artist_client):
        artwork = draft(artist, with_image=False)
        response = artist_client.post(
            reverse("gallery:artwork-submit", kwargs={"pk": artwork.pk}), follow=True
        )
        assert messages_of(response) == ["Add at least one photo of the work before sending it for review."]
        assert b"message-error" in response.content

    def test_a_draft_with_a_photo_is_sent_and_the_editors_are_told(
        self, artist, post_committed, django_user_model
    ):
        django_user_model.objects.create_superuser(email="editor@example.org", password="x")
        artwork = draft(artist, title="Ikat coat")
        response = post_committed(reverse("gallery:artwork-submit", kwargs={"pk": artwork.pk}))
        assert response.status_code == 302
        artwork.refresh_from_db()
        assert artwork.status == Artwork.Status.SUBMITTED
        assert artwork.submitted_at is not None
        assert [m.to for m in mail.outbox] == [["editor@example.org"]]
        assert "Ikat coat" in mail.outbox[0].subject + mail.outbox[0].body

    def test_a_submitted_work_cannot_be_sent_twice(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, status=Artwork.Status.SUBMITTED, published_at=None)
        response = artist_client.post(
            reverse("gallery:artwork-submit", kwargs={"pk": artwork.pk}), follow=True
        )
        assert messages_of(response) == ["Only a draft or a work that needs changes can be sent for review."]

    def test_a_draft_cannot_be_taken_back(self, artist, artist_client):
        artwork = draft(artist)
        response = artist_client.post(
            reverse("gallery:artwork-withdraw", kwargs={"pk": artwork.pk}), follow=True
        )
        assert messages_of(response) == ["This work is not waiting for review or published."]

    def test_archiving_takes_a_published_work_off_the_site(self, artist, artist_client):
        artwork = ArtworkFactory(artist=artist, title="Old ikat")
        assert artwork in Artwork.objects.published()
        response = artist_client.post(reverse("gallery:artwork-archive", kwargs={"pk": artwork.pk}))
        assert response.status_code == 302
        artwork.refresh_from_db()
        assert artwork.status == Artwork.Status.ARCHIVED
        assert artwork not in Artwork.objects.published()

        page = artist_client.get(reverse("gallery:artwork-list")).content.decode()
        archived_part = page[page.index('class="archived-works"') :]
        assert "Old ikat" in archived_part
        edit = artist_client.get(reverse("gallery:artwork-edit", kwargs={"pk": artwork.pk})).content.decode()
        assert reverse("gallery:artwork-archive", kwargs={"pk": artwork.pk}) not in edit
        assert reverse("gallery:artwork-withdraw", kwargs={"pk": artwork.pk}) not in edit
