"""Reads for the gallery: the browsable, searchable list of published works and each work's
own page (its filters, facet SQL, search and JSON-LD in the modules beside this one).

Every read starts from `Artwork.objects.published()`, so a draft, a rejected work or a work
of a suspended artist never leaves here. Each takes a fixed number of queries however many
works there are: the facet counts come from one aggregate, images and their renditions in
bulk.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Prefetch,
    Q,
)
from django.http import QueryDict

from artists.models import Region
from gallery.models.artwork import Artwork, ArtworkImage, Medium
from gallery.ratings import artworks_with_rating
from gallery.sales import Availability, artworks_with_sale
from heritage.caching import layout_cached
from heritage.images.renditions import (
    ARTWORK_RENDITIONS,
    LARGE_RENDITION,
    artwork_images_with_renditions,
)

from .facets import FacetOption, artworks_with_price, artworks_with_size, facet_q
from .filters import PRICE_BANDS, GalleryFilters, Size, Sort, gallery_filters_parse
from .portfolios import CARD_RENDITIONS, SOCIAL_RENDITION
from .search import artwork_search_ids

ARTWORKS_PER_PAGE = 24
MORE_BY_ARTIST = 4


@dataclass
class GalleryListing:
    """One page of works (each with `url` set) and the facets beside them."""

    page: object
    page_range: list
    total: int
    filters: GalleryFilters
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    sort_options: list[tuple[str, str]] = field(default_factory=list)


def artwork_listing(params, *, url_for) -> GalleryListing:
    """The gallery index: published works filtered by medium, size class, orientation,
    artist region, price band and availability (all combinable) and by a search query,
    sorted and paged, with the number of works each facet value would give alongside the
    other active filters.

    `url_for(artwork)` gives a work's page URL. Takes the same number of queries for ten
    works or ten thousand.
    """
    media = _media()
    filters = gallery_filters_parse(params, media=media)
    base, active, ranked = _filtered(filters, media)
    facet_values = {
        "medium": [(m.pk, m.slug, m.name) for m in media],
        "size": [(value, value, label) for value, label in Size.choices],
        "orientation": [(value, value, label) for value, label in Artwork.Orientation.choices],
        "region": [(value, value, label) for value, label in Region.choices],
        "price": [(value, value, label) for value, _low, _high, label in PRICE_BANDS],
        "availability": [(value, value, label) for value, label in Availability.choices],
    }

    def others(facet: str) -> Q:
        q = Q()
        for name, value in active.items():
            if name != facet and value:
                q &= facet_q(name, value)
        return q

    everything = others("")
    # The counts are the costly read (one pass over every published work); the same filters
    # give the same counts until the content changes, so they are kept with the layout.
    counts = layout_cached(
        "gallery-counts",
        (sorted(active.items()), filters.q),
        lambda: base.aggregate(
            total=Count("pk", filter=everything) if everything else Count("pk"),
            **{
                f"{facet}_{n}": Count("pk", filter=others(facet) & facet_q(facet, key))
                for facet, values in facet_values.items()
                for n, (key, _value, _label) in enumerate(values)
            },
        ),
    )
    facets = {
        facet: [
            FacetOption(
                value=value,
                label=str(label),
                count=counts[f"{facet}_{n}"],
                selected=value == getattr(filters, facet),
            )
            for n, (_key, value, label) in enumerate(values)
        ]
        for facet, values in facet_values.items()
    }

    works = (
        base.filter(everything)
        .select_related("artist", "medium")
        .prefetch_related(_images_prefetch(CARD_RENDITIONS))
    )
    if filters.sort == Sort.RELEVANCE:
        # The backend's ranking is a list of at most SEARCH_LIMIT ids: keep those the filters
        # let through, in that order, and read only the page's works (cheaper than asking the
        # database to sort by a CASE of hundreds of branches).
        matching = set(base.filter(everything).values_list("pk", flat=True))
        paginator = Paginator([pk for pk in ranked if pk in matching], ARTWORKS_PER_PAGE)
        page = paginator.get_page(params.get("page"))
        by_pk = works.in_bulk(page.object_list)
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    else:
        paginator = Paginator(works.order_by(*Sort.order_by[filters.sort]), ARTWORKS_PER_PAGE)
        # The aggregate above has counted them already; spare the paginator its own COUNT.
        paginator.count = counts["total"]
        page = paginator.get_page(params.get("page"))
        page.object_list = list(page.object_list)
    for artwork in page.object_list:
        artwork.url = url_for(artwork)
    return GalleryListing(
        page=page,
        page_range=list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)),
        total=counts["total"],
        filters=filters,
        facets=facets,
        sort_options=[(v, str(label)) for v, label in Sort.choices if filters.q or v != Sort.RELEVANCE],
    )


def _media() -> list[Medium]:
    return layout_cached("media", (), lambda: list(Medium.objects.all()))


def _filtered(filters: GalleryFilters, media: list[Medium]):
    """The gallery's one rule for what a search and its filters ask: the published works with
    their facet annotations, narrowed by the query (with its ranked ids), and the active
    filters by facet, to be combined with `_all_of`."""
    base = artworks_with_price(artworks_with_size(Artwork.objects.published()))
    ranked: list[int] = []
    if filters.q:
        ranked = artwork_search_ids(filters.q)
        base = base.filter(pk__in=ranked)
    medium = next((m for m in media if m.slug == filters.medium), None)
    active = {
        "medium": medium.pk if medium else None,
        "size": filters.size,
        "orientation": filters.orientation,
        "region": filters.region,
        "price": filters.price,
        "availability": filters.availability,
    }
    return base, active, ranked


def _all_of(active: dict) -> Q:
    q = Q()
    for name, value in active.items():
        if value:
            q &= facet_q(name, value)
    return q


def gallery_filters_read(params) -> GalleryFilters:
    """The filters of a gallery query string (a `QueryDict`, a dict or a query string),
    unknown values dropped, as the gallery page reads them."""
    if isinstance(params, str):
        params = QueryDict(params)
    return gallery_filters_parse(params, media=_media())


def artworks_matching(params):
    """The published works the gallery page lists for a query string (`q` and the filters;
    newest first): the same rule, so a saved search finds what the page would show."""
    filters = gallery_filters_read(params)
    base, active, _ranked = _filtered(filters, _media())
    return base.filter(_all_of(active)).order_by(*Sort.order_by[Sort.NEWEST])


def _images_prefetch(renditions):
    return Prefetch(
        "images",
        queryset=artwork_images_with_renditions(
            ArtworkImage.objects.order_by("sort_order", "pk"), renditions
        ),
    )


def artwork_get_public(*, artist_slug: str, slug: str) -> Artwork | None:
    """A published work of an approved artist with its images (and the renditions its page
    shows), tags, sale annotations (`gallery.sales`) and rating (`gallery.ratings`), or None:
    any other work does not exist for the public."""
    return (
        artworks_with_rating(artworks_with_sale(Artwork.objects.published()))
        .filter(artist__slug=artist_slug, slug=slug)
        .select_related("artist", "medium")
        .prefetch_related("tags", _images_prefetch((*ARTWORK_RENDITIONS, LARGE_RENDITION, SOCIAL_RENDITION)))
        .first()
    )


def artwork_list_more_by(artwork: Artwork, *, limit: int = MORE_BY_ARTIST) -> list[Artwork]:
    """Up to `limit` other published works by the same artist, featured then newest."""
    return list(
        Artwork.objects.published()
        .filter(artist_id=artwork.artist_id)
        .exclude(pk=artwork.pk)
        .select_related("artist", "medium")
        .prefetch_related(_images_prefetch(CARD_RENDITIONS))
        .order_by("-featured", "-published_at", "-pk")[:limit]
    )


def artwork_urls_public():
    """(artist slug, work slug, last change) of every published work, for the sitemap."""
    return (
        Artwork.objects.published()
        .order_by("artist__slug", "slug")
        .values_list("artist__slug", "slug", "updated_at")
    )
