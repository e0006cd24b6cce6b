"""Reads for events: the index's upcoming list and paged archive with their filters, the one
event all translations share, the places left, the calendar feed and the registrants list.

Every list takes a fixed number of queries however many events it shows. The event pages
come from their callers (an index's `events()`, a page, or `EventPage.objects`): the page
models import these reads, so these reads do not import the page models.
"""

from dataclasses import dataclass

from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from wagtail.images import get_image_model

from cms.models.registrations import EventRegistration
from heritage.images.renditions import EXHIBITION_CARD_RENDITIONS

# Event cards are cut like exhibition cards; keep in step with templates/cms/event_index_page.html.
EVENT_CARD_RENDITIONS = EXHIBITION_CARD_RENDITIONS


@dataclass(frozen=True)
class EventFilters:
    """What a visitor chose on the index: an event type and a city ("" = any)."""

    event_type: str = ""
    city: str = ""

    @classmethod
    def from_query(cls, query, *, cities: list[str], types: list[str]) -> "EventFilters":
        """Known values only: anything else in the address is ignored, not an error."""
        event_type = query.get("type", "")
        city = query.get("city", "")
        return cls(
            event_type=event_type if event_type in types else "",
            city=city if city in cities else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.event_type or self.city)


def _events_live(*, index):
    images = get_image_model().objects.prefetch_renditions(*EVENT_CARD_RENDITIONS)
    return index.events().prefetch_related(Prefetch("hero_image", queryset=images))


def _filtered(events, filters: EventFilters):
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    if filters.city:
        events = events.filter(city=filters.city)
    return events


def event_list_upcoming(*, index, filters: EventFilters = EventFilters()):
    """Events not yet over (running now or to come), the soonest first."""
    events = _events_live(index=index).filter(end__gte=timezone.now())
    return _filtered(events, filters).order_by("start", "pk")


def event_list_past(*, index, filters: EventFilters = EventFilters()):
    """Events that are over, the most recent first. Page it: the archive only grows."""
    events = _events_live(index=index).filter(end__lt=timezone.now())
    return _filtered(events, filters).order_by("-start", "-pk")


def event_cities(*, index) -> list[str]:
    """The cities the index's live events take place in, for the city filter."""
    cities = index.events().exclude(city="").values_list("city", flat=True).distinct()
    return sorted(set(cities))


def event_source_get(event):
    """The page every translation of `event` keeps its registrations on: the original of the
    translation group (the first made, whatever its language), so a Russian and a Tajik
    visitor count against the same places, and translating the event later never moves them."""
    if event.translation_key is None:
        return event
    source = type(event).objects.filter(translation_key=event.translation_key).order_by("pk").first()
    return source or event


def event_places_left(event) -> int | None:
    """Confirmed places still free at the event (None: no limit). `event` may be any
    translation."""
    if event.capacity is None:
        return None
    source = event_source_get(event)
    confirmed = source.registrations.filter(status=EventRegistration.Status.CONFIRMED).count()
    return max(source.capacity - confirmed, 0) if source.capacity is not None else None


def event_list_feed(*, events, locale, limit: int = 100):
    """Live, public upcoming `events` (e.g. `EventPage.objects`) in `locale`, the soonest
    first, for the calendar feed."""
    return (
        events.live().public().filter(locale=locale, end__gte=timezone.now()).order_by("start", "pk")[:limit]
    )


def event_list_with_registrations(*, events, limit: int = 200):
    """Every event of `events` (e.g. `EventPage.objects`) once (the original of each
    translation group, which keeps the registrations) with its counts per status, the latest
    first: the editors' overview."""
    status = EventRegistration.Status
    originals = events.values("translation_key").annotate(first=Min("pk")).values("first")
    return (
        events.filter(pk__in=originals)
        .annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=status.CONFIRMED)),
            waitlisted_count=Count("registrations", filter=Q(registrations__status=status.WAITLISTED)),
            cancelled_count=Count("registrations", filter=Q(registrations__status=status.CANCELLED)),
        )
        .order_by("-start", "-pk")[:limit]
    )


def registration_list(*, event):
    """Everyone who registered for `event` (any translation), in the order they came."""
    return EventRegistration.objects.filter(event=event_source_get(event)).order_by("created_at", "pk")
