"""Calendar files of events (one event, or every upcoming one, built by `.ics`) and
cancelling a registration from the link in its email."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wagtail.models import Locale

from cms.models.events import EventPage
from cms.models.registrations import EventRegistration

from .ics import calendar_ics
from .selectors import event_list_feed
from .services import registration_cancel


def _calendar_response(text: bytes, filename: str, *, download: bool) -> HttpResponse:
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
    return _calendar_response(calendar_ics([event], request), f"{event.slug}.ics", download=True)


@require_GET
def event_feed(request):
    """Every upcoming live event in the current language, as a calendar to subscribe to."""
    locale = Locale.get_active()
    events = event_list_feed(events=EventPage.objects, locale=locale)
    return _calendar_response(
        calendar_ics(events, request, name=_("TajikHeritage events")), "events.ics", download=False
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
