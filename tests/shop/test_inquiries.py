"""A buyer asks an artist about a work; the site relays both ways and keeps both addresses private."""

from django.core import mail

import pytest

from shop.models import Inquiry, InquiryMessage
from shop.services.inquiries import inquiry_reply
from tests.factories import UserFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

pytestmark = pytest.mark.django_db

BUYER_EMAIL = "dilnoza.buyer@example.org"
ARTIST_EMAIL = "zarina.artist@example.org"


@pytest.fixture
def work(db):
    gallery_pages_build()
    artist = artist_make(
        display_name="Zarina Karimova", slug="zarina", user=UserFactory(email=ARTIST_EMAIL, language="en")
    )
    return work_make(artist, slug="garden", title="Pomegranate garden")


def ask(client, work, **overrides):
    data = {
        "name": "Dilnoza",
        "email": BUYER_EMAIL,
        "kind": "commission",
        "body": "Could you make a blue one?",
    }
    data.update(overrides)
    return client.post(f"/en/shop/ask/{work.pk}/", data)


def test_the_artist_is_emailed_the_question_without_the_buyers_address(
    client, work, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, work)

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/shop/inquiries/{inquiry.token}/"
    assert inquiry.kind == Inquiry.Kind.COMMISSION
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [ARTIST_EMAIL]
    assert "Could you make a blue one?" in email.body
    assert BUYER_EMAIL not in email.body
    assert BUYER_EMAIL not in email.subject
    assert not email.reply_to
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you. Your message is on its way to Zarina Karimova" in thanks
    assert ARTIST_EMAIL not in thanks


def test_the_buyer_receives_the_answer_and_reads_it_by_her_link(
    client, work, django_capture_on_commit_callbacks
):
    ask(client, work)
    inquiry = Inquiry.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        inquiry_reply(inquiry, sender=InquiryMessage.Sender.ARTIST, body="Yes, in indigo silk.")

    email = mail.outbox[-1]
    assert email.to == [BUYER_EMAIL]
    assert "Yes, in indigo silk." in email.body
    assert f"/en/shop/inquiries/{inquiry.token}/" in email.body
    assert ARTIST_EMAIL not in email.body
    thread = client.get(f"/en/shop/inquiries/{inquiry.token}/").content.decode()
    assert "Yes, in indigo silk." in thread
    assert "Could you make a blue one?" in thread


def test_the_buyer_answers_back_from_the_thread(client, work, django_capture_on_commit_callbacks):
    ask(client, work)
    inquiry = Inquiry.objects.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/shop/inquiries/{inquiry.token}/", {"body": "About 1 metre wide."})

    assert response.status_code == 302
    assert list(inquiry.messages.values_list("sender", "body")) == [
        ("buyer", "Could you make a blue one?"),
        ("buyer", "About 1 metre wide."),
    ]
    assert mail.outbox[0].to == [ARTIST_EMAIL]


def test_a_wrong_thread_token_finds_nothing(client, work):
    assert client.get("/en/shop/inquiries/nope/").status_code == 404


def test_a_message_without_an_email_is_refused_with_the_text_kept(client, work):
    response = ask(client, work, email="")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Could you make a blue one?" in html
    assert not Inquiry.objects.exists()


def test_a_signed_in_buyer_finds_her_name_and_email_filled_in(client, work):
    client.force_login(UserFactory(email="madina@example.org", first_name="Madina", last_name="K"))

    html = client.get(f"/en/shop/ask/{work.pk}/").content.decode()

    assert 'value="madina@example.org"' in html
    assert 'value="Madina K"' in html
