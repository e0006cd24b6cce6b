"""Reads about artists. Everything public starts from `ArtistProfile.objects.approved()`."""

from django.db.models import Count, Q

from .models import ArtistProfile


def artist_list_public(*, region: str = "", discipline: str = ""):
    """Approved artists for the public index, optionally by region and discipline.

    A region filter only matches artists who chose to show their region, so filtering can
    never reveal the region of an artist who keeps it private.
    """
    artists = (
        ArtistProfile.objects.approved()
        .select_related("portrait")
        .prefetch_related("disciplines")
        .annotate(
            public_works=Count(
                "artworks",
                filter=Q(artworks__status="published"),
            )
        )
        .order_by("display_name")
    )
    if region:
        artists = artists.filter(region=region, show_location=True)
    if discipline:
        artists = artists.filter(disciplines__slug=discipline)
    return artists


def artist_get_public(*, slug: str) -> ArtistProfile | None:
    return (
        ArtistProfile.objects.approved()
        .select_related("portrait")
        .prefetch_related("disciplines")
        .filter(slug=slug)
        .first()
    )


def artist_get_for_user(user) -> ArtistProfile | None:
    """The profile of the signed-in user, if she has one."""
    if not user.is_authenticated:
        return None
    return ArtistProfile.objects.filter(user=user).select_related("portrait").first()
