"""A withdrawn consent takes a story offline at once, in every language, and keeps it there."""

import datetime

from django.core import mail

import pytest

from cms.models import StoryConsent, StoryPage
from cms.services_stories import story_consent_revoke
from tests.cms.editorial import story_index_make, story_make, story_translate
from tests.factories import UserFactory, build_site
from tests.two_factor import staff_login


@pytest.fixture
def story(db):
    site = build_site()
    index = story_index_make(site)
    english = story_make(index["en"], title="Dilnoza leaves", slug="dilnoza", consents=["Dilnoza"])
    russian = story_translate(english, site["home"]["ru"].locale, title="Дилноза уходит")
    return {"en": english, "ru": russian}


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", is_superuser=True, is_staff=True)


def test_revoking_a_consent_unpublishes_the_story_in_every_language_and_tells_the_editors(
    client, story, editor, django_capture_on_commit_callbacks
):
    consent = story["en"].consents.get()

    with django_capture_on_commit_callbacks(execute=True):
        taken = story_consent_revoke(consent=consent, by=editor)

    assert {page.pk for page in taken} == {story["en"].pk, story["ru"].pk}
    assert not StoryPage.objects.filter(translation_key=story["en"].translation_key, live=True).exists()
    assert client.get("/en/stories/dilnoza/").status_code == 404
    assert client.get("/ru/stories/dilnoza/").status_code == 404
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert "Dilnoza leaves" in mail.outbox[0].body


def test_a_story_with_a_withdrawn_consent_is_never_published_again(story, editor):
    story_consent_revoke(consent=story["en"].consents.get(), by=editor)
    page = StoryPage.objects.get(pk=story["ru"].pk)

    page.save_revision().publish()

    page.refresh_from_db()
    assert not page.live


def test_a_story_whose_consents_stand_can_be_republished(story, editor):
    page = StoryPage.objects.get(pk=story["en"].pk)
    page.unpublish()

    page.save_revision().publish()

    page.refresh_from_db()
    assert page.live


def post_consent_revoked(client, page, *, action: str):
    """Post the admin's edit form of `page` with its first consent marked withdrawn."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    consent = page.consents.get()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": "2026-03-08",
            "intro": page.intro,
            "campaign": "",
            "hero_image": "",
            "body": streamfield([("paragraph", rich_text("<p>She left at night.</p>"))]),
            "tags": "",
            "consents": inline_formset(
                [
                    {
                        "id": consent.pk,
                        "person_name": consent.person_name,
                        "artist": "",
                        "given_at": "2026-03-01",
                        "method": "in_person",
                        "note": "",
                        "revoked_at": "2026-04-01 10:00",
                    }
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.parametrize("action", ["action-save", "action-publish"])
def test_marking_a_consent_withdrawn_in_the_admin_takes_the_story_offline_at_once(
    client, story, editor, action
):
    staff_login(client, editor)

    response = post_consent_revoked(client, StoryPage.objects.get(pk=story["en"].pk), action=action)

    assert response.status_code == 302
    assert not StoryPage.objects.filter(translation_key=story["en"].translation_key, live=True).exists()
    assert StoryConsent.objects.get(page=story["en"]).revoked_at.date() == datetime.date(2026, 4, 1)
