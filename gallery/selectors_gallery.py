"""Reads for the gallery: the browsable, searchable list of published works and each work's
own page.

Every read starts from `Artwork.objects.published()`, so a draft, a rejected work or a work
of a suspended artist never leaves here. Each takes a fixed number of queries however many
works there are: the facet counts come from one aggregate, images and their renditions in
bulk.
"""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from artists.models import Region
from heritage.caching import layout_cached
from heritage.images.renditions import (
    ARTWORK_RENDITIONS,
    LARGE_RENDITION,
    artwork_images_with_renditions,
)

from .models import Artwork, ArtworkImage, Medium
from .selectors_public import CARD_RENDITIONS, SOCIAL_RENDITION

ARTWORKS_PER_PAGE = 24
MORE_BY_ARTIST = 4
# Search answers are ranked, then narrowed by the filters; a visitor never pages this far.
SEARCH_LIMIT = 500
QUERY_MAX_LENGTH = 200
NOT_WORD = re.compile(r"[^\w]+")

# Keep in step with templates/gallery/artwork_page.html.

SMALL_BELOW_CM = 50
LARGE_ABOVE_CM = 100


class Size:
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    choices = [
        (SMALL, _("Small (under 50 cm)")),
        (MEDIUM, _("Medium (50–100 cm)")),
        (LARGE, _("Large (over 100 cm)")),
    ]


# Price bands in somoni diram (minor units of TJS), upper bounds exclusive.
PRICE_BANDS = [
    ("under-500", None, 50_000, _("Under 500 TJS")),
    ("500-1500", 50_000, 150_000, _("500–1,500 TJS")),
    ("1500-5000", 150_000, 500_000, _("1,500–5,000 TJS")),
    ("over-5000", 500_000, None, _("Over 5,000 TJS")),
]


class Availability:
    FOR_SALE = "for-sale"
    SOLD = "sold"
    NOT_FOR_SALE = "not-for-sale"
    choices = [
        (FOR_SALE, _("For sale")),
        (SOLD, _("Sold")),
        (NOT_FOR_SALE, _("Not for sale")),
    ]


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"
    PRICE_UP = "price"
    PRICE_DOWN = "-price"
    RELEVANCE = "relevance"
    choices = [
        (RELEVANCE, _("Best match")),
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (PRICE_UP, _("Price, low to high")),
        (PRICE_DOWN, _("Price, high to low")),
        (TITLE, _("Title A–Z")),
    ]
    # Works with no price on offer come last either way.
    order_by = {
        NEWEST: ("-published_at", "-pk"),
        OLDEST: ("published_at", "pk"),
        TITLE: ("title", "pk"),
        PRICE_UP: (F("price_from").asc(nulls_last=True), "-published_at", "-pk"),
        PRICE_DOWN: (F("price_from").desc(nulls_last=True), "-published_at", "-pk"),
    }


@dataclass(frozen=True)
class GalleryFilters:
    """What the visitor asked for; unknown values have been dropped already."""

    medium: str = ""
    size: str = ""
    orientation: str = ""
    region: str = ""
    price: str = ""
    availability: str = ""
    q: str = ""
    sort: str = Sort.NEWEST

    @property
    def active(self) -> bool:
        return bool(
            self.medium
            or self.size
            or self.orientation
            or self.region
            or self.price
            or self.availability
            or self.q
        )


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class GalleryListing:
    """One page of works (each with `url` set) and the facets beside them."""

    page: object
    page_range: list
    total: int
    filters: GalleryFilters
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    sort_options: list[tuple[str, str]] = field(default_factory=list)


def _known(value: str | None, allowed) -> str:
    return value if value in allowed else ""


def gallery_filters_parse(params, *, media: list[Medium]) -> GalleryFilters:
    """The filters in a query string. Unknown values (an old link, a hand-edited URL) are
    ignored rather than answered with an empty list."""
    q = " ".join((params.get("q") or "").split())[:QUERY_MAX_LENGTH]
    sort_default = Sort.RELEVANCE if q else Sort.NEWEST
    sorts = {value for value, _label in Sort.choices if q or value != Sort.RELEVANCE}
    return GalleryFilters(
        medium=_known(params.get("medium"), {m.slug for m in media}),
        size=_known(params.get("size"), {value for value, _label in Size.choices}),
        orientation=_known(params.get("orientation"), set(Artwork.Orientation.values)),
        region=_known(params.get("region"), set(Region.values)),
        price=_known(params.get("price"), {band[0] for band in PRICE_BANDS}),
        availability=_known(params.get("availability"), {value for value, _label in Availability.choices}),
        q=q,
        sort=_known(params.get("sort"), sorts) or sort_default,
    )


def _with_size(queryset):
    """Each work's size class from its longest side (width, height or depth)."""
    cm = DecimalField(max_digits=6, decimal_places=1)
    longest = Greatest(
        *(
            Coalesce(name, Value(Decimal(0)), output_field=cm)
            for name in ("width_cm", "height_cm", "depth_cm")
        ),
        output_field=cm,
    )
    return queryset.annotate(
        longest_cm=longest,
        size_class=Case(
            When(longest_cm__lte=0, then=Value("")),
            When(longest_cm__lt=SMALL_BELOW_CM, then=Value(Size.SMALL)),
            When(longest_cm__lte=LARGE_ABOVE_CM, then=Value(Size.MEDIUM)),
            default=Value(Size.LARGE),
            output_field=CharField(),
        ),
    )


def _with_offers(queryset):
    """Each work's lowest price on offer (TJS diram, None if nothing can be bought now), its
    price band and whether it is for sale, sold or not for sale. The shop's offers are read
    through the reverse relation, so the gallery never imports the shop."""
    offer_model = Artwork._meta.get_field("offers").related_model
    buyable = offer_model.objects.filter(artwork=OuterRef("pk"), active=True, stock__gt=0)
    sold = offer_model.objects.filter(artwork=OuterRef("pk"), stock=0, order_lines__isnull=False)
    lowest = buyable.filter(currency="TJS").order_by("price_amount").values("price_amount")[:1]
    bands = [
        When(
            (Q(price_from__gte=low) if low is not None else Q())
            & (Q(price_from__lt=high) if high is not None else Q()),
            then=Value(value),
        )
        for value, low, high, _label in PRICE_BANDS
    ]
    return queryset.annotate(
        price_from=Subquery(lowest, output_field=IntegerField()),
        availability=Case(
            When(Exists(buyable), then=Value(Availability.FOR_SALE)),
            When(Exists(sold), then=Value(Availability.SOLD)),
            default=Value(Availability.NOT_FOR_SALE),
            output_field=CharField(),
        ),
    ).annotate(
        price_band=Case(
            When(price_from__isnull=True, then=Value("")), *bands, default=Value(""), output_field=CharField()
        )
    )


def _facet_q(facet: str, value) -> Q:
    if facet == "price":
        return Q(price_band=value)
    if facet == "availability":
        return Q(availability=value)
    if facet == "medium":
        return Q(medium_id=value)
    if facet == "size":
        return Q(size_class=value)
    if facet == "orientation":
        return Q(orientation=value)
    # Only artists who chose to show their region match a region: filtering must never
    # reveal where an artist who keeps it private lives.
    return Q(artist__region=value, artist__show_location=True)


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


def artwork_listing(params, *, url_for) -> GalleryListing:
    """The gallery index: published works filtered by medium, size class, orientation,
    artist region, price band and availability (all combinable) and by a search query,
    sorted and paged, with the number of works each facet value would give alongside the
    other active filters.

    `url_for(artwork)` gives a work's page URL. Takes the same number of queries for ten
    works or ten thousand.
    """
    media = layout_cached("media", (), lambda: list(Medium.objects.all()))
    filters = gallery_filters_parse(params, media=media)
    base = _with_offers(_with_size(Artwork.objects.published()))
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
                q &= _facet_q(name, value)
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
                f"{facet}_{n}": Count("pk", filter=others(facet) & _facet_q(facet, key))
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


def _images_prefetch(renditions):
    return Prefetch(
        "images",
        queryset=artwork_images_with_renditions(
            ArtworkImage.objects.order_by("sort_order", "pk"), renditions
        ),
    )


def artwork_get_public(*, artist_slug: str, slug: str) -> Artwork | None:
    """A published work of an approved artist with its images (and the renditions its page
    shows) and tags, or None: any other work does not exist for the public."""
    return (
        Artwork.objects.published()
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


def artwork_jsonld(artwork: Artwork, *, url: str, artist_url: str = "") -> str:
    """The work as schema.org `VisualArtwork`, ready to sit inside a
    `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so that no text of
    hers can close the script element."""
    creator = {"@type": "Person", "name": artwork.artist.display_name}
    if artist_url:
        creator["url"] = artist_url
    data = {
        "@context": "https://schema.org",
        "@type": "VisualArtwork",
        "name": artwork.title,
        "url": url,
        "creator": creator,
    }
    if artwork.description:
        data["description"] = artwork.description
    if artwork.year:
        data["dateCreated"] = str(artwork.year)
    if artwork.medium:
        data["artMedium"] = artwork.medium.name
    if artwork.materials:
        data["artworkSurface"] = artwork.materials
    for name in ("width", "height", "depth"):
        value = getattr(artwork, f"{name}_cm")
        if value:
            data[name] = {"@type": "QuantitativeValue", "value": float(value), "unitCode": "CMT"}
    images = [item.image.get_rendition(LARGE_RENDITION).full_url for item in artwork.images.all()]
    if images:
        data["image"] = images
    tags = [tag.name for tag in artwork.tags.all()]
    if tags:
        data["keywords"] = ", ".join(tags)
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 -- escaped above for a script element
