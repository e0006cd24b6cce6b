"""Every form that sends an email or takes an upload has a limit: a flood gets the friendly
429 page with a Retry-After header, and what she typed is given back to copy."""

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork
from shop.models import Inquiry, InquiryMessage
from shop.services.inquiries import inquiry_create
from tests.factories import ArtistFactory, ArtworkFactory, UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db

XHR = {"headers": {"X-Requested-With": "XMLHttpRequest"}}


def assert_refused(response, *, kept: str = ""):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    text = response.content.decode()
    assert "Too many attempts" in text
    if kept:
        assert kept in text


@pytest.fixture
def inquiry(db):
    gallery_pages_build()
    artist = artist_make(display_name="Zarina", slug="zarina", user=UserFactory(email="zarina@example.org"))
    work = work_make(artist, slug="garden", title="Garden")
    return inquiry_create(
        artwork=work,
        name="Dilnoza",
        email="dilnoza@example.org",
        body="Is it free?",
        kind=Inquiry.Kind.QUESTION,
    )


def test_forty_replies_on_a_thread_send_the_artist_ten_emails(inquiry, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    url = f"/en/shop/inquiries/{inquiry.token}/"
    statuses = []
    for number in range(40):
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(
                Client(REMOTE_ADDR=f"203.0.113.{number + 1}")
                .post(url, {"body": f"Reply {number}"})
                .status_code
            )

    assert statuses == [302] * 10 + [429] * 30
    assert len(mail.outbox) == 10
    assert inquiry.messages.filter(sender=InquiryMessage.Sender.BUYER).count() == 11


def test_a_refused_thread_reply_is_given_back(inquiry):
    url = f"/en/shop/inquiries/{inquiry.token}/"
    robot = Client(REMOTE_ADDR="203.0.113.1")
    for number in range(10):
        robot.post(url, {"body": f"Reply {number}"})

    refused = robot.post(url, {"body": "Could it be <b>blue</b>?"})

    assert_refused(refused, kept="Could it be &lt;b&gt;blue&lt;/b&gt;?")


def test_the_artists_answers_are_limited_too(db):
    artist = ArtistFactory(display_name="Zarina Karimova", user__language="en")
    inquiry = inquiry_create(
        artwork=ArtworkFactory(artist=artist),
        name="D",
        email="d@example.org",
        body="Hi",
        kind=Inquiry.Kind.QUESTION,
    )
    studio = Client()
    studio.force_login(artist.user)
    url = reverse("shop_studio:inquiry-detail", kwargs={"pk": inquiry.pk})
    for number in range(30):
        assert studio.post(url, {"body": f"Answer {number}"}).status_code == 302

    assert_refused(studio.post(url, {"body": "Three weeks, 2400 somoni."}), kept="Three weeks, 2400 somoni.")


def test_an_application_flood_is_refused_with_her_words_kept(db):
    newcomer = UserFactory(email_verified_at=timezone.now(), language="en")
    browser = Client()
    browser.force_login(newcomer)
    for _ in range(10):
        assert (
            browser.post("/en/studio/apply/", {"display_name": "Madina", "bio": "Suzani."}).status_code == 200
        )

    refused = browser.post("/en/studio/apply/", {"display_name": "Madina", "bio": "I embroider suzani."})

    assert_refused(refused, kept="I embroider suzani.")
    assert not ArtistProfile.objects.filter(user=newcomer).exists()


@pytest.fixture
def artist_browser(db):
    artist = ArtistFactory(display_name="Zarina Karimova", user__language="en")
    browser = Client()
    browser.force_login(artist.user)
    browser.artist = artist
    return browser


def test_photo_uploads_are_limited_and_a_script_upload_gets_json(artist_browser):
    draft = ArtworkFactory(artist=artist_browser.artist, status=Artwork.Status.DRAFT, with_image=False)
    url = reverse("gallery:artwork-image-upload", kwargs={"pk": draft.pk})
    for _ in range(100):
        assert artist_browser.post(url, {"alt_text": ""}, **XHR).status_code == 400

    refused = artist_browser.post(url, {"alt_text": "Ikat coat"}, **XHR)

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Too many attempts" in refused.json()["errors"]["__all__"][0]
    assert_refused(artist_browser.post(url, {"alt_text": "Ikat coat, front"}), kept="Ikat coat, front")


def test_new_works_and_profile_photos_share_the_upload_limit(artist_browser):
    for _ in range(100):
        assert artist_browser.post("/en/studio/profile/", {"bio": "x"}).status_code == 200

    assert_refused(artist_browser.post("/en/studio/profile/", {"bio": "Ceramics."}), kept="Ceramics.")
    assert_refused(
        artist_browser.post(
            reverse("gallery:artwork-create"), {"title": "Ikat coat", "description": "Silk."}
        ),
        kept="Silk.",
    )


def test_sending_a_work_for_review_again_and_again_is_limited(artist_browser):
    work = ArtworkFactory(artist=artist_browser.artist, status=Artwork.Status.DRAFT)
    submit = reverse("gallery:artwork-submit", kwargs={"pk": work.pk})
    withdraw = reverse("gallery:artwork-withdraw", kwargs={"pk": work.pk})
    for _ in range(30):
        assert artist_browser.post(submit).status_code == 302
        artist_browser.post(withdraw)

    assert_refused(artist_browser.post(submit))
    work.refresh_from_db()
    assert work.status == Artwork.Status.DRAFT


def test_asking_again_and_again_for_a_confirmation_link_is_limited(db):
    browser = Client()
    browser.force_login(UserFactory(email_verified_at=None))
    for _ in range(10):
        assert browser.post("/en/accounts/verify/resend/").status_code == 302

    assert_refused(browser.post("/en/accounts/verify/resend/"))
