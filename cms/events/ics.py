"""Calendar files of events (RFC 5545), written by `icalendar`: it escapes text, ends lines
with CRLF and folds them at 75 octets without splitting a letter. Times are in UTC, so no
calendar needs our time zone's rules."""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event, vText

from cms.models.events import EventPage

PRODUCT_ID = "-//TajikHeritage//Events//EN"


def _uid(event: EventPage) -> str:
    """The same for every translation and every download, so calendars update one entry."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "tajikheritage.org"
    return f"event-{event.translation_key}@{host}"


def _location(event: EventPage) -> str:
    if event.is_online:
        return _("Online")
    return ", ".join(part for part in (event.venue, event.address, event.city) if part)


def _vevent(event: EventPage, request, stamp) -> Event:
    vevent = Event()
    vevent.add("uid", _uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start.astimezone(UTC))
    vevent.add("dtend", event.end.astimezone(UTC))
    vevent.add("summary", event.title)
    vevent.add("location", _location(event))
    if event.intro:
        vevent.add("description", event.intro)
    # Never the online link: the file is public, the link is for people with a place.
    if url := event.get_full_url(request):
        vevent.add("url", url)
    return vevent


def calendar_ics(events, request, *, name: str | None = None) -> bytes:
    """A VCALENDAR holding a VEVENT per event, as the bytes of a .ics file."""
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", vText(name))
    stamp = timezone.now().astimezone(UTC)
    for event in events:
        calendar.add_component(_vevent(event, request, stamp))
    return calendar.to_ical()
