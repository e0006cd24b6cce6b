"""Only an approved artist reaches her works in the studio, and never anyone else's."""

from django.urls import reverse

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork, ArtworkImage
from tests.factories import ArtistFactory, ArtworkFactory, ImageFactory

pytestmark = pytest.mark.django_db

# Every studio URL of one work: (name, needs an image id, method).
WORK_URLS = [
    ("gallery:artwork-edit", False, "get"),
    ("gallery:artwork-edit", False, "post"),
    ("gallery:artwork-image-upload", False, "post"),
    ("gallery:artwork-images-order", False, "post"),
    ("gallery:artwork-image-primary", True, "post"),
    ("gallery:artwork-image-remove", True, "post"),
    ("gallery:artwork-submit", False, "post"),
    ("gallery:artwork-withdraw", False, "post"),
    ("gallery:artwork-archive", False, "post"),
]


def work_url(name: str, artwork: Artwork, with_image: bool) -> str:
    kwargs = {"pk": artwork.pk}
    if with_image:
        kwargs["image_pk"] = artwork.images.first().pk
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def her_draft(other_artist):
    """A draft with one photo, by the other artist."""
    return ArtworkFactory(artist=other_artist, status=Artwork.Status.DRAFT, published_at=None)


@pytest.mark.parametrize(("name", "with_image", "method"), WORK_URLS)
def test_another_artists_work_is_not_found_at_any_of_its_urls(
    artist_client, her_draft, name, with_image, method
):
    before = list(Artwork.objects.values_list("pk", "status", "title"))
    images_before = list(ArtworkImage.objects.values_list("pk", "sort_order"))
    response = getattr(artist_client, method)(
        work_url(name, her_draft, with_image), {"title": "Mine now", "order": []}
    )
    assert response.status_code == 404
    assert list(Artwork.objects.values_list("pk", "status", "title")) == before
    assert list(ArtworkImage.objects.values_list("pk", "sort_order")) == images_before


@pytest.mark.parametrize("name", ["gallery:artwork-image-primary", "gallery:artwork-image-remove"])
def test_a_photo_of_another_work_is_not_found_through_her_own_work(artist, artist_client, her_draft, name):
    mine = ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None)
    theirs = her_draft.images.get()
    response = artist_client.post(reverse(name, kwargs={"pk": mine.pk, "image_pk": theirs.pk}))
    assert response.status_code == 404
    assert ArtworkImage.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize(
    ("name", "with_image", "method"), [("gallery:artwork-list", False, "get"), *WORK_URLS]
)
def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(client, her_draft, name, with_image, method):
    url = reverse(name) if name == "gallery:artwork-list" else work_url(name, her_draft, with_image)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("name", ["gallery:artwork-list", "gallery:artwork-create"])
@pytest.mark.parametrize("status", [ArtistProfile.Status.APPLIED, ArtistProfile.Status.SUSPENDED])
def test_an_artist_who_is_not_approved_is_sent_to_the_studio_home(client, name, status):
    applicant = ArtistFactory(status=status)
    client.force_login(applicant.user)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("artists:studio")


def test_an_applicant_cannot_change_her_own_draft_either(client):
    applicant = ArtistFactory(status=ArtistProfile.Status.APPLIED)
    draft = ArtworkFactory(artist=applicant, status=Artwork.Status.DRAFT, published_at=None)
    client.force_login(applicant.user)
    response = client.post(reverse("gallery:artwork-submit", kwargs={"pk": draft.pk}))
    assert response["Location"] == reverse("artists:studio")
    draft.refresh_from_db()
    assert draft.status == Artwork.Status.DRAFT


def test_the_list_shows_her_works_only(artist, artist_client, other_artist):
    ArtworkFactory(artist=artist, title="My pomegranates", status=Artwork.Status.DRAFT, published_at=None)
    ArtworkFactory(artist=other_artist, title="Her ikat")
    response = artist_client.get(reverse("gallery:artwork-list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "My pomegranates" in content
    assert "Her ikat" not in content


def test_the_list_shows_status_reason_and_a_thumbnail_with_alt_text(artist, artist_client):
    work = ArtworkFactory(
        artist=artist,
        title="Ikat coat",
        status=Artwork.Status.REJECTED,
        rejection_reason="Please add a photo in daylight.",
        published_at=None,
        with_image=False,
    )
    ArtworkImage.objects.create(artwork=work, image=ImageFactory(pixel_size=(400, 300)), sort_order=0)
    ArtworkFactory(artist=artist, title="No photo", status=Artwork.Status.DRAFT, with_image=False)
    content = artist_client.get(reverse("gallery:artwork-list")).content.decode()
    assert 'class="status status-rejected">Needs changes<' in content
    assert "Please add a photo in daylight." in content
    assert 'alt="Red suzani embroidery with a band of gold thread"' in content
    assert 'width="160"' in content and 'height="160"' in content
    assert "No photo yet" in content
    assert reverse("gallery:artwork-create") in content


def test_photos_in_the_list_are_not_a_query_each(artist, artist_client, django_assert_max_num_queries):
    for _ in range(4):
        work = ArtworkFactory(artist=artist)
        ArtworkImage.objects.create(artwork=work, image=ImageFactory(), sort_order=1)
    artist_client.get(reverse("gallery:artwork-list"))  # renditions are made on the first visit
    with django_assert_max_num_queries(14):
        assert artist_client.get(reverse("gallery:artwork-list")).status_code == 200
