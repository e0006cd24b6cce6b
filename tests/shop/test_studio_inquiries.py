"""She reads buyers' questions in her studio and answers them; the buyer gets the answer by
email, and the buyer's address never appears on her pages."""

from django.core import mail
from django.urls import reverse

import pytest

from artists.models import ArtistProfile
from shop.models import Inquiry, InquiryMessage
from shop.services.inquiries import inquiry_create
from tests.factories import ArtistFactory, ArtworkFactory

pytestmark = pytest.mark.django_db

BUYER_EMAIL = "dilnoza.collector@example.com"


@pytest.fixture
def artist(db):
    return ArtistFactory(display_name="Zarina Karimova", user__language="en")


@pytest.fixture
def artist_client(client, artist):
    client.force_login(artist.user)
    return client


def ask(artist, **fields):
    values = {
        "artwork": ArtworkFactory(artist=artist, title="Pomegranate garden"),
        "name": "Dilnoza",
        "email": BUYER_EMAIL,
        "body": "Could you make one in blue, 2 metres long?",
        "kind": Inquiry.Kind.COMMISSION,
    }
    values.update(fields)
    return inquiry_create(**values)


@pytest.fixture
def inquiry(artist):
    return ask(artist)


def detail_url(inquiry):
    return reverse("shop_studio:inquiry-detail", kwargs={"pk": inquiry.pk})


class TestAccess:
    @pytest.mark.parametrize(
        ("name", "method"), [("inquiry-detail", "get"), ("inquiry-detail", "post"), ("inquiry-close", "post")]
    )
    def test_another_artists_conversation_is_not_found(self, artist_client, name, method):
        theirs = ask(ArtistFactory())
        response = getattr(artist_client, method)(
            reverse(f"shop_studio:{name}", kwargs={"pk": theirs.pk}), {"body": "Hello"}
        )
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.status == Inquiry.Status.OPEN
        assert theirs.messages.count() == 1

    def test_the_list_shows_only_her_conversations(self, artist, artist_client):
        ask(artist, name="Dilnoza")
        ask(ArtistFactory(), name="Someone else")
        content = artist_client.get(reverse("shop_studio:inquiries")).content.decode()
        assert "Dilnoza" in content
        assert "Someone else" not in content

    def test_anonymous_visitors_and_applicants_are_turned_away(self, client, inquiry):
        url = detail_url(inquiry)
        assert client.get(url)["Location"] == f"{reverse('accounts:login')}?next={url}"
        applicant = ArtistFactory(status=ArtistProfile.Status.APPLIED)
        client.force_login(applicant.user)
        assert client.get(reverse("shop_studio:inquiries"))["Location"] == reverse("artists:studio")


def test_her_pages_show_the_buyer_kind_work_and_thread_but_never_the_buyers_email(artist_client, inquiry):
    listing = artist_client.get(reverse("shop_studio:inquiries")).content.decode()
    page = artist_client.get(detail_url(inquiry)).content.decode()
    for content in (listing, page):
        assert "Dilnoza" in content
        assert "A commission request" in content
        assert "Pomegranate garden" in content
        assert BUYER_EMAIL not in content
        assert "dilnoza.collector" not in content
    assert "Could you make one in blue, 2 metres long?" in page
    assert '<span class="nav-count">1<span class="sr-only"> waiting for your answer</span></span>' in listing


def test_her_answer_is_saved_and_emailed_to_the_buyer(
    artist_client, inquiry, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = artist_client.post(detail_url(inquiry), {"body": "Yes, in three weeks, 2400 somoni."})
    assert response["Location"] == detail_url(inquiry)
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED
    answer = inquiry.messages.last()
    assert (answer.sender, answer.body) == (InquiryMessage.Sender.ARTIST, "Yes, in three weeks, 2400 somoni.")
    [email] = mail.outbox
    assert email.to == [BUYER_EMAIL]
    assert "Yes, in three weeks, 2400 somoni." in email.body
    assert inquiry.artist.user.email not in email.body
    page = artist_client.get(detail_url(inquiry)).content.decode()
    assert "Yes, in three weeks" in page
    assert BUYER_EMAIL not in page


def test_an_empty_answer_is_refused_and_nothing_is_sent(
    artist_client, inquiry, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = artist_client.post(detail_url(inquiry), {"body": "   "})
    assert response.status_code == 200
    assert "Write your answer first." in response.content.decode()
    assert inquiry.messages.count() == 1
    assert mail.outbox == []


def test_she_closes_a_conversation(artist_client, inquiry):
    response = artist_client.post(reverse("shop_studio:inquiry-close", kwargs={"pk": inquiry.pk}))
    assert response["Location"] == reverse("shop_studio:inquiries")
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED
    page = artist_client.get(detail_url(inquiry)).content.decode()
    assert "This conversation is closed." in page
    assert "Send my answer" not in page
