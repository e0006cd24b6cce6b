"""The demo's events: what each is made of; the words, in three languages, are in
`demo/data/events.json`."""

from dataclasses import dataclass

from .files import data_load
from .pages import PAGE_SPECS


@dataclass(frozen=True)
class DemoEvent:
    """An event `days` after the day of seeding, from `hour` (Dushanbe time) for `hours`.
    `text` holds each language's title, intro, venue, address, city, paragraphs and speaker
    roles; `speakers` the speakers' names (the same in every language)."""

    slug: str
    event_type: str
    days: int
    hour: int
    hours: float
    event_language: str
    capacity: int | None
    is_online: bool
    speakers: tuple[str, ...]
    text: dict[str, dict]
    registrations: int = 0


EVENT_INDEX = PAGE_SPECS["events"]
EVENTS = tuple(DemoEvent(**event) for event in data_load("events.json"))
