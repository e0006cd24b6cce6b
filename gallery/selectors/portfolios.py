"""Reads for the public portfolios: approved artists and their published works.

What leaves here is what the public may see and nothing more: artists come out as
`PublicArtist` values built from a handful of public columns (never the account, the phone,
payout or consent data), and every read takes a fixed number of queries however many
artists or works there are — images and their renditions come in bulk, not row by row.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from wagtail.images import get_image_model

from artists.models import ArtistProfile, Discipline, Region
from gallery.models.artwork import Artwork, ArtworkImage
from heritage.images.renditions import (
    CARD_RENDITIONS,
    PORTRAIT_RENDITIONS,
    SOCIAL_RENDITION,
    artwork_images_with_renditions,
)

# The renditions the templates ask for; prefetched so that rendering a card never queries.
# Keep them in step with templates/components/artist_card.html, artwork_card.html and
# gallery/artist_detail.html.

PUBLIC_ARTIST_FIELDS = (
    "pk",
    "display_name",
    "slug",
    "bio",
    "statement",
    "region",
    "show_location",
    "portrait",
    "website",
    "instagram",
    "telegram",
)
HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,60}$")


@dataclass
class PublicArtist:
    """An approved artist as the public sees her. `region` is the region's label, and only
    when she chose to show it; `image` is her portrait, else the first image of her latest
    published work (None when she has neither)."""

    pk: int
    display_name: str
    slug: str
    region: str
    disciplines: list[str]
    works_count: int = 0
    bio: str = ""
    statement: str = ""
    portrait: object = None
    image: object = None
    website: str = ""
    instagram: str = ""
    telegram: str = ""
    url: str = field(default="", compare=False)

    @property
    def instagram_url(self) -> str:
        return _profile_url(
            self.instagram, hosts={"instagram.com", "www.instagram.com"}, base="https://www.instagram.com/"
        )

    @property
    def telegram_url(self) -> str:
        return _profile_url(self.telegram, hosts={"t.me", "telegram.me"}, base="https://t.me/")

    @property
    def has_links(self) -> bool:
        return bool(self.website or self.instagram_url or self.telegram_url)


def _profile_url(value: str, *, hosts: set[str], base: str) -> str:
    """A link to her profile from what she typed: a handle ("@name", "name") or a URL on
    that service. Anything else gives no link rather than a link somewhere unexpected."""
    value = value.strip()
    if value.startswith(("https://", "http://")):
        parts = urlsplit(value)
        return value if parts.scheme == "https" and parts.hostname in hosts else ""
    handle = value.removeprefix("@")
    return f"{base}{handle}" if HANDLE.match(handle) else ""


def _web_url(value: str) -> str:
    """Her website as a link only when it is a web address: forms allow nothing else, and a
    `javascript:` value that got in another way must not become a link."""
    return value if urlsplit(value.strip()).scheme in ("http", "https") else ""


def _public_artist(artist: ArtistProfile, **extra) -> PublicArtist:
    return PublicArtist(
        pk=artist.pk,
        display_name=artist.display_name,
        slug=artist.slug,
        region=artist.public_region,
        disciplines=[d.name for d in artist.disciplines.all()],
        **extra,
    )


def _published_works(artist_ref):
    return Artwork.objects.filter(artist=artist_ref, status=Artwork.Status.PUBLISHED)


def artist_list_public(*, region: str = "", discipline: str = ""):
    """Approved artists for the public index, by name, with the number of their published
    works and the id of the image for their card.

    A region filter only matches artists who chose to show their region, so filtering can
    never reveal where an artist who keeps it private lives. Page the result, then turn the
    page into cards with `artist_cards()`.
    """
    works_count = (
        _published_works(OuterRef("pk")).order_by().values("artist").annotate(n=Count("pk")).values("n")
    )
    cover = (
        ArtworkImage.objects.filter(artwork__artist=OuterRef("pk"), artwork__status=Artwork.Status.PUBLISHED)
        .order_by("-artwork__featured", "-artwork__published_at", "-artwork_id", "sort_order", "pk")
        .values("image_id")[:1]
    )
    artists = (
        ArtistProfile.objects.approved()
        .only("pk", "display_name", "slug", "region", "show_location", "portrait")
        .prefetch_related("disciplines")
        .annotate(
            works_count=Coalesce(Subquery(works_count, output_field=IntegerField()), Value(0)),
            cover_image_id=Subquery(cover, output_field=IntegerField()),
        )
        .order_by("display_name", "pk")
    )
    if region:
        artists = artists.filter(region=region, show_location=True)
    if discipline:
        artists = artists.filter(disciplines__slug=discipline)
    return artists


def artist_cards(artists, *, url_for) -> list[PublicArtist]:
    """One page of `artist_list_public()` as cards, with every card's image and its
    renditions fetched in one go. `url_for(slug)` gives her portfolio's URL."""
    artists = list(artists)
    image_ids = {a.portrait_id or a.cover_image_id for a in artists} - {None}
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*CARD_RENDITIONS)
    images_by_id = {image.pk: image for image in images} if image_ids else {}
    return [
        _public_artist(
            artist,
            works_count=artist.works_count,
            image=images_by_id.get(artist.portrait_id or artist.cover_image_id),
            url=url_for(artist.slug),
        )
        for artist in artists
    ]


def artist_get_public(*, slug: str) -> PublicArtist | None:
    """An approved artist's public profile, or None for anyone else (applied, rejected,
    suspended or unknown): their portfolio does not exist for the public."""
    images = get_image_model().objects.prefetch_renditions(*PORTRAIT_RENDITIONS, SOCIAL_RENDITION)
    artist = (
        ArtistProfile.objects.approved()
        .filter(slug=slug)
        .only(*PUBLIC_ARTIST_FIELDS)
        .prefetch_related("disciplines", Prefetch("portrait", queryset=images))
        .first()
    )
    if artist is None:
        return None
    return _public_artist(
        artist,
        bio=artist.bio,
        statement=artist.statement,
        portrait=artist.portrait,
        image=artist.portrait,
        website=_web_url(artist.website),
        instagram=artist.instagram,
        telegram=artist.telegram,
    )


def artwork_list_for_portfolio(*, artist_pk: int) -> list[Artwork]:
    """Her published works, newest first, each with its images in order and the
    renditions her portfolio shows: five queries whatever their number."""
    artwork_images = artwork_images_with_renditions(
        ArtworkImage.objects.order_by("sort_order", "pk"), (*CARD_RENDITIONS, SOCIAL_RENDITION)
    )
    return list(
        Artwork.objects.published()
        .filter(artist_id=artist_pk)
        .select_related("medium")
        .prefetch_related(Prefetch("images", queryset=artwork_images))
        .order_by("-featured", "-published_at", "-pk")
    )


def artist_slugs_public():
    """(slug, last change) of every public portfolio, for the sitemap."""
    return ArtistProfile.objects.approved().order_by("display_name", "pk").values_list("slug", "updated_at")


def region_choices() -> list[tuple[str, str]]:
    """Regions for the filter, in the active language."""
    return [(value, str(label)) for value, label in Region.choices]


def discipline_choices() -> list[Discipline]:
    return list(Discipline.objects.all())
