"""Reads about artists for their own studio. Public reads (portfolios) live in
`gallery.selectors.portfolios` and start from `ArtistProfile.objects.approved()`."""

from .models import ArtistProfile


def artist_get_for_user(user) -> ArtistProfile | None:
    """The profile of the signed-in user, if she has one."""
    if not user.is_authenticated:
        return None
    return ArtistProfile.objects.filter(user=user).select_related("portrait").first()
