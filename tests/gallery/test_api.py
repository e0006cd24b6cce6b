"""The read API shows the public what the site shows them, and nothing private."""

import json

from django.core.cache import caches

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork, ArtworkImage, Medium
from tests.factories import ArtistFactory, ArtworkFactory, ImageFactory, build_site

pytestmark = pytest.mark.django_db

ARTWORKS = "/api/v2/artworks/"
IMAGES = "/api/v2/images/"
PAGES = "/api/v2/pages/"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Wagtail caches renditions by image id and file hash, and both repeat between tests."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def zarina(db):
    return ArtistFactory(
        display_name="Zarina Karimova",
        user__email="zarina.private@example.org",
        phone="+992 93 555 12 34",
        region="gbao",
        show_location=True,
        consent_note="Agreed by phone with her niece",
        claim_email="zarina.claim@example.org",
    )


@pytest.fixture
def nigora(db):
    return ArtistFactory(display_name="Nigora Sharipova", region="khatlon", show_location=False)


def _status(client, url: str) -> int:
    """The API's own answer: a missing item is a JSON 404, never a redirect to /en/…."""
    response = client.get(url)
    if response.status_code == 404:
        assert response["Content-Type"].startswith("application/json")
    return response.status_code


def _titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_lists_only_published_works_of_approved_artists(client, zarina):
    published = ArtworkFactory(artist=zarina, title="Pomegranates")
    for status in (Artwork.Status.DRAFT, Artwork.Status.SUBMITTED, Artwork.Status.REJECTED):
        ArtworkFactory(artist=zarina, title=f"Work {status}", status=status)
    hidden = {}
    for status in (ArtistProfile.Status.APPLIED, ArtistProfile.Status.SUSPENDED):
        hidden[status] = ArtworkFactory(artist=ArtistFactory(status=status), title=f"By {status}")

    response = client.get(ARTWORKS)

    assert _titles(response) == {"Pomegranates"}
    assert response.json()["meta"]["total_count"] == 1
    assert client.get(f"{ARTWORKS}{published.pk}/").status_code == 200
    draft = Artwork.objects.get(title="Work draft")
    assert _status(client, f"{ARTWORKS}{draft.pk}/") == 404
    for work in hidden.values():
        assert _status(client, f"{ARTWORKS}{work.pk}/") == 404


def test_artwork_fields(client, zarina):
    medium = Medium.objects.order_by("pk").first()
    work = ArtworkFactory(
        artist=zarina,
        title="Pomegranates",
        medium=medium,
        materials="Silk on cotton",
        width_cm=80,
        height_cm=120,
        description="Garden at dawn.",
    )
    work.tags.add("suzani")
    work.save()

    item = client.get(f"{ARTWORKS}{work.pk}/").json()

    assert item["title"] == "Pomegranates"
    assert item["slug"] == work.slug
    assert item["medium"] == {"slug": medium.slug, "name": medium.name_en}
    assert item["materials"] == "Silk on cotton"
    assert (item["width_cm"], item["height_cm"], item["depth_cm"]) == (80.0, 120.0, None)
    assert item["orientation"] == "portrait"
    assert item["tags"] == ["suzani"]
    assert item["artist"] == {
        "display_name": "Zarina Karimova",
        "slug": zarina.slug,
        "region": {"slug": "gbao", "name": "GBAO"},
    }
    [image] = item["images"]
    assert image["alt_text"] == "Red suzani embroidery with a band of gold thread"
    assert image["rendition"]["url"].startswith("http://testserver/media/")
    assert image["rendition"]["url"].endswith(".jpg")
    assert item["meta"]["detail_url"].endswith(f"{ARTWORKS}{work.pk}/")


def test_no_private_data_anywhere(client, zarina, nigora):
    zarina.portrait = ImageFactory()
    zarina.save()
    ArtworkFactory(artist=zarina)
    ArtworkFactory(artist=nigora)
    private = [
        "zarina.private@example.org",
        "+992 93 555 12 34",
        "niece",
        "zarina.claim@example.org",
        "khatlon",
        "Khatlon",
        "consent",
        "user",
        "status",
        "commission",
    ]

    for url in (ARTWORKS, f"{ARTWORKS}?limit=20", IMAGES, f"{IMAGES}?fields=*"):
        body = json.dumps(client.get(url).json())
        for value in private:
            assert value not in body, (url, value)
    nigora_item = next(i for i in client.get(ARTWORKS).json()["items"] if i["artist"]["slug"] == nigora.slug)
    assert nigora_item["artist"]["region"] is None


def test_asking_for_other_fields_is_refused(client, zarina):
    ArtworkFactory(artist=zarina)
    for query in ("fields=*", "fields=artist(phone)", "status=draft", "phone=1"):
        response = client.get(f"{ARTWORKS}?{query}")
        assert response.status_code == 400, query
    assert client.get(f"{IMAGES}?fields=uploaded_by_user").status_code == 400


def test_filters(client, zarina, nigora):
    media = list(Medium.objects.order_by("pk")[:2])
    ArtworkFactory(artist=zarina, title="Suzani", medium=media[0], width_cm=100, height_cm=50)
    ArtworkFactory(artist=zarina, title="Tall", medium=media[1], width_cm=50, height_cm=100)
    ArtworkFactory(artist=nigora, title="Hidden region", medium=media[0], width_cm=50, height_cm=50)

    assert _titles(client.get(f"{ARTWORKS}?medium={media[0].slug}")) == {"Suzani", "Hidden region"}
    assert _titles(client.get(f"{ARTWORKS}?orientation=landscape")) == {"Suzani"}
    assert _titles(client.get(f"{ARTWORKS}?orientation=square")) == {"Hidden region"}
    assert _titles(client.get(f"{ARTWORKS}?artist={nigora.slug}")) == {"Hidden region"}
    assert _titles(client.get(f"{ARTWORKS}?region=gbao")) == {"Suzani", "Tall"}
    # She keeps her region private: filtering by it must not find her.
    assert _titles(client.get(f"{ARTWORKS}?region=khatlon")) == set()
    assert _titles(client.get(f"{ARTWORKS}?search=tall")) == {"Tall"}


def test_search_never_finds_hidden_works(client, zarina):
    ArtworkFactory(artist=zarina, title="Golden thread", status=Artwork.Status.DRAFT)
    ArtworkFactory(artist=ArtistFactory(status=ArtistProfile.Status.SUSPENDED), title="Golden field")
    assert _titles(client.get(f"{ARTWORKS}?search=golden")) == set()


def test_pagination(client, zarina):
    for n in range(5):
        ArtworkFactory(artist=zarina, title=f"Work {n}")

    first = client.get(f"{ARTWORKS}?limit=2").json()
    second = client.get(f"{ARTWORKS}?limit=2&offset=2").json()

    assert first["meta"]["total_count"] == 5
    assert len(first["items"]) == len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert client.get(f"{ARTWORKS}?limit=1000").status_code == 400


def test_pages_lists_live_pages(client):
    pages = build_site(locales=("en",))
    about = pages["about"]["en"]
    draft = about.add_child(instance=type(about)(title="Unpublished plans", slug="plans", live=False))

    response = client.get(PAGES)

    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert about.title in titles
    assert draft.title not in titles
    assert _status(client, f"{PAGES}{draft.pk}/") == 404


def test_images_lists_only_public_images(client, zarina):
    public = ArtworkFactory(artist=zarina).primary_image
    draft_only = ArtworkFactory(artist=zarina, status=Artwork.Status.DRAFT).primary_image
    suspended = ArtworkFactory(artist=ArtistFactory(status=ArtistProfile.Status.SUSPENDED)).primary_image
    unused = ImageFactory()
    zarina.portrait = ImageFactory(title="Portrait of Zarina")
    zarina.save()

    response = client.get(IMAGES)

    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {public.pk, zarina.portrait.pk}
    for image in (draft_only, suspended, unused):
        assert _status(client, f"{IMAGES}{image.pk}/") == 404
    item = client.get(f"{IMAGES}{public.pk}/").json()
    assert item["alt_text"] == public.alt_text
    assert item["meta"]["rendition"]["url"].startswith("http://testserver/media/")
    assert "download_url" not in item["meta"]
    assert "original_images" not in json.dumps(item)


def test_image_shared_with_a_draft_stays_public(client, zarina):
    work = ArtworkFactory(artist=zarina)
    draft = ArtworkFactory(artist=zarina, status=Artwork.Status.DRAFT, with_image=False)
    ArtworkImage.objects.create(artwork=draft, image=work.primary_image, sort_order=0)

    ids = [item["id"] for item in client.get(IMAGES).json()["items"]]

    assert ids == [work.primary_image.pk]
