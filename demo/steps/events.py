"""The events part of `manage.py seed_demo`: the event index in three languages and six
events under it — workshops, a master class, an information session online, a talk and an
exhibition opening, two of them already past — each translated into Russian and Tajik.

Dates are counted from the day of seeding, so a fresh demo always has events to come and
an archive. Events are found again by slug under the index (translations through their
translation key), so a second run adds only what is missing. A few registrations are
written straight to the table so the editors' registrants list has something to show;
nobody is emailed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.models import EventPage, EventRegistration, EventSpeaker
from demo.content import LANGUAGES, SOURCE_LANGUAGE
from demo.content.events import EVENT_INDEX, EVENTS, DemoEvent
from demo.context import SeedContext
from demo.steps.pages import menu_page_create

DUSHANBE = ZoneInfo("Asia/Dushanbe")

DEMO_ONLINE_URL = "https://meet.example.org/tajikheritage-info-session"
DEMO_REGISTRANTS = ("Madina", "Shahnoza", "Parvina", "Mehrona", "Tahmina")


def events_create(ctx: SeedContext) -> None:
    """The event index under each language's home, in its menu, and the six demo events in
    English with their Russian and Tajik translations, all published."""
    menu_page_create(ctx, EVENT_INDEX)
    for spec in EVENTS:
        english = _event_source(ctx, spec)
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _event_translate(ctx, spec, english, language)
        _registrations_create(english, spec)


def _event_source(ctx: SeedContext, spec: DemoEvent) -> EventPage:
    index = ctx.page(EVENT_INDEX.key, SOURCE_LANGUAGE)
    page = EventPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    day = timezone.localdate() + datetime.timedelta(days=spec.days)
    start = datetime.datetime.combine(day, datetime.time(spec.hour), tzinfo=DUSHANBE)
    page = EventPage(
        slug=spec.slug,
        locale=ctx.locales[SOURCE_LANGUAGE],
        live=False,
        event_type=spec.event_type,
        start=start,
        end=start + datetime.timedelta(hours=spec.hours),
        is_online=spec.is_online,
        online_url=DEMO_ONLINE_URL if spec.is_online else "",
        event_language=spec.event_language,
        capacity=spec.capacity,
    )
    _words_apply(page, spec, SOURCE_LANGUAGE)
    index.add_child(instance=page)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _event_translate(ctx: SeedContext, spec: DemoEvent, english: EventPage, language: str) -> None:
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    _words_apply(page, spec, language, keys=[speaker.translation_key for speaker in english.speakers.all()])
    _publish(ctx, page, language)


def _words_apply(page: EventPage, spec: DemoEvent, language: str, *, keys=None) -> None:
    """The page's words in `language`; a translation's speakers share the translation keys
    of the English ones (`keys`), as wagtail-localize would make them."""
    words = spec.text[language]
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]
    page.search_description = words["intro"][:255]
    page.venue, page.address, page.city = words["venue"], words["address"], words["city"]
    page.body = [{"type": "paragraph", "value": html} for html in words["paragraphs"]]
    page.speakers = [
        EventSpeaker(
            name=name, role=role, sort_order=order, **({"translation_key": keys[order]} if keys else {})
        )
        for order, (name, role) in enumerate(zip(spec.speakers, words["roles"], strict=True))
    ]


def _publish(ctx: SeedContext, page: EventPage, language: str) -> EventPage:
    page.save_revision().publish()
    page.refresh_from_db()
    ctx.made["pages"] += 1
    ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")
    return page


def _registrations_create(event: EventPage, spec: DemoEvent) -> None:
    """A few people already registered (written directly: nobody is emailed)."""
    if not spec.registrations or event.registrations.exists():
        return
    languages = ("tg", "ru", "en")
    EventRegistration.objects.bulk_create(
        EventRegistration(
            event=event,
            name=f"{name} (demo)",
            email=f"{name.lower()}.{spec.slug}@visitors.example.org",
            status=EventRegistration.Status.CONFIRMED,
            language=languages[n % len(languages)],
        )
        for n, name in enumerate(DEMO_REGISTRANTS[: spec.registrations])
    )
