"""Who reaches which studio page, what the studio home says for each status, and that
every studio page works in all three languages."""

from django.urls import reverse
from django.utils import translation

import pytest

from artists.models import ArtistProfile
from gallery.models import ArtistIndexPage
from tests.factories import ArtistFactory, build_site

pytestmark = pytest.mark.django_db

STUDIO_URLS = ["artists:studio", "artists:apply", "artists:profile-edit", "artists:claim"]


@pytest.mark.parametrize("name", STUDIO_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in_and_brought_back(client, name, method):
    url = reverse(name)
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_sign_in_redirect_keeps_her_language(client, language):
    response = client.get(f"/{language}/studio/")
    assert response["Location"] == f"/{language}/accounts/login/?next=/{language}/studio/"


@pytest.mark.parametrize("name", ["artists:studio", "artists:profile-edit"])
def test_a_signed_in_user_without_a_profile_is_sent_to_apply(newcomer_client, name):
    response = newcomer_client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("artists:apply")


@pytest.mark.parametrize("name", ["artists:apply", "artists:claim"])
def test_an_artist_who_has_a_profile_goes_to_her_studio_instead_of_applying_or_claiming(artist_client, name):
    response = artist_client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("artists:studio")


def test_an_applicant_reads_that_we_will_email_her(client):
    artist = ArtistFactory(status=ArtistProfile.Status.APPLIED, user__email="gulnora@example.org")
    client.force_login(artist.user)
    content = client.get(reverse("artists:studio")).content.decode()
    assert "Your application is with our editors" in content
    assert "We will email you at" in content
    assert "gulnora@example.org" in content
    assert reverse("gallery:artwork-list") not in content


def test_a_turned_down_applicant_reads_the_reason_and_can_edit_and_apply_again(client):
    artist = ArtistFactory(
        status=ArtistProfile.Status.REJECTED,
        rejection_reason="Please send sharper photos of your embroidery.",
    )
    client.force_login(artist.user)
    content = client.get(reverse("artists:studio")).content.decode()
    assert "Please send sharper photos of your embroidery." in content
    assert f'href="{reverse("artists:profile-edit")}"' in content
    assert "Edit my profile and apply again" in content


def test_a_suspended_artist_reads_the_reason(client):
    artist = ArtistFactory(
        status=ArtistProfile.Status.SUSPENDED, rejection_reason="A buyer reported a copied design."
    )
    client.force_login(artist.user)
    content = client.get(reverse("artists:studio")).content.decode()
    assert "Your profile is paused" in content
    assert "A buyer reported a copied design." in content
    assert reverse("gallery:artwork-list") not in content


def test_an_approved_artist_finds_her_works_and_her_profile(artist_client):
    content = artist_client.get(reverse("artists:studio")).content.decode()
    assert "Your profile is public" in content
    assert f'href="{reverse("gallery:artwork-list")}"' in content
    assert f'href="{reverse("artists:profile-edit")}"' in content


def test_an_approved_artist_finds_a_link_to_her_public_page(artist_client, approved_artist):
    home = build_site(locales=("en",))["home"]["en"]
    index = home.add_child(instance=ArtistIndexPage(title="Artists", slug="artists"))
    index.save_revision().publish()

    content = artist_client.get(reverse("artists:studio")).content.decode()
    assert f'href="/en/artists/{approved_artist.slug}/"' in content
    assert "My public page" in content


def test_the_studio_never_links_to_a_public_page_that_does_not_exist(artist_client):
    assert "My public page" not in artist_client.get(reverse("artists:studio")).content.decode()


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_studio_pages_render_in_russian_and_tajik(client, newcomer, approved_artist, language):
    with translation.override(language):
        client.force_login(approved_artist.user)
        for name in ("artists:studio", "artists:profile-edit"):
            response = client.get(reverse(name))
            assert response.status_code == 200, name
            assert f'<html lang="{language}">' in response.content.decode()
        client.force_login(newcomer)
        for name in ("artists:apply", "artists:claim"):
            response = client.get(reverse(name))
            assert response.status_code == 200, name
            assert reverse(name).startswith(f"/{language}/studio/")
            assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "discipline"),
    [("en", "Embroidery (suzani)"), ("ru", "Вышивка (сюзане)"), ("tg", "Гулдӯзӣ (сӯзанӣ)")],
)
def test_disciplines_are_named_in_the_language_of_the_page(newcomer_client, language, discipline):
    content = newcomer_client.get(f"/{language}/studio/apply/").content.decode()
    assert discipline in content
