"""What the site search finds, grouped the way a visitor looks for it: works, artists,
exhibitions, stories, events and other pages; and, when nothing is found, the nearest terms
and the media to browse instead.

Every group goes through the gallery's `search_query` (the one normalisation and the term
list), so `suzani`, `сузани` and `сӯзанӣ` find the same things everywhere.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from artists.models import ArtistProfile
from gallery.models import ExhibitionPage, GalleryPage, Medium
from gallery.selectors.cards import artist_cards_by_id, artwork_cards_by_id
from gallery.selectors.search import Suggestion, artwork_search_ids, search_query, search_suggestions
from heritage.caching import layout_cached

from .models import CampaignPage, EventPage, StoryPage

PAGES_PER_PAGE = 10
ARTWORKS_SHOWN = 8
ARTISTS_SHOWN = 6
# The sections pages are shown in, in this order; a page of any other type is under "pages".
PAGE_GROUPS = (
    ("exhibitions", (ExhibitionPage,)),
    ("stories", (StoryPage, CampaignPage)),
    ("events", (EventPage,)),
)


@dataclass
class SiteSearch:
    """One page of the site search's answer."""

    results: PaginatorPage | None = None
    page_range: list = field(default_factory=list)
    artworks: list = field(default_factory=list)
    artworks_total: int = 0
    artists: list = field(default_factory=list)
    groups: dict[str, list[Page]] = field(default_factory=dict)
    suggestions: list[Suggestion] = field(default_factory=list)
    media: list = field(default_factory=list)
    gallery_url: str = ""

    @property
    def found(self) -> bool:
        return bool(self.artworks or self.artists or any(self.groups.values()))


def _specific_in_order(pks: list[int]) -> list[Page]:
    """The pages with their own fields (title, intro), in the ranked order: one query per
    page type, not one per page."""
    found = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    return [found[pk] for pk in pks if pk in found]


def _group_of(page: Page) -> str:
    return next((name for name, types in PAGE_GROUPS if isinstance(page, types)), "pages")


def site_search(words: str, *, page_number, request) -> SiteSearch:
    """Live, public pages in the active language matching `words` (paged, grouped by
    kind), and on the first page the best published works and approved artists. When
    nothing matches: the nearest terms and the media of the gallery."""
    query = search_query(words)
    pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1).search(query)
    paginator = Paginator(pages, PAGES_PER_PAGE)
    results = paginator.get_page(page_number)
    answer = SiteSearch(
        results=results,
        page_range=list(paginator.get_elided_page_range(results.number, on_each_side=1, on_ends=1)),
        groups={name: [] for name, _types in PAGE_GROUPS} | {"pages": []},
    )
    for found in _specific_in_order([page.pk for page in results.object_list]):
        answer.groups[_group_of(found)].append(found)
    gallery = GalleryPage.for_active_locale()
    answer.gallery_url = gallery.url if gallery else ""
    if results.number == 1:
        ranked = artwork_search_ids(words)
        answer.artworks_total = len(ranked)
        cards = artwork_cards_by_id(ids=ranked[:ARTWORKS_SHOWN], request=request)
        answer.artworks = [cards[pk] for pk in ranked if pk in cards]
        artists = get_search_backend().search(query, ArtistProfile.objects.approved())[:ARTISTS_SHOWN]
        ids = [artist.pk for artist in artists]
        cards = artist_cards_by_id(ids=ids, request=request)
        answer.artists = [cards[pk] for pk in ids if pk in cards]
    if not answer.found:
        answer.suggestions = search_suggestions(words)
        answer.media = layout_cached("media", (), lambda: list(Medium.objects.all()))
    return answer
