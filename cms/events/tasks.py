"""Emails about a registration, sent by the task worker after the registration is committed."""

from django.tasks import task
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from cms.models.registrations import EventRegistration
from heritage.emails import email_build, email_send_later, site_url

TEMPLATES = {
    EventRegistration.Status.CONFIRMED: "cms/email/event_confirmed",
    EventRegistration.Status.WAITLISTED: "cms/email/event_waitlisted",
    "promoted": "cms/email/event_promoted",
    "cancelled": "cms/email/event_cancelled",
}
# Who gets the online link: only people holding a confirmed place.
WITH_ONLINE_LINK = {EventRegistration.Status.CONFIRMED, "promoted"}


def _event_in(event, language: str):
    """The live translation of `event` in `language`, or `event` itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != event.locale_id:
        translated = type(event).objects.live().filter(translation_key=event.translation_key, locale=locale)
        return translated.first() or event
    return event


@task
def registration_notify(*, registration_id: int, kind: str) -> bool:
    """Email the person behind a registration, in the language she registered in: her
    confirmed place (with the online link for an online event), her waitlist spot, her
    promotion from the waitlist, or her cancellation. Every email but the last carries the
    link to cancel."""
    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in TEMPLATES:
        return False
    language = registration.language
    source = registration.event
    event = _event_in(source, language)
    with translation.override(language):
        cancel_url = site_url(reverse("events:registration-cancel", kwargs={"token": registration.token}))
        page_url = event.get_full_url() or ""
    with translation.override(event.locale.language_code):  # the file's one address
        ics_url = site_url(reverse("events:event-ics", kwargs={"page_id": event.pk}))
    email_send_later(
        email_build(
            to=[registration.email],
            language=language,
            template=TEMPLATES[kind],
            context={
                "registration": registration,
                "event": event,
                "page_url": page_url,
                "ics_url": ics_url,
                "cancel_url": cancel_url,
                # The original page's link is the one editors keep up to date.
                "online_url": source.online_url if source.is_online and kind in WITH_ONLINE_LINK else "",
            },
        )
    )
    return True
