"""What a visitor can ask the gallery for: filters by medium, size class, orientation,
artist region, price band and availability, a search query and a sort, read from a query
string. Unknown values are dropped, not answered with an empty list."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from artists.models import Region
from gallery.models.artwork import Artwork, Medium
from gallery.sales import Availability

from .search import QUERY_MAX_LENGTH

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


FILTER_NAMES = ("medium", "size", "orientation", "region", "price", "availability")


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

    def query_string(self) -> str:
        """The search and filters (not the sort or page) as one canonical query string: the
        same search typed in another order or case gives the same string."""
        fields = [("q", self.q.lower()), *((name, getattr(self, name)) for name in FILTER_NAMES)]
        return urlencode([(name, value) for name, value in fields if value])


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
