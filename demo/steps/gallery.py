"""The gallery page — every published work, with search and filters — in every language.

The page is found again by its slug under each home, so a second run adds nothing.
"""

from demo.content import DemoPage
from demo.context import SeedContext

from .pages import menu_page_create

GALLERY = DemoPage(
    key="gallery",
    model="gallery.GalleryPage",
    slug="gallery",
    parent="home",
    show_in_menus=True,
    text={
        "en": {
            "title": "Gallery",
            "intro": (
                "Suzani, atlas, paintings, ceramics, jewellery and photographs by women artists of "
                "Tajikistan. Search by word, or narrow the works by medium, size, shape and region."
            ),
            "search_description": "Browse and search works by women artists of Tajikistan: "
            "embroidery, weaving, painting, ceramics, jewellery and photography.",
        },
        "ru": {
            "title": "Галерея",
            "intro": (
                "Сюзане, атлас, живопись, керамика, украшения и фотографии художниц Таджикистана. "
                "Ищите по слову или выбирайте работы по технике, размеру, формату и региону."
            ),
            "search_description": "Работы художниц Таджикистана: вышивка, ткачество, живопись, "
            "керамика, украшения и фотография.",
        },
        "tg": {
            "title": "Нигористон",
            "intro": (
                "Сӯзанӣ, атлас, наққошӣ, кулолӣ, заргарӣ ва аксҳои рассомони зани Тоҷикистон. "
                "Бо калима ҷустуҷӯ кунед ё асарҳоро аз рӯи усул, андоза, шакл ва минтақа интихоб кунед."
            ),
            "search_description": "Асарҳои рассомони зани Тоҷикистон: гулдӯзӣ, бофандагӣ, наққошӣ, "
            "кулолӣ, заргарӣ ва аксбардорӣ.",
        },
    },
)


def gallery_page_create(ctx: SeedContext) -> None:
    """The gallery under each language's home, in its menu right after the artists, published."""

    def after_artists(page, home, language):
        artists = ctx.pages.get(("artists", language))
        if artists is not None:
            page.move(type(artists).objects.get(pk=artists.pk), pos="right")

    menu_page_create(ctx, GALLERY, place=after_artists)
