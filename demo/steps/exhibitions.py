"""The exhibition index page in every language and the demo exhibitions under it.

Runs after the artists: each room is filled with published demo works picked by medium.
Exhibitions are found again by slug under the index (translations through their
translation key), so a second run adds only what is missing and leaves an editor's changes
alone. Dates are counted from the day of seeding, so a fresh demo always has one exhibition
open, one to come and one closed.
"""

from datetime import timedelta

from django.utils import timezone

from demo.content import LANGUAGES, SOURCE_LANGUAGE
from demo.content.exhibitions import EXHIBITION_INDEX, EXHIBITIONS, DemoExhibition
from demo.context import SeedContext
from gallery.models import Artwork, ArtworkImage, ExhibitionPage, ExhibitionSection

from .pages import menu_page_create


def exhibitions_create(ctx: SeedContext) -> None:
    """The exhibition index under each language's home, in its menu, and the three demo
    exhibitions in English with their Russian and Tajik translations, all published."""
    _index_create(ctx)
    for spec in EXHIBITIONS:
        english = _exhibition_source(ctx, spec)
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _exhibition_translate(ctx, spec, english, language)


def _index_create(ctx: SeedContext) -> None:
    menu_page_create(ctx, EXHIBITION_INDEX)


def _exhibition_source(ctx: SeedContext, spec: DemoExhibition):
    index = ctx.page(EXHIBITION_INDEX.key, SOURCE_LANGUAGE)
    page = ExhibitionPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    rooms = _works_pick(spec)
    today = timezone.localdate()
    page = ExhibitionPage(
        slug=spec.slug,
        locale=ctx.locales[SOURCE_LANGUAGE],
        live=False,
        start_date=today + timedelta(days=spec.opens),
        end_date=today + timedelta(days=spec.closes),
        is_online=spec.is_online,
        hero_image=_hero_image(rooms),
    )
    _exhibition_words_apply(page, spec, SOURCE_LANGUAGE, rooms)
    index.add_child(instance=page)
    return _exhibition_publish(ctx, page, SOURCE_LANGUAGE)


def _exhibition_translate(ctx: SeedContext, spec: DemoExhibition, english, language: str) -> None:
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    sections = list(english.sections.all())
    rooms = [section.artwork_ids() for section in sections]
    _exhibition_words_apply(
        page, spec, language, rooms, keys=[section.translation_key for section in sections]
    )
    _exhibition_publish(ctx, page, language)


def _exhibition_words_apply(
    page, spec: DemoExhibition, language: str, rooms: list[list[int]], *, keys=None
) -> None:
    """Title, venue, description, the curator's text and the rooms in `language`; every
    language shows the same works, and a translation's rooms share the translation keys of
    the English rooms (`keys`)."""
    words = spec.text[language]
    page.title = page.draft_title = words["title"]
    page.venue = words["venue"]
    page.search_description = words["search_description"]
    page.curator_text = [{"type": "paragraph", "value": html} for html in spec.curator_text[language]]
    page.sections = [
        ExhibitionSection(
            title=room.text[language]["title"],
            text=room.text[language]["text"],
            artworks=[{"type": "artwork", "value": pk} for pk in ids],
            sort_order=order,
            **({"translation_key": keys[order]} if keys else {}),
        )
        for order, (room, ids) in enumerate(zip(spec.rooms, rooms, strict=True))
    ]


def _exhibition_publish(ctx: SeedContext, page, language: str):
    page.save_revision().publish()
    page.refresh_from_db()
    ctx.made["pages"] += 1
    ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")
    return page


def _works_pick(spec: DemoExhibition) -> list[list[int]]:
    """Each room's works: published works in the room's media, featured and earliest
    published first, none shown in two rooms of the exhibition."""
    used: set[int] = set()
    rooms = []
    for room in spec.rooms:
        ids = list(
            Artwork.objects.published()
            .filter(medium__slug__in=room.media)
            .exclude(pk__in=used)
            .order_by("-featured", "published_at", "pk")
            .values_list("pk", flat=True)[: room.count]
        )
        used.update(ids)
        rooms.append(ids)
    return rooms


def _hero_image(rooms: list[list[int]]):
    """The first image of the exhibition's first work."""
    first = next((ids[0] for ids in rooms if ids), None)
    if first is None:
        return None
    picture = (
        ArtworkImage.objects.filter(artwork_id=first)
        .select_related("image")
        .order_by("sort_order", "pk")
        .first()
    )
    return picture.image if picture else None
