"""An artist whose work an editor listed for her takes the profile over with a one-time code."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from artists.services import artist_claim_code_issue
from tests.factories import ArtistFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/en/studio/claim/"


@pytest.fixture
def listed_artist(reviewer):
    """A profile an editor made on her behalf, with her consent recorded."""
    return ArtistFactory(
        user=None,
        display_name="Bibi Sadbarg",
        consent_given_at=datetime.date(2026, 10, 1),
        consent_method=ArtistProfile.ConsentMethod.IN_PERSON,
        consent_recorded_by=reviewer,
    )


@pytest.fixture
def code(listed_artist, reviewer):
    return artist_claim_code_issue(artist=listed_artist, by=reviewer)


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code,
        lambda code: code.lower(),
        lambda code: f"  {code.replace('-', ' ')}  ",
        lambda code: code.replace("-", ""),
    ],
    ids=["as-given", "small-letters", "spaces", "no-dash"],
)
def test_a_valid_code_links_the_profile_to_her_account(newcomer, newcomer_client, listed_artist, code, typed):
    response = newcomer_client.post(URL, {"code": typed(code)})

    assert response.status_code == 302
    assert response["Location"] == reverse("artists:studio")
    listed_artist.refresh_from_db()
    assert listed_artist.user == newcomer
    assert listed_artist.claim_code_hash == ""


def test_a_code_typed_on_a_cyrillic_keyboard_works(newcomer, newcomer_client, listed_artist, code):
    cyrillic = code.translate(str.maketrans("ABCEHKMPTXY", "АВСЕНКМРТХУ"))
    newcomer_client.post(URL, {"code": cyrillic})
    listed_artist.refresh_from_db()
    assert listed_artist.user == newcomer


def test_after_claiming_her_studio_welcomes_her(newcomer_client, listed_artist, code):
    response = newcomer_client.post(URL, {"code": code}, follow=True)
    content = response.content.decode()
    assert "Your profile is now linked to your account" in content
    assert "Hello, Bibi Sadbarg" in content


def test_a_wrong_code_is_refused_with_a_clear_message(newcomer_client, listed_artist, code):
    wrong = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    response = newcomer_client.post(URL, {"code": wrong})

    assert response.status_code == 200
    assert "This code is not valid or has expired" in response.content.decode()
    listed_artist.refresh_from_db()
    assert listed_artist.user is None


def test_an_expired_code_is_refused(newcomer_client, listed_artist, code):
    listed_artist.claim_code_expires_at = timezone.now() - datetime.timedelta(minutes=1)
    listed_artist.save(update_fields=["claim_code_expires_at"])

    response = newcomer_client.post(URL, {"code": code})

    assert response.status_code == 200
    assert "This code is not valid or has expired" in response.content.decode()
    listed_artist.refresh_from_db()
    assert listed_artist.user is None


def test_a_code_works_only_once(client, newcomer_client, listed_artist, code):
    newcomer_client.post(URL, {"code": code})
    client.force_login(UserFactory())
    response = client.post(URL, {"code": code})
    assert response.status_code == 200
    assert "This code is not valid or has expired" in response.content.decode()


def test_a_code_of_the_wrong_length_is_explained(newcomer_client, listed_artist, code):
    response = newcomer_client.post(URL, {"code": "ABC-12"})
    assert response.status_code == 200
    assert "eight letters and numbers" in response.content.decode()


def test_the_error_is_shown_in_her_language(newcomer_client, listed_artist, code):
    response = newcomer_client.post("/ru/studio/claim/", {"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 200
    assert '<html lang="ru">' in response.content.decode()
    assert response.context["form"].errors["code"]


def test_the_refusal_itself_is_in_her_language(newcomer_client, listed_artist, code):
    english = "This code is not valid or has expired. Ask the editor for a new one."
    response = newcomer_client.post("/ru/studio/claim/", {"code": "ZZZZ-ZZZZ"})
    [message] = response.context["form"].errors["code"]
    assert message != english
    assert re.search("[а-яё]", message)
    assert message in response.content.decode()
