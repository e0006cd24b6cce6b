"""Reads for discovery: her saved searches as she reads them, and what her next weekly digest
holds — the new works of the artists she follows and of her saved searches.

A digest looks at works published after the later of the subscription's start and her last
digest's `until` (the first, at most a week back), up to this digest's `until`, never at one a
digest of hers showed already.
Every read starts from `Artwork.objects.published()`: no draft, no suspended artist. A saved
search runs through the gallery's own rule (`browse.artworks_matching`).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils.translation import gettext as _

from artists.models import ArtistProfile, Region
from gallery.models.artwork import Artwork, Medium
from gallery.models.discovery import DigestOptOut, DigestSent, SavedSearch
from gallery.models.favourites import Follow
from gallery.sales import Availability, artworks_with_sale

from .browse import artworks_matching, gallery_filters_read
from .filters import PRICE_BANDS, Size

WORKS_PER_SECTION = 6
# A person's first digest looks back at most this far (however long ago she followed or
# saved), so the first weekly run after launch is not a flood of old news.
FIRST_DIGEST_LOOKBACK = timedelta(days=7)


def saved_search_describe(query: str) -> str:
    """A saved search in the reader's language: “apricot” · Small (under 50 cm) · Sughd."""
    filters = gallery_filters_read(query)
    labels = {
        "size": dict(Size.choices),
        "orientation": dict(Artwork.Orientation.choices),
        "region": dict(Region.choices),
        "price": {value: label for value, _low, _high, label in PRICE_BANDS},
        "availability": dict(Availability.choices),
    }
    parts = [f"“{filters.q}”"] if filters.q else []
    if filters.medium:
        medium = Medium.objects.filter(slug=filters.medium).first()
        parts.append(medium.name if medium else filters.medium)
    for name, names in labels.items():
        value = getattr(filters, name)
        if value:
            parts.append(str(names.get(value, value)))
    return " · ".join(parts) or _("All works")


def saved_search_list(user) -> list[SavedSearch]:
    """Her saved searches, newest first, each with `label` in the reader's language."""
    searches = list(SavedSearch.objects.filter(user=user))
    for search in searches:
        search.label = saved_search_describe(search.query)
    return searches


def digest_opted_out(user) -> bool:
    return DigestOptOut.objects.filter(user=user).exists()


@dataclass
class DigestSection:
    """New works under one heading: a followed artist (`follow`) or a saved search (`search`)."""

    works: list[Artwork]
    more: int = 0
    follow: Follow | None = None
    search: SavedSearch | None = None


@dataclass
class Digest:
    artists: list[DigestSection] = field(default_factory=list)
    searches: list[DigestSection] = field(default_factory=list)

    @property
    def works(self) -> list[Artwork]:
        return [work for section in (*self.artists, *self.searches) for work in section.works]


def digest_recipients():
    """Active people with a follow of an approved artist or a saved search still emailing,
    and no "all" opt-out, in a stable order."""
    follows = Follow.objects.filter(emails=True, artist__status=ArtistProfile.Status.APPROVED)
    searches = SavedSearch.objects.filter(emails=True)
    ids = set(follows.values_list("user_id", flat=True)) | set(searches.values_list("user_id", flat=True))
    return (
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True, digest_opt_out__isnull=True)
        .order_by("pk")
    )


def _cards(queryset):
    return artworks_with_sale(queryset).cards()


def digest_collect(*, user, until: datetime) -> Digest:
    """What her digest up to `until` holds (sections may be empty: the caller sends nothing
    then). A work shows once: under its artist if she follows her, else under the first
    saved search it matches."""
    last = DigestSent.objects.filter(user=user).order_by("-until").values_list("until", flat=True).first()
    shown = DigestSent.artworks.through.objects.filter(digestsent__user=user).values("artwork_id")
    new = (
        Artwork.objects.published()
        .filter(published_at__lte=until, published_at__gt=last or until - FIRST_DIGEST_LOOKBACK)
        .exclude(pk__in=shown)
    )
    digest = Digest()
    seen: set[int] = set()

    follows = list(
        Follow.objects.filter(user=user, emails=True, artist__status=ArtistProfile.Status.APPROVED)
        .select_related("artist")
        .order_by("artist__display_name", "pk")
    )
    by_artist: dict[int, list[Artwork]] = {}
    followed_works = _cards(
        new.filter(
            artist__followers__user=user,
            artist__followers__emails=True,
            published_at__gt=F("artist__followers__created_at"),
        )
    ).order_by("-published_at", "-pk")
    for work in followed_works:
        by_artist.setdefault(work.artist_id, []).append(work)
    for follow in follows:
        works = by_artist.get(follow.artist_id, [])
        if works:
            digest.artists.append(_section(works, seen, follow=follow))

    for search in SavedSearch.objects.filter(user=user, emails=True).order_by("created_at", "pk"):
        matching = artworks_matching(search.query).filter(
            pk__in=new.filter(published_at__gt=search.created_at).values("pk")
        )
        works = [work for work in matching.cards() if work.pk not in seen]
        if works:
            digest.searches.append(_section(works, seen, search=search))
    return digest


def _section(works: list[Artwork], seen: set[int], **heading) -> DigestSection:
    shown = works[:WORKS_PER_SECTION]
    seen.update(work.pk for work in works)
    return DigestSection(works=shown, more=len(works) - len(shown), **heading)


@dataclass(frozen=True)
class DiscoveryCounts:
    follows: int
    saved_searches: int
    opted_out: int
    digests_last_week: int


def discovery_counts(*, now: datetime) -> DiscoveryCounts:
    """For editors: how many follows and saved searches there are, how many people stopped
    the digest, and how many digests went out in the seven days before `now`."""
    return DiscoveryCounts(
        follows=Follow.objects.count(),
        saved_searches=SavedSearch.objects.count(),
        opted_out=DigestOptOut.objects.count(),
        digests_last_week=DigestSent.objects.filter(sent_at__gt=now - timedelta(days=7)).count(),
    )
