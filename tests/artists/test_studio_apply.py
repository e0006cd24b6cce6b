"""Applying from the studio: a profile and a few photos of her work, each through the one
upload pipeline, and an email to the editors."""

from django.core import mail
from django.urls import reverse

import pytest

from artists.models import ArtistProfile, Discipline, Region
from heritage.images import forms as image_forms
from heritage.models import CustomImage
from tests.artists.conftest import not_a_photo, phone_photo
from tests.heritage.images import metadata_of

pytestmark = pytest.mark.django_db

URL = "/en/studio/apply/"
BIO = "I learnt suzani from my grandmother in Istaravshan and have embroidered for twenty years."


def application(**overrides):
    data = {
        "display_name": "Madina",
        "region": Region.SUGHD,
        "disciplines": [Discipline.objects.get(slug="embroidery").pk],
        "bio": BIO,
        "statement": "",
        "phone": "+992 900 123 456",
        "samples": [phone_photo("IMG_0001.jpg"), phone_photo("IMG_0002.jpg")],
    }
    data.update(overrides)
    return data


def test_applying_creates_an_applied_profile_with_clean_samples_and_tells_the_editors(
    newcomer, newcomer_client, reviewer, post_committed
):
    response = post_committed(URL, application())

    assert response.status_code == 302
    assert response["Location"] == reverse("artists:studio")
    artist = ArtistProfile.objects.get(user=newcomer)
    assert artist.status == ArtistProfile.Status.APPLIED
    assert artist.display_name == "Madina"
    assert artist.slug == "madina"
    assert artist.bio == BIO
    assert artist.region == Region.SUGHD
    assert artist.show_location is False
    assert artist.phone == "+992 900 123 456"
    assert [d.slug for d in artist.disciplines.all()] == ["embroidery"]

    samples = [sample.image for sample in artist.samples.order_by("sort_order")]
    assert len(samples) == 2
    for image in samples:
        assert image.alt_text == "Sample work by Madina"
        assert image.uploaded_by_user == newcomer
        with image.open_file() as f:
            meta = metadata_of(f.read())
        assert meta["exif"] == {}, "EXIF (with GPS) survived"
        assert meta["info_keys"] == []

    (message,) = mail.outbox
    assert message.to == [reviewer.email]
    assert "Madina" in message.subject


def test_the_studio_thanks_her_after_applying(newcomer_client):
    response = newcomer_client.post(URL, application(), follow=True)
    assert "Your application is with our editors" in response.content.decode()


def test_a_file_that_is_not_a_photo_is_refused_and_what_she_typed_is_kept(newcomer_client):
    response = newcomer_client.post(
        URL, application(samples=[phone_photo("IMG_0001.jpg"), not_a_photo("notes.jpg")])
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "notes.jpg: This file is not an image we can read." in content
    assert BIO in content
    assert 'value="Madina"' in content
    assert "please choose your photos again" in content
    assert not ArtistProfile.objects.exists()
    assert not CustomImage.objects.exists()


def test_she_must_send_at_least_one_photo(newcomer_client):
    response = newcomer_client.post(URL, application(samples=[]))
    assert response.status_code == 200
    assert response.context["form"].errors["samples"]
    assert not ArtistProfile.objects.exists()


def test_she_may_send_at_most_five_photos(newcomer_client):
    photos = [phone_photo(f"IMG_{n}.jpg") for n in range(6)]
    response = newcomer_client.post(URL, application(samples=photos))
    assert response.status_code == 200
    assert "at most 5 photos" in response.content.decode()
    assert not CustomImage.objects.exists()


def test_a_missing_region_and_bio_are_explained(newcomer_client):
    response = newcomer_client.post(URL, application(region="", bio=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"region", "bio"}
    assert not CustomImage.objects.exists()


def test_she_cannot_apply_as_approved_or_for_someone_else(newcomer, newcomer_client, other_artist):
    newcomer_client.post(
        URL, application(status="approved", user=other_artist.user.pk, slug="taken", commission_percent=0)
    )
    artist = ArtistProfile.objects.get(display_name="Madina")
    assert artist.user == newcomer
    assert artist.status == ArtistProfile.Status.APPLIED
    assert artist.slug == "madina"
    assert artist.commission_percent is None


def test_an_unconfirmed_email_address_cannot_apply(client, newcomer, reviewer):
    newcomer.email_verified_at = None
    newcomer.save()
    client.force_login(newcomer)

    page = client.get(URL)
    assert page.status_code == 200
    content = page.content.decode()
    assert "please confirm your email address" in content.lower()
    assert f'href="{reverse("accounts:account")}"' in content
    assert 'name="samples"' not in content

    response = client.post(URL, application())
    assert response.status_code == 403
    assert not ArtistProfile.objects.exists()
    assert not CustomImage.objects.exists()
    assert mail.outbox == []


def test_the_form_explains_what_stays_private(newcomer_client):
    content = newcomer_client.get(URL).content.decode()
    assert "Buyers never see it." in content
    assert "A pseudonym is fine." in content
    assert 'type="file"' in content and "multiple" in content and 'accept="image/*"' in content
    assert 'enctype="multipart/form-data"' in content


def test_her_photos_are_decoded_once_when_the_application_is_right_not_on_every_try(
    newcomer_client, monkeypatch
):
    decoded = []
    sanitize = image_forms.sanitize_image
    monkeypatch.setattr(
        image_forms,
        "sanitize_image",
        lambda upload, name, **kw: decoded.append(name) or sanitize(upload, name, **kw),
    )
    response = newcomer_client.post(URL, application(bio=""))
    assert response.status_code == 200
    assert decoded == [], "nothing is saved, so nothing needs decoding"

    response = newcomer_client.post(
        URL, application(bio="", samples=[phone_photo("IMG_0001.jpg"), not_a_photo("notes.jpg")])
    )
    assert "notes.jpg: This file is not an image we can read." in response.content.decode()
    assert decoded == []

    assert newcomer_client.post(URL, application()).status_code == 302
    assert sorted(decoded) == ["IMG_0001.jpg", "IMG_0002.jpg"]
    assert CustomImage.objects.count() == 2
