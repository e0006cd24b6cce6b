"""Events for the tests: an event index under each language's home and events under it."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.models import EventIndexPage, EventPage, EventSpeaker
from tests.factories import _translate, index_under_homes

INDEX_TITLES = {"en": "Events", "ru": "Мероприятия", "tg": "Чорабиниҳо"}


def index_make() -> dict[str, EventIndexPage]:
    """The three-language site with an event index under each home."""
    return index_under_homes(EventIndexPage, slug="events", titles=INDEX_TITLES)


def event_make(parent: EventIndexPage, *, days: float = 7, hours: float = 3, live: bool = True, **fields):
    """A published event under `parent` starting `days` from now and lasting `hours`."""
    start = fields.pop("start", None) or timezone.now() + timedelta(days=days)
    fields.setdefault("title", f"Event in {days} days")
    fields.setdefault("slug", f"event-{days}".replace(".", "-").replace("--", "-minus-"))
    fields.setdefault("event_type", EventPage.Type.WORKSHOP)
    fields.setdefault("event_language", "tg")
    fields.setdefault("intro", "An afternoon of suzani embroidery for beginners.")
    if not fields.get("is_online"):
        fields.setdefault("venue", "Bactria Cultural Centre")
        fields.setdefault("city", "Dushanbe")
    speakers = fields.pop("speakers", ())
    page = EventPage(live=live, start=start, end=start + timedelta(hours=hours), **fields)
    page.speakers = [EventSpeaker(name=name, role=role) for name, role in speakers]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def translate(event: EventPage, index: EventIndexPage, **fields) -> EventPage:
    """`event` copied into `index`'s language and published with the translated `fields`."""
    return _translate(event, index.locale, **fields)


def dushanbe(year, month, day, hour, minute=0) -> datetime:
    """A wall-clock time in Dushanbe (UTC+5 all year, no summer time) as an aware UTC datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Asia/Dushanbe")).astimezone(UTC)
