"""Private documents (a private collection's, payout proofs) open only in a session that has
passed two-step sign-in; a stolen password alone downloads nothing. Public documents stay
public."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from shop.models import Payout
from tests.factories import ArtistFactory, UserFactory, root_collection
from tests.two_factor import authenticator_for, staff_login

pytestmark = pytest.mark.django_db

PASSWORD = "chakan-Kulob-Thread-2001"
CONTENT = b"%PDF-1.4 bank slip"


def document(title: str, collection: Collection):
    return get_document_model().objects.create(
        title=title, file=ContentFile(CONTENT, name=f"{title}.pdf"), collection=collection
    )


@pytest.fixture
def private_collection(db):
    collection = root_collection().add_child(name="Finance")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def bookkeeper(db):
    return UserFactory(email="books@tajikheritage.local", password=PASSWORD, is_staff=True, is_superuser=True)


def password_only(user) -> Client:
    browser = Client()
    assert browser.post("/admin/login/", {"username": user.email, "password": PASSWORD}).status_code == 302
    return browser


def test_a_private_collections_document_is_refused_to_a_password_only_session(bookkeeper, private_collection):
    authenticator_for(bookkeeper)
    url = document("statement", private_collection).url

    response = password_only(bookkeeper).get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/two-factor/?next=")
    assert CONTENT not in response.content


def test_a_private_collections_document_is_served_in_a_verified_session(bookkeeper, private_collection):
    url = document("statement", private_collection).url

    response = staff_login(Client(), bookkeeper).get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT


def test_a_payout_proof_needs_a_verified_session_even_in_a_public_collection(bookkeeper):
    proof = document("slip", root_collection())
    Payout.objects.create(artist=ArtistFactory(), amount=50000, method=Payout.Method.BANK, proof=proof)

    assert Client().get(proof.url).status_code == 302
    assert password_only(bookkeeper).get(proof.url).status_code == 302
    response = staff_login(Client(), bookkeeper).get(proof.url)
    assert b"".join(response.streaming_content) == CONTENT


def test_an_account_without_two_step_sign_in_is_refused_a_private_document(client, private_collection):
    client.force_login(UserFactory())

    assert client.get(document("statement", private_collection).url).status_code == 403


def test_a_public_document_stays_public(client):
    response = client.get(document("programme", root_collection()).url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT


def test_documents_are_never_linked_straight_to_storage():
    # "direct" would put the storage's address in pages and skip the check above.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
