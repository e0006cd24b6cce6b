"""The gallery page — every published work, with search and filters — in every language.

The page is found again by its slug under each home, so a second run adds nothing.
"""

from demo.content import PAGE_SPECS
from demo.context import SeedContext

from .pages import menu_page_create

GALLERY = PAGE_SPECS["gallery"]


def gallery_page_create(ctx: SeedContext) -> None:
    """The gallery under each language's home, in its menu right after the artists, published."""

    def after_artists(page, home, language):
        artists = ctx.pages.get(("artists", language))
        if artists is not None:
            page.move(type(artists).objects.get(pk=artists.pk), pos="right")

    menu_page_create(ctx, GALLERY, place=after_artists)
