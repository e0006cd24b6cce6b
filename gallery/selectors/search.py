"""Search of the gallery's published works through Wagtail's search backend."""

import re

from wagtail.search.backends import get_search_backend

from gallery.models.artwork import Artwork
from heritage.caching import layout_cached

# Search answers are ranked, then narrowed by the filters; a visitor never pages this far.
SEARCH_LIMIT = 500
QUERY_MAX_LENGTH = 200
NOT_WORD = re.compile(r"[^\w]+")


def artwork_search_ids(q: str) -> list[int]:
    """Ids of published works matching `q`, best match first, through Wagtail's search
    backend. The backend filters on indexed fields only, so the artist's approval is
    checked afterwards, against `published()`."""
    # Only words reach the backend: quotes, brackets and operators mean syntax to SQLite's
    # FTS5 and PostgreSQL's tsquery, and a visitor's stray quote must not become an error.
    words = " ".join(NOT_WORD.sub(" ", q).split())
    if not words:
        return []

    def search():
        results = get_search_backend().search(words, Artwork.objects.filter(status=Artwork.Status.PUBLISHED))
        return [artwork.pk for artwork in results[:SEARCH_LIMIT]]

    # SQLite's full-text backend scores each match with a query of its own (about 0.8 s for
    # a common word at 5,000 works); the answer holds until the content changes.
    return layout_cached("search", (words.lower(),), search)
