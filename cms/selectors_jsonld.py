"""Structured data of the editorial pages (schema.org, written out by `heritage.jsonld`): an
event as `Event`, a story as `Article`."""

from django.utils import timezone, translation

from heritage.images.renditions import SOCIAL_RENDITION
from heritage.jsonld import SCHEMA, organization

# Events take place in Tajikistan unless they are online (the page has no country field).
EVENT_COUNTRY = "TJ"


def event_jsonld(page, *, request) -> dict:
    """An event as schema.org `Event`: times with Dushanbe's UTC offset, the place with its
    address (or the event's own page for an online one: the meeting link is sent to
    registered people only, never published), free of charge, organised by us."""
    url = page.get_full_url(request)
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "url": url,
        "description": page.intro,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "isAccessibleForFree": True,
        "inLanguage": page.event_language,
        "organizer": organization(request),
    }
    if page.is_online:
        data["eventAttendanceMode"] = f"{SCHEMA}/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "url": url}
    else:
        data["eventAttendanceMode"] = f"{SCHEMA}/OfflineEventAttendanceMode"
        address = {"@type": "PostalAddress"}
        if page.address:
            address["streetAddress"] = page.address
        if page.city:
            address["addressLocality"] = page.city
        address["addressCountry"] = EVENT_COUNTRY
        data["location"] = {"@type": "Place", "name": page.venue, "address": address}
    if page.hero_image_id:
        data["image"] = page.hero_image.get_rendition(SOCIAL_RENDITION).full_url
    return data


def story_jsonld(page, *, hero, request) -> dict:
    """A story as schema.org `Article`, published by us in the page's language."""
    url = page.get_full_url(request)
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": page.title,
        "url": url,
        "mainEntityOfPage": url,
        "description": page.intro,
        "datePublished": page.date.isoformat(),
        "inLanguage": translation.get_language(),  # a page is served in its own language
        "author": organization(request),
        "publisher": organization(request),
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    if hero is not None:
        data["image"] = hero.get_rendition(SOCIAL_RENDITION).full_url
    return data
