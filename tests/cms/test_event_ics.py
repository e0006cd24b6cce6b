"""Calendar files: one per event and a feed of the upcoming ones, read back with `icalendar`."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from .events_fixtures import dushanbe, event_make, index_make, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    """The three-language site with an event index under each home."""
    return index_make()


DUSHANBE = ZoneInfo("Asia/Dushanbe")


def calendar_of(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_an_events_calendar_file_has_the_right_times_in_dushanbe(client, index):
    event = event_make(
        index["en"],
        start=dushanbe(2031, 3, 14, 14),
        hours=3,
        title="Suzani workshop; beginners, welcome",
        venue="Bactria Cultural Centre",
        address="Rudaki Avenue 12",
        city="Dushanbe",
    )

    response = client.get(f"/en/events/{event.pk}.ics")

    [vevent] = calendar_of(response).walk("VEVENT")
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start == datetime(2031, 3, 14, 9, 0, tzinfo=UTC)
    assert start.astimezone(DUSHANBE).hour == 14
    assert end.astimezone(DUSHANBE).hour == 17
    assert str(vevent["SUMMARY"]) == "Suzani workshop; beginners, welcome"
    assert str(vevent["LOCATION"]) == "Bactria Cultural Centre, Rudaki Avenue 12, Dushanbe"
    assert str(vevent["URL"]) == event.get_full_url()
    assert 'attachment; filename="' in response["Content-Disposition"]


def test_the_file_uses_crlf_line_ends_and_escapes_text(client, index):
    event = event_make(index["en"], title="Felt, wool; and\\ colour", intro="Line one.\nLine two.")

    body = client.get(f"/en/events/{event.pk}.ics").content

    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"SUMMARY:Felt\\, wool\\; and\\\\ colour\r\n" in body
    assert b"DESCRIPTION:Line one.\\nLine two.\r\n" in body


def test_long_lines_fold_at_75_octets_without_splitting_a_letter(client, index):
    title = "Мастер-класс по сюзане для начинающих, с чаем и сладостями; приходите все"
    russian = translate(event_make(index["en"], title="Suzani"), index["ru"], title=title)

    response = client.get(f"/ru/events/{russian.pk}.ics")

    physical = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    summary = next(i for i, line in enumerate(physical) if line.startswith(b"SUMMARY:"))
    assert physical[summary + 1].startswith(b" ")
    [line.decode() for line in physical]  # every physical line is whole UTF-8, or this raises
    [vevent] = calendar_of(response).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title


def test_the_uid_is_the_same_for_every_language_and_every_download(client, index):
    event = event_make(index["en"], title="Talk")
    russian = translate(event, index["ru"], title="Беседа")

    def uid(page, language):
        [vevent] = calendar_of(client.get(f"/{language}/events/{page.pk}.ics")).walk("VEVENT")
        return str(vevent["UID"])

    assert uid(event, "en") == uid(event, "en") == uid(russian, "ru")
    assert str(event.translation_key) in uid(event, "en")


def test_an_online_event_says_online_and_never_carries_its_link(client, index):
    event = event_make(index["en"], is_online=True, online_url="https://meet.example.org/room-9")

    body = client.get(f"/en/events/{event.pk}.ics").content.decode()

    assert "LOCATION:Online" in body
    assert "room-9" not in body


def test_a_draft_event_has_no_calendar_file(client, index):
    event = event_make(index["en"], live=False)

    assert client.get(f"/en/events/{event.pk}.ics").status_code == 404


def test_the_feed_lists_upcoming_events_in_the_visitors_language(client, index):
    soon = event_make(index["en"], days=2, title="Soon")
    event_make(index["en"], days=9, title="Later")  # not translated: absent from the Russian feed
    event_make(index["en"], days=-2, title="Over")
    translate(soon, index["ru"], title="Скоро")

    english = calendar_of(client.get("/en/events/upcoming.ics"))
    russian = calendar_of(client.get("/ru/events/upcoming.ics"))

    assert [str(e["SUMMARY"]) for e in english.walk("VEVENT")] == ["Soon", "Later"]
    assert [str(e["SUMMARY"]) for e in russian.walk("VEVENT")] == ["Скоро"]
