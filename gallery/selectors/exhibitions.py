"""Reads for the public exhibitions: the index's three groups and an exhibition's rooms.

Like the portfolios (see `portfolios`), each read takes a fixed number of queries
however many exhibitions, sections or chosen works there are, and shows only works the
public may see: a work chosen for a room that is later archived, or whose artist is
suspended, silently leaves the room.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from wagtail.images import get_image_model

from gallery.models.artwork import Artwork, ArtworkImage
from heritage.images.renditions import (
    EXHIBITION_CARD_RENDITIONS,
    EXHIBITION_HERO_RENDITIONS,
    artwork_images_with_renditions,
)

from .portfolios import CARD_RENDITIONS

# Keep in step with templates/gallery/exhibition_index_page.html and exhibition_page.html.


@dataclass
class ExhibitionRoom:
    """One section as the public sees it: its words and its public works, in the curator's
    order."""

    section: object  # an ExhibitionSection
    artworks: list[Artwork] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"room-{self.section.pk}"


def _exhibitions_live(*, index):
    """The index's live exhibitions in its language (`index.exhibitions()`), their hero
    images with card renditions."""
    images = get_image_model().objects.prefetch_renditions(*EXHIBITION_CARD_RENDITIONS)
    return index.exhibitions().prefetch_related(Prefetch("hero_image", queryset=images))


def exhibition_list_current(*, index, today: date):
    """Open today, closing soonest first."""
    return (
        _exhibitions_live(index=index)
        .filter(start_date__lte=today, end_date__gte=today)
        .order_by("end_date", "start_date", "pk")
    )


def exhibition_list_upcoming(*, index, today: date):
    """Not open yet, opening soonest first."""
    return (
        _exhibitions_live(index=index).filter(start_date__gt=today).order_by("start_date", "end_date", "pk")
    )


def exhibition_list_past(*, index, today: date):
    """Closed, the most recently closed first. Page it: the archive only grows."""
    return (
        _exhibitions_live(index=index).filter(end_date__lt=today).order_by("-end_date", "-start_date", "-pk")
    )


def exhibition_hero_get(*, page):
    """The exhibition's hero image with the renditions its page shows, or None."""
    if page.hero_image_id is None:
        return None
    images = get_image_model().objects.prefetch_renditions(*EXHIBITION_HERO_RENDITIONS)
    return images.filter(pk=page.hero_image_id).first()


def exhibition_rooms(*, page) -> list[ExhibitionRoom]:
    """The exhibition's sections in order, each with the chosen works the public may see
    (published, by an approved artist), in the curator's order and each once.

    The chosen ids of every section are read from the stored streams, then all the works
    come in one go with their images and card renditions: the cost does not grow with the
    number of sections or works.
    """
    sections = list(page.sections.all())
    chosen = {pk for section in sections for pk in section.artwork_ids()}
    artwork_images = artwork_images_with_renditions(
        ArtworkImage.objects.order_by("sort_order", "pk"), CARD_RENDITIONS
    )
    works = (
        Artwork.objects.published()
        .filter(pk__in=chosen)
        .select_related("medium", "artist")
        .prefetch_related(Prefetch("images", queryset=artwork_images))
    )
    by_id = {work.pk: work for work in works} if chosen else {}
    rooms = []
    for section in sections:
        ids = [pk for pk in dict.fromkeys(section.artwork_ids()) if pk in by_id]
        rooms.append(ExhibitionRoom(section=section, artworks=[by_id[pk] for pk in ids]))
    return rooms
