"""The gallery page — every published work, with search and filters — in every language.

Like the artist index, the page model lives in the `gallery` app above `heritage`, so it is
looked up through the app registry when the step runs; the page is found again by its slug
under each home, so a second run adds nothing.
"""

from django.apps import apps

from heritage.demo.content import LANGUAGES, SOURCE_LANGUAGE, DemoPage
from heritage.demo.context import SeedContext

from .pages import _publish, _source_page_find, _words_apply

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
    """The gallery under each language's home, in its menu right after the artists, published.

    The English page is made first; the Russian and Tajik ones are its translations
    (`copy_for_translation`), each with its own title, introduction and description.
    """
    spec = GALLERY
    for language in LANGUAGES:
        home = ctx.page("home", language)
        if language == SOURCE_LANGUAGE:
            page = _source_page_find(spec, home, ctx.locales[language])
        else:
            page = ctx.page(spec.key, SOURCE_LANGUAGE).get_translation_or_none(ctx.locales[language])
        new = []
        if page is None:
            if language == SOURCE_LANGUAGE:
                page = apps.get_model(spec.model)(
                    slug=spec.slug, locale=ctx.locales[language], live=False, show_in_menus=True
                )
                _words_apply(page, spec, language)
                home.add_child(instance=page)
            else:
                page = ctx.page(spec.key, SOURCE_LANGUAGE).copy_for_translation(ctx.locales[language])
            artists = ctx.pages.get(("artists", language))
            if artists is not None:
                page.move(type(artists).objects.get(pk=artists.pk), pos="right")
            new.append((spec, page.specific))
        ctx.pages[(spec.key, language)] = page.specific
        _publish(ctx, new, language)
