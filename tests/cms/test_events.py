"""The events index (upcoming first, paged archive, filters by type and city) and an event's
page in three languages, without ever showing the private online link."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import EventPage, EventRegistration
from tests.factories import ImageFactory

from .events_fixtures import dushanbe, event_make, index_make, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    """The three-language site with an event index under each home."""
    return index_make()


def positions(html: str, titles) -> list[str]:
    found = [(html.index(f">{title}<"), title) for title in titles if f">{title}<" in html]
    return [title for _position, title in sorted(found)]


def test_the_index_lists_upcoming_events_soonest_first_then_the_past_most_recent_first(client, index):
    event_make(index["en"], days=20, title="Later talk")
    event_make(index["en"], days=2, title="Soon workshop")
    event_make(index["en"], days=-3, title="Last week")
    event_make(index["en"], days=-40, title="Long ago")

    html = client.get(index["en"].url).content.decode()

    assert positions(html, ["Later talk", "Soon workshop", "Last week", "Long ago"]) == [
        "Soon workshop",
        "Later talk",
        "Last week",
        "Long ago",
    ]
    upcoming, past = html.split('id="past-heading"')
    assert "Soon workshop" in upcoming and "Last week" not in upcoming
    assert "Last week" in past


def test_an_event_running_now_is_still_upcoming(client, index):
    event_make(index["en"], days=-0.05, hours=5, title="Happening now")

    upcoming = client.get(index["en"].url).content.decode().split("Past events")[0]

    assert ">Happening now<" in upcoming


def test_the_index_filters_by_type_and_city(client, index):
    event_make(index["en"], days=2, title="Dushanbe workshop", city="Dushanbe")
    event_make(index["en"], days=3, title="Khujand workshop", city="Khujand")
    event_make(index["en"], days=4, title="Khujand talk", city="Khujand", event_type=EventPage.Type.TALK)
    event_make(index["en"], days=-4, title="Old Khujand talk", city="Khujand", event_type=EventPage.Type.TALK)

    by_city = client.get(index["en"].url, {"city": "Khujand"}).content.decode()
    by_both = client.get(index["en"].url, {"city": "Khujand", "type": "talk"}).content.decode()
    unknown = client.get(index["en"].url, {"city": "Atlantis", "type": "rave"}).content.decode()

    assert positions(
        by_city, ["Dushanbe workshop", "Khujand workshop", "Khujand talk", "Old Khujand talk"]
    ) == [
        "Khujand workshop",
        "Khujand talk",
        "Old Khujand talk",
    ]
    assert positions(
        by_both, ["Dushanbe workshop", "Khujand workshop", "Khujand talk", "Old Khujand talk"]
    ) == [
        "Khujand talk",
        "Old Khujand talk",
    ]
    assert '<option value="Khujand" selected>' in by_city
    assert ">Dushanbe workshop<" in unknown and ">Khujand talk<" in unknown


def test_the_past_archive_is_paged(client, index):
    for n in range(14):
        event_make(index["en"], days=-(n + 1), title=f"Past {n + 1}", slug=f"past-{n + 1}")

    first = client.get(index["en"].url).content.decode()
    second = client.get(index["en"].url, {"page": 2}).content.decode()

    assert ">Past 1<" in first and ">Past 12<" in first and ">Past 13<" not in first
    assert ">Past 13<" in second and ">Past 14<" in second and ">Past 1<" not in second


def test_the_index_costs_the_same_queries_for_two_events_or_twelve(client, index):
    image = ImageFactory()

    def add(days: list[int], prefix: str) -> None:
        for n in days:
            event_make(
                index["en"], days=n, title=f"{prefix} {n}", slug=f"{prefix}-{n + 100}", hero_image=image
            )

    add([1, -1], "first")
    client.get(index["en"].url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as few:
        client.get(index["en"].url)
    add([2, 3, 4, 5, 6, -2, -3, -4, -5, -6], "more")
    client.get(index["en"].url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(index["en"].url)

    assert response.content.decode().count('class="card event-card"') == 12
    assert len(many) == len(few)


def test_the_event_page_shows_dushanbe_time_with_the_zone_named(client, index):
    event = event_make(index["en"], start=dushanbe(2031, 3, 14, 14), hours=3, title="Suzani workshop")

    html = client.get(event.url).content.decode()

    assert 'datetime="2031-03-14T14:00:00+05:00"' in html
    assert 'datetime="2031-03-14T17:00:00+05:00"' in html
    assert "Dushanbe time, UTC+5" in html
    assert "Bactria Cultural Centre" in html


def test_the_event_page_shows_places_left_speakers_and_language(client, index):
    event = event_make(index["en"], capacity=3, speakers=[("Nilufar Rahimova", "Embroiderer, Istaravshan")])
    EventRegistration.objects.create(event=event, name="A", email="a@example.org", status="confirmed")

    html = client.get(event.url).content.decode()

    assert "2 places left" in html
    assert "Nilufar Rahimova" in html and "Embroiderer, Istaravshan" in html
    assert "Тоҷикӣ" in html
    assert 'name="registration-email"' in html


def test_the_online_link_never_appears_on_the_public_pages(client, index):
    secret = "https://meet.example.org/private-room-7731"
    event = event_make(index["en"], is_online=True, online_url=secret, title="Online talk")
    russian = translate(event, index["ru"], title="Онлайн-беседа")

    for url in (event.url, russian.url, index["en"].url, index["ru"].url):
        html = client.get(url).content.decode()
        assert "private-room-7731" not in html
    assert "the link is emailed to registered participants" in client.get(event.url).content.decode()


@pytest.mark.parametrize(
    ("language", "title", "date"),
    [("ru", "Мастер-класс по сюзане", "14 марта 2031"), ("tg", "Дарси амалии сӯзанӣ", "14 март 2031")],
)
def test_russian_and_tajik_pages_render_in_their_language(client, index, language, title, date):
    event = event_make(
        index["en"],
        start=dushanbe(2031, 3, 14, 14),
        title="Suzani class",
        event_type=EventPage.Type.MASTER_CLASS,
    )
    translated = translate(event, index[language], title=title)

    page = client.get(translated.url)
    listing = client.get(index[language].url)

    assert page.status_code == 200 and listing.status_code == 200
    html = page.content.decode()
    assert f'<html lang="{language}">' in html
    assert title in html and title in listing.content.decode()
    assert date in html and "14:00" in html
    assert f'href="/{language}/events/{translated.pk}.ics"' in html
    assert 'name="registration-name"' in html


def test_a_draft_event_is_not_listed(client, index):
    event_make(index["en"], title="Secret draft", live=False)

    assert ">Secret draft<" not in client.get(index["en"].url).content.decode()


# The demo


def test_the_demo_adds_six_events_past_and_upcoming_in_three_languages_and_emails_nobody(client):
    from django.core import mail

    from wagtail.models import Locale

    from demo.context import SeedContext
    from demo.steps.events import events_create
    from tests.factories import build_site

    pages = build_site()
    ctx = SeedContext(editor_email="editor@example.org", editor_password="x")
    ctx.locales = {code: Locale.objects.get(language_code=code) for code in ("en", "ru", "tg")}
    ctx.pages = {("home", code): page for code, page in pages["home"].items()}

    events_create(ctx)
    events_create(ctx)  # a second run adds nothing

    events = EventPage.objects.live()
    assert events.count() == 18
    english = events.filter(locale__language_code="en")
    assert len({event.event_type for event in english}) >= 4
    assert sum(event.is_past for event in english) == 2
    assert mail.outbox == []
    for language in ("en", "ru", "tg"):
        index_page = ctx.page("events", language)
        listing = client.get(index_page.url)
        assert listing.status_code == 200
        for event in events.filter(locale__language_code=language):
            response = client.get(event.url)
            assert response.status_code == 200, event.url
            assert "meet.example.org" not in response.content.decode()
