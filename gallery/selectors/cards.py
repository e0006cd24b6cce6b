"""Public cards of works and artists for pages outside the gallery (home, stories, search,
StreamField blocks): what the public may see, with card renditions and links into the
gallery and the artist index of the active language."""

from gallery.models.artwork import Artwork
from gallery.models.pages import ArtistIndexPage, GalleryPage

from .portfolios import artist_cards, artist_list_public


def gallery_url_for(request):
    """A function giving a work's page in the gallery of the active language ("" without one)."""
    gallery = GalleryPage.for_active_locale()
    if gallery is None:
        return lambda artwork: ""
    return lambda artwork: gallery.artwork_url(artwork, request)


def artwork_cards_by_id(*, ids, request=None) -> dict[int, Artwork]:
    """The works among `ids` the public may see, by id, each with its images, card
    renditions and `url` (its page in the gallery, when there is one)."""
    ids = [pk for pk in dict.fromkeys(ids) if pk is not None]
    if not ids:
        return {}
    works = list(Artwork.objects.published().filter(pk__in=ids).cards())
    url_for = gallery_url_for(request)
    for artwork in works:
        artwork.url = url_for(artwork)
    return {artwork.pk: artwork for artwork in works}


def artist_cards_by_id(*, ids, request=None) -> dict[int, object]:
    """The approved artists among `ids` as public cards (see `gallery.selectors.portfolios`),
    by id, with the link to her portfolio when there is an artist index."""
    ids = [pk for pk in dict.fromkeys(ids) if pk is not None]
    if not ids:
        return {}
    index = ArtistIndexPage.for_active_locale()

    def url_for(slug):
        if index is None:
            return ""
        return index.get_url(request) + index.reverse_subpage("artist", kwargs={"slug": slug})

    cards = artist_cards(artist_list_public().filter(pk__in=ids), url_for=url_for)
    return {card.pk: card for card in cards}
