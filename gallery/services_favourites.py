"""Saving works and following artists: writes, the saved page's reads and an artist's
audience counts.

Only what the public may see can be saved or followed: published works by approved
artists, and approved artists. Every write is idempotent — saving twice keeps one row,
removing what was never saved is a no-op — so a double click or a replayed form is harmless.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Prefetch

from wagtail.images import get_image_model

from artists.models import ArtistProfile

from .models import Artwork, Favourite, Follow
from .selectors.portfolios import CARD_RENDITIONS


def _get_or_create(model, **fields) -> None:
    try:
        with transaction.atomic():
            model.objects.get_or_create(**fields)
    except IntegrityError:
        # A concurrent request created the same row between the read and the write.
        pass


def favourite_add(*, user, artwork: Artwork) -> int:
    """Save `artwork` for `user`; returns how many people have saved it."""
    _get_or_create(Favourite, user=user, artwork=artwork)
    return Favourite.objects.filter(artwork=artwork).count()


def favourite_remove(*, user, artwork: Artwork) -> int:
    Favourite.objects.filter(user=user, artwork=artwork).delete()
    return Favourite.objects.filter(artwork=artwork).count()


def follow_add(*, user, artist: ArtistProfile) -> int:
    """Follow `artist`; returns how many people follow her."""
    _get_or_create(Follow, user=user, artist=artist)
    return Follow.objects.filter(artist=artist).count()


def follow_remove(*, user, artist: ArtistProfile) -> int:
    Follow.objects.filter(user=user, artist=artist).delete()
    return Follow.objects.filter(artist=artist).count()


def is_saved(*, user, artwork) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Favourite.objects.filter(user=user, artwork_id=artwork.pk).exists()


def is_following(*, user, artist) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, artist_id=artist.pk).exists()


def saved_artworks_for_user(user) -> list[Artwork]:
    """Her saved works the public may still see, most recently saved first, each with its
    images and card renditions: a fixed number of queries whatever their number. A work
    unpublished later, or whose artist was suspended, silently drops out."""
    return list(
        Artwork.objects.published()
        .filter(favourites__user=user)
        .cards()
        .order_by("-favourites__created_at", "-pk")
    )


def followed_artists_for_user(user) -> list[ArtistProfile]:
    """The approved artists she follows, by name, with their portraits' renditions."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return list(
        ArtistProfile.objects.approved()
        .filter(followers__user=user)
        .only("pk", "display_name", "slug", "portrait")
        .prefetch_related(Prefetch("portrait", queryset=images))
        .order_by("display_name", "pk")
    )


@dataclass(frozen=True)
class Audience:
    saves: int
    followers: int


def artist_audience(artist: ArtistProfile) -> Audience:
    """How many times her published works have been saved, and how many people follow her."""
    saves = Favourite.objects.filter(artwork__artist=artist, artwork__status=Artwork.Status.PUBLISHED).count()
    return Audience(saves=saves, followers=Follow.objects.filter(artist=artist).count())
