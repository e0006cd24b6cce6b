"""The site search page: pages of the reader's language, published works and approved
artists, through Wagtail's search backend."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from artists.models import ArtistProfile
from gallery.selectors.cards import artist_cards_by_id, artwork_cards_by_id
from gallery.selectors.search import artwork_search_ids

PAGES_PER_PAGE = 10
ARTWORKS_SHOWN = 8
ARTISTS_SHOWN = 6
QUERY_MAX_LENGTH = 200
# Only words reach the backend: quotes and operators are syntax to SQLite's FTS5 and
# PostgreSQL's tsquery, and a visitor's stray symbol must not become an error.
NOT_WORD = re.compile(r"[^\w]+")


def search_words(q: str) -> str:
    """The words of a query, at most 200 characters of it; "" when there are none."""
    return " ".join(NOT_WORD.sub(" ", q[:QUERY_MAX_LENGTH]).split())


def _specific_in_order(pks: list[int]) -> list[Page]:
    """The pages with their own fields (title, intro), in the ranked order: one query per
    page type, not one per page."""
    found = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    return [found[pk] for pk in pks if pk in found]


def search(request):
    """`?q=` searched across live, public pages in the active language (paged), published
    works and approved artists (the best matches, on the first page only)."""
    query = request.GET.get("q", "")[:QUERY_MAX_LENGTH].replace("\x00", "")
    words = search_words(query)
    context = {"query": query.strip(), "searched": bool(query.strip()), "words": words}
    if words:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=1)
            .search(words, operator="and")
        )
        paginator = Paginator(pages, PAGES_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        context.update(
            results=results,
            page_range=list(paginator.get_elided_page_range(results.number, on_each_side=1, on_ends=1)),
            pages=_specific_in_order([page.pk for page in results.object_list]),
        )
        if results.number == 1:
            works = artwork_cards_by_id(ids=artwork_search_ids(words)[:ARTWORKS_SHOWN], request=request)
            context["artworks"] = list(works.values())
            found = get_search_backend().search(words, ArtistProfile.objects.approved())[:ARTISTS_SHOWN]
            artists = artist_cards_by_id(ids=[artist.pk for artist in found], request=request)
            context["artists"] = list(artists.values())
    context["language"] = translation.get_language()
    return TemplateResponse(request, "cms/search.html", context)
