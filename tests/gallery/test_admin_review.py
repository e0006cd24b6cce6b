"""Editors publish artworks or send them back with a reason, from the Wagtail admin."""

from django.core import mail
from django.urls import reverse

import pytest

from gallery.models import Artwork
from tests.factories import ArtistFactory, ArtworkFactory
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    staff_login(client, django_user_model.objects.create_superuser(email="editor@example.org", password="x"))
    return client


@pytest.fixture
def decide(editor_client, django_capture_on_commit_callbacks):
    def post(artwork, decision, reason=""):
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(
                reverse("artworks_admin:review", args=[artwork.pk]), {"decision": decision, "reason": reason}
            )

    return post


def submitted(**kwargs):
    return ArtworkFactory(status=Artwork.Status.SUBMITTED, published_at=None, **kwargs)


def test_the_artwork_list_filters_by_status(editor_client):
    waiting = submitted(title="Waiting ikat")
    ArtworkFactory(title="Published suzani")
    response = editor_client.get(reverse("artworks_admin:list"), {"status": "submitted"})
    assert response.status_code == 200
    assert waiting.title in response.content.decode()
    assert "Published suzani" not in response.content.decode()


def test_the_review_page_shows_the_images_with_their_alt_text(editor_client):
    artwork = submitted()
    response = editor_client.get(reverse("artworks_admin:review", args=[artwork.pk]))
    assert response.status_code == 200
    assert artwork.images.first().image.alt_text in response.content.decode()


def test_publishing_a_submitted_work_makes_it_public_and_tells_her(decide):
    artwork = submitted(artist__user__language="tg")
    mail.outbox.clear()
    assert decide(artwork, "publish").status_code == 302
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.PUBLISHED
    assert artwork.published_at is not None
    assert Artwork.objects.published().filter(pk=artwork.pk).exists()
    [email] = mail.outbox
    assert email.to == [artwork.artist.user.email]
    assert artwork.title in email.subject


def test_sending_back_needs_a_reason_which_she_receives(decide):
    artwork = submitted()
    assert decide(artwork, "reject").status_code == 200
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.SUBMITTED
    mail.outbox.clear()
    decide(artwork, "reject", reason="Please photograph it in daylight.")
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.REJECTED
    assert artwork.rejection_reason == "Please photograph it in daylight."
    assert "Please photograph it in daylight." in mail.outbox[0].body
    assert not Artwork.objects.published().filter(pk=artwork.pk).exists()


def test_a_draft_of_an_artist_with_an_account_cannot_be_published_over_her_head(decide):
    artwork = ArtworkFactory(status=Artwork.Status.DRAFT, published_at=None)
    assert decide(artwork, "publish").status_code == 200
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.DRAFT


def test_a_work_listed_on_an_artists_behalf_can_be_published_from_draft(decide):
    artist = ArtistFactory(user=None, consent_given_at="2026-11-01", consent_method="in_person")
    artwork = ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None)
    assert decide(artwork, "publish").status_code == 302
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.PUBLISHED


def test_a_work_without_images_cannot_be_published(decide):
    artwork = submitted(with_image=False)
    response = decide(artwork, "publish")
    assert response.status_code == 200
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.SUBMITTED


def test_archiving_takes_a_published_work_off_the_site(decide):
    artwork = ArtworkFactory()
    decide(artwork, "archive")
    artwork.refresh_from_db()
    assert artwork.status == Artwork.Status.ARCHIVED
    assert not Artwork.objects.published().filter(pk=artwork.pk).exists()
