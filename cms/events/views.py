"""Calendar files of events (one event, or every upcoming one) and cancelling a
registration from the link in its email.

The iCalendar text is written here by hand (RFC 5545): CRLF line ends, lines folded at 75
octets, text values escaped, times in UTC so no calendar needs our time zone's rules.
"""

from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Locale

from cms.models.events import EventPage
from cms.models.registrations import EventRegistration

from .selectors import event_list_feed
from .services import registration_cancel

PRODUCT_ID = "-//TajikHeritage//Events//EN"


def ics_escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """One content line, folded so no physical line is longer than 75 octets (a fold
    never splits a UTF-8 character: Cyrillic and Tajik letters take two)."""
    parts, current, size = [], "", 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def ics_time(value) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _uid(event: EventPage) -> str:
    """The same for every translation and every download, so calendars update one entry."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "tajikheritage.org"
    return f"event-{event.translation_key}@{host}"


def _location(event: EventPage) -> str:
    if event.is_online:
        return _("Online")
    return ", ".join(part for part in (event.venue, event.address, event.city) if part)


def _vevent(event: EventPage, request, stamp) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(event)}",
        f"DTSTAMP:{ics_time(stamp)}",
        f"DTSTART:{ics_time(event.start)}",
        f"DTEND:{ics_time(event.end)}",
        f"SUMMARY:{ics_escape(event.title)}",
        f"LOCATION:{ics_escape(_location(event))}",
    ]
    if event.intro:
        lines.append(f"DESCRIPTION:{ics_escape(event.intro)}")
    url = event.get_full_url(request)
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar_text(events, request, *, name: str | None = None) -> str:
    """A VCALENDAR holding a VEVENT per event."""
    stamp = timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{ics_escape(name)}")
    for event in events:
        lines.extend(_vevent(event, request, stamp))
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


def _calendar_response(text: str, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_ics(request, page_id: int):
    """One live event as a calendar file to add to a phone's calendar, at one address: under
    another language's prefix it sends the visitor (and search engines) to its own."""
    # `id`, not `pk` (the parent link): a number too big for the column then finds nothing
    # instead of failing the query.
    event = EventPage.objects.live().public().select_related("locale").filter(id=page_id).first()
    if event is None:
        raise Http404
    language = event.locale.language_code
    if language != translation.get_language():
        with translation.override(language):
            return redirect(reverse("events:event-ics", kwargs={"page_id": event.pk}), permanent=True)
    return _calendar_response(calendar_text([event], request), f"{event.slug}.ics", download=True)


@require_GET
def event_feed(request):
    """Every upcoming live event in the current language, as a calendar to subscribe to."""
    locale = Locale.get_active()
    events = event_list_feed(events=EventPage.objects, locale=locale)
    return _calendar_response(
        calendar_text(events, request, name=_("TajikHeritage events")), "events.ics", download=False
    )


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request, token: str):
    """The cancel link from the emails: a GET asks to confirm (mail scanners open links,
    and must not cancel anyone's place), the POST cancels."""
    registration = EventRegistration.objects.select_related("event").filter(token=token).first()
    if registration is None:
        raise Http404
    cancelled_now = False
    if request.method == "POST":
        was_active = registration.status != EventRegistration.Status.CANCELLED
        registration = registration_cancel(token=token)
        cancelled_now = was_active
    event = registration.event
    translated = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale=Locale.get_active())
        .first()
    )
    return render(
        request,
        "cms/event_registration_cancel.html",
        {
            "registration": registration,
            "event": translated or event,
            "cancelled_now": cancelled_now,
            "is_cancelled": registration.status == EventRegistration.Status.CANCELLED,
        },
    )
