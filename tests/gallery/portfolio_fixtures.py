"""Artists, artworks and the artist index page for the portfolio tests."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from artists.models import ArtistProfile, Discipline, Region
from gallery.models import ArtistIndexPage, Artwork, ArtworkImage, Medium
from tests.factories import ImageFactory, UserFactory, index_under_homes

INDEX_TITLES = {"en": "Artists", "ru": "Художницы", "tg": "Рассомон"}
_numbers = itertools.count(1)


def index_pages_build() -> dict[str, ArtistIndexPage]:
    """The three-language site with an artist index under each home, at /<lang>/artists/."""
    return index_under_homes(ArtistIndexPage, slug="artists", titles=INDEX_TITLES)


def artist_make(
    *, status=ArtistProfile.Status.APPROVED, disciplines=(), user=None, **fields
) -> ArtistProfile:
    """An artist (approved unless told), with a user account only when one is given."""
    n = next(_numbers)
    fields.setdefault("display_name", f"Artist {n}")
    fields.setdefault("slug", f"artist-{n}")
    fields.setdefault("region", Region.SUGHD)
    artist = ArtistProfile.objects.create(status=status, user=user, **fields)
    if disciplines:
        # Parental many-to-many relations are written when the profile is saved.
        artist.disciplines.set(Discipline.objects.filter(slug__in=disciplines))
        artist.save()
    return artist


def artist_with_account(**fields) -> ArtistProfile:
    return artist_make(user=UserFactory(), **fields)


def artwork_make(artist, *, status=Artwork.Status.PUBLISHED, images=1, **fields) -> Artwork:
    """A work with `images` small images; published ones get a publication time."""
    n = next(_numbers)
    fields.setdefault("title", f"Work {n}")
    fields.setdefault("slug", f"work-{n}")
    fields.setdefault("year", 2024)
    fields.setdefault("medium", Medium.objects.filter(slug="hand-embroidery").first())
    fields.setdefault("width_cm", 40)
    fields.setdefault("height_cm", 60)
    if status == Artwork.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    artwork = Artwork.objects.create(artist=artist, status=status, **fields)
    for order in range(images):
        ArtworkImage.objects.create(
            artwork=artwork,
            image=ImageFactory(alt_text=f"{artwork.title}: photo {order + 1}"),
            sort_order=order,
        )
    return artwork


def queries_for(client, url: str) -> int:
    """How many SQL queries one GET of `url` takes (after the caller's warm-up)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)
