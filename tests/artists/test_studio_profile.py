"""She edits her own profile in the studio: only hers, never her status or address, and a
turned-down application can be sent again."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from artists.models import ArtistProfile, Discipline, Region
from heritage.models import CustomImage
from tests.artists.conftest import not_a_photo, phone_photo
from tests.factories import ArtistFactory, ImageFactory
from tests.heritage.images import metadata_of

pytestmark = pytest.mark.django_db

URL = "/en/studio/profile/"


def profile_data(artist, **overrides):
    data = {
        "display_name": artist.display_name,
        "bio": artist.bio,
        "statement": artist.statement,
        "region": artist.region,
        "disciplines": [d.pk for d in artist.disciplines.all()],
        "website": artist.website,
        "instagram": artist.instagram,
        "telegram": artist.telegram,
        "phone": artist.phone,
        "portrait_alt": f"Portrait of {artist.display_name}",
        "action": "save",
    }
    if artist.show_location:
        data["show_location"] = "on"
    data.update(overrides)
    return data


def test_the_form_shows_her_profile(artist_client, approved_artist):
    response = artist_client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Zarina Karimova"' in content
    assert approved_artist.bio in content
    assert "Save and send my application again" not in content


def test_editing_changes_her_profile_and_keeps_the_address_of_her_page(artist_client, approved_artist):
    ceramics = Discipline.objects.get(slug="ceramics")
    response = artist_client.post(
        URL,
        profile_data(
            approved_artist,
            display_name="Zarina K.",
            bio="Blue-glazed bowls from Khujand.",
            region=Region.KHATLON,
            show_location="on",
            disciplines=[ceramics.pk],
            website="https://zarina.example.org",
            instagram="@zarina.clay",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("artists:profile-edit")
    approved_artist.refresh_from_db()
    assert approved_artist.display_name == "Zarina K."
    assert approved_artist.bio == "Blue-glazed bowls from Khujand."
    assert approved_artist.region == Region.KHATLON
    assert approved_artist.show_location is True
    assert list(approved_artist.disciplines.all()) == [ceramics]
    assert approved_artist.website == "https://zarina.example.org"
    assert approved_artist.instagram == "@zarina.clay"
    assert approved_artist.slug == "zarina-karimova"


def test_she_can_only_change_her_own_profile(client, other_artist):
    artist = ArtistFactory(status=ArtistProfile.Status.APPLIED, display_name="Madina")
    client.force_login(artist.user)
    other_before = ArtistProfile.objects.filter(pk=other_artist.pk).values().get()

    client.post(
        URL,
        profile_data(
            artist,
            bio="Changed by me.",
            user=other_artist.user.pk,
            status="approved",
            slug="someone-else",
            commission_percent="0",
            rejection_reason="none",
            id=other_artist.pk,
            pk=other_artist.pk,
        ),
    )

    artist.refresh_from_db()
    assert artist.bio == "Changed by me."
    assert artist.user_id != other_artist.user_id
    assert artist.status == ArtistProfile.Status.APPLIED
    assert artist.slug == "madina"
    assert artist.commission_percent is None
    other_after = ArtistProfile.objects.filter(pk=other_artist.pk).values().get()
    assert other_after == other_before


@pytest.mark.parametrize(
    "status",
    [
        ArtistProfile.Status.APPLIED,
        ArtistProfile.Status.APPROVED,
        ArtistProfile.Status.REJECTED,
        ArtistProfile.Status.SUSPENDED,
    ],
)
def test_saving_her_profile_never_changes_her_status(client, status):
    artist = ArtistFactory(
        status=status, rejection_reason="A reason." if status in ("rejected", "suspended") else ""
    )
    client.force_login(artist.user)
    response = client.post(URL, profile_data(artist, bio="A new bio."))
    assert response.status_code == 302
    artist.refresh_from_db()
    assert artist.bio == "A new bio."
    assert artist.status == status


def test_a_turned_down_artist_sends_her_application_again(client, reviewer, post_committed):
    artist = ArtistFactory(status=ArtistProfile.Status.REJECTED, rejection_reason="Sharper photos, please.")
    client.force_login(artist.user)
    page = client.get(URL).content.decode()
    assert "Sharper photos, please." in page
    assert "Save and send my application again" in page

    response = post_committed(URL, profile_data(artist, bio="Now with sharper photos.", action="reapply"))

    assert response.status_code == 302
    assert response["Location"] == reverse("artists:studio")
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.APPLIED
    assert artist.bio == "Now with sharper photos."
    assert artist.rejection_reason == ""
    (message,) = mail.outbox
    assert message.to == [reviewer.email]


def test_an_approved_artist_cannot_send_herself_back_for_review(artist_client, approved_artist, reviewer):
    response = artist_client.post(URL, profile_data(approved_artist, action="reapply"), follow=True)
    assert response.status_code == 200
    approved_artist.refresh_from_db()
    assert approved_artist.status == ArtistProfile.Status.APPROVED
    assert "nothing to send again" in response.content.decode()
    assert mail.outbox == []


def test_a_new_portrait_is_stored_clean_with_her_description(artist_client, approved_artist):
    response = artist_client.post(
        URL,
        profile_data(
            approved_artist,
            portrait_file=phone_photo("me.jpg"),
            portrait_alt="Zarina at her potter's wheel",
        ),
    )
    assert response.status_code == 302
    approved_artist.refresh_from_db()
    portrait = approved_artist.portrait
    assert portrait.alt_text == "Zarina at her potter's wheel"
    assert portrait.uploaded_by_user == approved_artist.user
    with portrait.open_file() as f:
        assert metadata_of(f.read())["exif"] == {}


def test_the_portrait_description_is_required(artist_client, approved_artist):
    response = artist_client.post(
        URL, profile_data(approved_artist, portrait_file=phone_photo("me.jpg"), portrait_alt="  ")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["portrait_alt"]
    assert not CustomImage.objects.exists()


def test_a_refused_portrait_keeps_everything_else_she_typed(artist_client, approved_artist):
    old = ImageFactory()
    approved_artist.portrait = old
    approved_artist.save()

    response = artist_client.post(
        URL,
        profile_data(
            approved_artist,
            display_name="Zarina K.",
            bio="A bio she spent an hour on.",
            portrait_file=not_a_photo("portrait.heic"),
            portrait_alt="Zarina smiling",
        ),
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "portrait.heic: This file is not an image we can read." in content
    assert "A bio she spent an hour on." in content
    assert 'value="Zarina K."' in content
    assert "please choose your portrait again" in content
    approved_artist.refresh_from_db()
    assert approved_artist.portrait == old
    assert approved_artist.display_name == "Zarina Karimova"


def test_the_description_of_her_current_portrait_can_be_changed(artist_client, approved_artist):
    approved_artist.portrait = ImageFactory(alt_text="Old words")
    approved_artist.save()
    artist_client.post(URL, profile_data(approved_artist, portrait_alt="Zarina in her workshop"))
    approved_artist.refresh_from_db()
    assert approved_artist.portrait.alt_text == "Zarina in her workshop"


def test_a_website_that_is_not_an_address_is_explained(artist_client, approved_artist):
    response = artist_client.post(URL, profile_data(approved_artist, website="my site"))
    assert response.status_code == 200
    assert response.context["form"].errors["website"]


def test_an_upload_with_an_empty_file_is_refused(artist_client, approved_artist):
    response = artist_client.post(
        URL, profile_data(approved_artist, portrait_file=SimpleUploadedFile("empty.jpg", b""))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["portrait_file"]
