"""An exhibition translated in wagtail-localize carries its rooms' words into the other
language: the Tajik page never shows an English room. (Event speakers are translatable
the same way: EventSpeaker is a TranslatableMixin child like ExhibitionSection.)"""

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from gallery.models import ExhibitionIndexPage
from tests.factories import index_under_homes

from .portfolio_fixtures import artist_make, artwork_make
from .test_exhibitions import INDEX_TITLES, exhibition_make

pytestmark = pytest.mark.django_db

TAJIK = {
    "Room one: the garden": "Толори якум: боғ",
    "Words for room 1.": "Суханон барои толори 1.",
}


def translate(page, language: str, words: dict[str, str], *, publish: bool):
    """What an editor does in wagtail-localize: translate the page into `language`, enter a
    translation for every string it offers (`words`, else the string itself), save."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language)
    translation = Translation.objects.create(source=source, target_locale=locale)
    strings = StringSegment.objects.filter(source=source).select_related("string")
    for segment in strings:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=words.get(segment.string.data, segment.string.data),
        )
    translation.save_target(publish=publish)
    return page.get_translation(locale), {segment.string.data for segment in strings}


def test_a_rooms_words_are_offered_for_translation_and_shown_translated(
    client, django_capture_on_commit_callbacks
):
    index = index_under_homes(ExhibitionIndexPage, slug="exhibitions", titles=INDEX_TITLES)
    page = exhibition_make(
        index["en"], opens=-1, closes=30, title="Threads", rooms=[[artwork_make(artist_make())]]
    )
    room = page.sections.get()
    room.title = "Room one: the garden"
    room.save()
    page.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after commit
        tajik, offered = translate(page, "tg", TAJIK, publish=True)

    assert {"Room one: the garden", "Words for room 1."} <= offered
    assert [section.title for section in tajik.sections.all()] == ["Толори якум: боғ"]
    assert tajik.sections.get().translation_key == room.translation_key
    html = client.get(tajik.url).content.decode()
    assert "Толори якум: боғ" in html
    assert "Room one: the garden" not in html


def test_existing_rooms_of_translations_share_a_key_by_place_and_take_their_pages_locale():
    index = index_under_homes(ExhibitionIndexPage, slug="exhibitions", titles=INDEX_TITLES)
    page = exhibition_make(index["en"], opens=-1, closes=30, title="Threads", rooms=[[], []])
    tajik, _offered = translate(page, "tg", {}, publish=True)

    english_rooms, tajik_rooms = list(page.sections.all()), list(tajik.sections.all())

    assert [room.locale.language_code for room in tajik_rooms] == ["tg", "tg"]
    assert [room.translation_key for room in tajik_rooms] == [room.translation_key for room in english_rooms]


def test_starting_a_translation_makes_a_draft_the_public_never_sees(
    client, django_capture_on_commit_callbacks
):
    from wagtail_localize.operations import translate_object

    index = index_under_homes(ExhibitionIndexPage, slug="exhibitions", titles=INDEX_TITLES)
    page = exhibition_make(
        index["en"], opens=-1, closes=30, title="Threads", rooms=[[artwork_make(artist_make())]]
    )
    tajik_locale = Locale.objects.get(language_code="tg")

    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [tajik_locale])

    tajik = page.get_translation(tajik_locale)
    assert not tajik.live
    assert client.get(tajik.url).status_code == 404
