"""The demo seed as an ordered list of steps, each run in its own transaction.

A step is a function taking the shared `SeedContext`. To seed more (artists, artworks,
exhibitions, stories, events), write a step in a module here and add it to `STEPS` after
the steps it builds on and before the search index step.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from demo.context import SeedContext

from .accounts import editor_create
from .artists import applications_create, artist_index_create, artists_create, review_queue_create
from .events import events_create
from .exhibitions import exhibitions_create
from .gallery import gallery_page_create
from .images import images_create
from .locales import locales_ensure
from .pages import pages_create, pages_translate
from .search import search_index_update
from .shop import offers_create, orders_create
from .stories import navigation_create, stories_create


@dataclass(frozen=True)
class Step:
    label: str
    run: Callable[[SeedContext], None]


STEPS = [
    Step("Languages", locales_ensure),
    Step("Images", images_create),
    Step("English pages", pages_create),
    Step("Russian pages", partial(pages_translate, language="ru")),
    Step("Tajik pages", partial(pages_translate, language="tg")),
    Step("Artist index pages", artist_index_create),
    Step("Gallery page", gallery_page_create),
    Step("Artists 1/3", partial(artists_create, batch=0)),
    Step("Artists 2/3", partial(artists_create, batch=1)),
    Step("Artists 3/3", partial(artists_create, batch=2)),
    Step("Works for review", review_queue_create),
    Step("Exhibitions", exhibitions_create),
    Step("Offers", offers_create),
    Step("Orders and a payout", orders_create),
    Step("Stories and campaigns", stories_create),
    Step("Events", events_create),
    Step("Navigation and footer", navigation_create),
    Step("Artist applications", applications_create),
    Step("Editor account", editor_create),
    Step("Search index", search_index_update),
]

__all__ = ["STEPS", "Step"]
