"""The demo's exhibitions: the exhibition index in three languages and three exhibitions —
one open now, one opening soon, one closed — each walked through room by room. Their words
are in `demo/data/exhibitions.json`.

Curators write in English; titles, venues, the curator's words and each room's title and
text are translated into Russian and Tajik (terms from docs/glossary.md). The works shown
are not listed here: each room names the media its works are picked from among the demo's
published works, so the exhibitions follow the portfolios as those change.
"""

from dataclasses import dataclass

from .files import data_load
from .pages import PAGE_SPECS


@dataclass(frozen=True)
class DemoRoom:
    """A section of an exhibition: up to `count` published works in one of `media`
    (gallery.Medium slugs), and its title and text in each language."""

    media: tuple[str, ...]
    count: int
    text: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DemoExhibition:
    """An exhibition open from `opens` to `closes` days after the day the demo is seeded.
    `text` holds each language's title, venue (empty: online only) and search description;
    `curator_text` each language's paragraphs (rich-text HTML)."""

    slug: str
    opens: int
    closes: int
    is_online: bool
    text: dict[str, dict[str, str]]
    curator_text: dict[str, tuple[str, ...]]
    rooms: tuple[DemoRoom, ...]


def exhibition_from(data: dict) -> DemoExhibition:
    return DemoExhibition(**{**data, "rooms": tuple(DemoRoom(**room) for room in data["rooms"])})


EXHIBITION_INDEX = PAGE_SPECS["exhibitions"]
EXHIBITIONS = tuple(exhibition_from(exhibition) for exhibition in data_load("exhibitions.json"))
