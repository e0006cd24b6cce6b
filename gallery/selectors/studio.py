"""Reads about artworks for the artist's studio. Public reads are in `portfolios` and `browse`
and go through `Artwork.objects.published()`."""

from gallery.models.artwork import Artwork


def artwork_list_for_artist(*, artist):
    """Everything an artist made, in any state, for her studio."""
    return (
        Artwork.objects.filter(artist=artist).select_related("medium").with_images().order_by("-updated_at")
    )


def artwork_get_for_artist(*, artist, pk: int) -> Artwork | None:
    """One of her own works, or None — never someone else's."""
    return Artwork.objects.filter(artist=artist, pk=pk).select_related("medium").with_images().first()
