"""Editors review artist applications in the Wagtail admin; every decision is recorded and
told to the artist in her own language."""

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

import pytest

from artists import services
from artists.models import ArtistProfile
from gallery.models import Artwork
from gallery.selectors.portfolios import artist_get_public, artist_list_public
from tests.factories import ArtistFactory, ArtworkFactory, ImageFactory, UserFactory
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")


@pytest.fixture
def editor_client(client, editor):
    staff_login(client, editor)
    return client


def applicant(language="ru", **kwargs):
    return ArtistFactory(status=ArtistProfile.Status.APPLIED, user__language=language, **kwargs)


@pytest.fixture(autouse=True)
def _commit(django_capture_on_commit_callbacks):
    """Emails leave after commit: let `review()` run those callbacks as each request ends."""
    global _capture
    _capture = django_capture_on_commit_callbacks


def review(client, artist, decision, reason=""):
    with _capture(execute=True):
        return client.post(
            reverse("artists_admin:review", args=[artist.pk]), {"decision": decision, "reason": reason}
        )


def test_the_artist_list_filters_by_status(editor_client):
    waiting = applicant(display_name="Waiting Madina")
    ArtistFactory(display_name="Approved Zarina")
    response = editor_client.get(reverse("artists_admin:list"), {"status": "applied"})
    assert response.status_code == 200
    content = response.content.decode()
    assert waiting.display_name in content
    assert "Approved Zarina" not in content


def test_the_review_page_shows_the_application_and_its_samples(editor_client):
    artist = applicant(display_name="Nigora", bio="Gold thread on velvet.")
    sample = ImageFactory(alt_text="A gold-thread rosette on crimson velvet")
    artist.samples.create(image=sample, sort_order=0)
    artist.save()
    response = editor_client.get(reverse("artists_admin:review", args=[artist.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Gold thread on velvet." in content
    assert "A gold-thread rosette on crimson velvet" in content


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_approving_publishes_her_portfolio_and_emails_her_in_her_language(editor_client, editor, language):
    artist = applicant(language=language)
    assert artist_get_public(slug=artist.slug) is None
    mail.outbox.clear()
    response = review(editor_client, artist, "approve")
    assert response.status_code == 302
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.APPROVED
    assert artist.reviewed_by == editor
    assert artist_get_public(slug=artist.slug).display_name == artist.display_name
    [email] = mail.outbox
    assert email.to == [artist.user.email]
    english = "Welcome to TajikHeritage: your profile is approved"
    assert email.subject != english
    assert f"/{language}/studio/" in email.body


def test_rejecting_needs_a_reason_and_sends_it(editor_client):
    artist = applicant(language="tg")
    response = review(editor_client, artist, "reject")
    assert response.status_code == 200
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.APPLIED
    mail.outbox.clear()
    review(editor_client, artist, "reject", reason="Суратҳои равшантар фиристед.")
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.REJECTED
    assert "Суратҳои равшантар фиристед." in mail.outbox[0].body


def test_suspending_hides_her_portfolio_and_works_at_once(editor_client):
    artist = ArtistFactory()
    ArtworkFactory(artist=artist)
    assert Artwork.objects.published().filter(artist=artist).count() == 1
    review(editor_client, artist, "suspend", reason="Copied images reported.")
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.SUSPENDED
    assert artist_get_public(slug=artist.slug) is None
    assert artist not in artist_list_public()
    assert Artwork.objects.published().filter(artist=artist).count() == 0


def test_a_decision_the_state_does_not_allow_is_refused(editor_client):
    artist = ArtistFactory()  # approved: "reject" is for applications only
    response = review(editor_client, artist, "reject", reason="x")
    assert response.status_code == 200
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.APPROVED


def test_staff_without_permission_cannot_review(client):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    staff_login(client, clerk)
    artist = applicant()
    response = review(client, artist, "approve")
    assert response.status_code in {302, 403}
    artist.refresh_from_db()
    assert artist.status == ArtistProfile.Status.APPLIED


def test_editors_with_the_permission_are_told_of_a_new_application_in_their_language():
    group = Group.objects.create(name="Reviewers")
    group.permissions.add(Permission.objects.get(codename="change_artistprofile"))
    russian_editor = UserFactory(language="ru")  # as Wagtail's user screens make editors
    russian_editor.groups.add(group)
    UserFactory(is_staff=True)  # staff without the permission hears nothing
    mail.outbox.clear()
    with _capture(execute=True):
        services.artist_apply(user=UserFactory(), display_name="Dilnoza", region="khatlon")
    [email] = mail.outbox
    assert email.to == [russian_editor.email]
    assert "Dilnoza" in email.subject


def test_a_profile_listed_on_her_behalf_needs_recorded_consent(editor_client, editor):
    url = reverse("artists_admin:add")
    data = {
        "display_name": "Gulchehra",
        "slug": "",
        "region": "gbao",
        "bio": "",
        "statement": "",
        "samples-TOTAL_FORMS": "0",
        "samples-INITIAL_FORMS": "0",
        "samples-MIN_NUM_FORMS": "0",
        "samples-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert not ArtistProfile.objects.filter(display_name="Gulchehra").exists()
    response = editor_client.post(
        url, {**data, "consent_given_at": "2026-11-20", "consent_method": "in_person"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    artist = ArtistProfile.objects.get(display_name="Gulchehra")
    assert artist.user is None
    assert artist.slug == "gulchehra"
    assert artist.consent_recorded_by == editor


def test_a_claim_code_lets_her_take_over_the_profile_once(editor_client):
    artist = ArtistFactory(user=None, consent_given_at="2026-11-01", consent_method="phone")
    response = editor_client.post(reverse("artists_admin:claim_code", args=[artist.pk]))
    assert response.status_code == 200
    code = response.context["code"]
    assert code in response.content.decode()
    owner = UserFactory()
    services.artist_claim(user=owner, code=code.lower().replace("-", " "))
    artist.refresh_from_db()
    assert artist.user == owner
    with pytest.raises(services.ArtistError):
        services.artist_claim(user=UserFactory(), code=code)
