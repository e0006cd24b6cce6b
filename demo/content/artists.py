"""The demo's artists: the artist index page in three languages, approved artists with their
works, one artist whose new works wait for review, and three applications.

Every artist writes her bio, statement and works in one language — Tajik, Russian or
English — as real artists do; the interface around her words is translated, her words are
not. An artist shows her region only if `show_location`, and only those artists name a
town in their own words. Names are invented; a few are pseudonyms.
"""

from dataclasses import dataclass, field

from .pages import DemoPage


@dataclass(frozen=True)
class DemoWork:
    """One artwork. `size_cm` is (width, height) or (width, height, depth); `look` is a key of
    `looks.LOOKS`; `close_up` adds a second, detail photograph."""

    title: str
    year: int
    medium: str  # a gallery.Medium slug
    materials: str
    size_cm: tuple
    look: str
    description: str
    close_up: bool = False
    featured: bool = False


@dataclass(frozen=True)
class DemoArtist:
    slug: str
    display_name: str
    language: str
    region: str  # an artists.Region value
    show_location: bool
    disciplines: tuple[str, ...]  # artists.Discipline slugs
    bio: str
    statement: str
    works: tuple[DemoWork, ...] = ()
    # Works she has sent for review; editors find them waiting in the admin.
    submitted: tuple[DemoWork, ...] = ()
    website: str = ""
    instagram: str = ""
    telegram: str = ""


@dataclass(frozen=True)
class DemoApplicant:
    """Someone who has applied and waits for an editor's decision; `samples` are
    (look, title) pairs for the sample images she sent."""

    email: str
    artist: DemoArtist
    samples: tuple[tuple[str, str], ...] = field(default_factory=tuple)


W = DemoWork

ARTIST_INDEX = DemoPage(
    key="artists",
    model="gallery.ArtistIndexPage",
    slug="artists",
    parent="home",
    show_in_menus=True,
    text={
        "en": {
            "title": "Artists",
            "intro": (
                "Embroiderers, weavers, painters, potters, jewellers and photographers from every "
                "region of Tajikistan and beyond. Choose a region or a craft, or simply browse."
            ),
            "search_description": "Portfolios of women artists of Tajikistan: suzani, atlas, "
            "painting, ceramics, jewellery and photography.",
        },
        "ru": {
            "title": "Художницы",
            "intro": (
                "Вышивальщицы, ткачихи, живописцы, керамистки, ювелиры и фотографы из всех "
                "регионов Таджикистана и из-за его пределов. Выберите регион или ремесло — или "
                "просто смотрите."
            ),
            "search_description": "Портфолио художниц Таджикистана: сюзане, атлас, живопись, "
            "керамика, украшения и фотография.",
        },
        "tg": {
            "title": "Рассомон",
            "intro": (
                "Гулдӯзон, бофандагон, наққошон, кулолон, заргарон ва аксбардорон аз ҳамаи "
                "минтақаҳои Тоҷикистон ва берун аз он. Минтақа ё ҳунарро интихоб кунед ё танҳо "
                "тамошо кунед."
            ),
            "search_description": "Портфолиои занони ҳунарманди Тоҷикистон: сӯзанӣ, атлас, "
            "наққошӣ, кулолӣ, заргарӣ ва аксбардорӣ.",
        },
    },
)
