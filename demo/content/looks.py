"""How the demo artworks look: a pattern generator for each kind of picture, and what the
picture shows, described in the three languages for its alt text (`demo/data/looks.json`).

An artwork names its look; the seed draws the look at the work's proportions with a seed of
its own, so no two works are the same picture. The descriptions say what is drawn, colour
by colour, because alt text stands in for the picture.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PIL import Image

from demo.content.files import data_load
from demo.patterns import ADRAS, ATLAS, chakan, ikat, pomegranate_tiles, suzani
from demo.patterns.colour import bordered, hue_shift, tinted
from demo.patterns.landscape import APRICOT, DAWN, DUSK, SUMMER, WINTER, landscape
from demo.patterns.plate import COBALT, EARTH, RISHTAN, SILVER, plate

Draw = Callable[[tuple[int, int], int], Image.Image]

INDIGO = ("#1b2a5c", "#f4efe2", "#3b5ba9", "#8fb1d9", "#0f1838")
MADDER = ("#7a1424", "#1f3b5a", "#e8d9b5", "#b5472f", "#2f2a28", "#c9932c")
MEADOW = ("#2e6b3a", "#f2c14e", "#e8e0c8", "#7a1424", "#1b1b3a", "#8fbf6a")


@dataclass(frozen=True)
class Look:
    draw: Draw
    alt: dict[str, str]


def _recoloured(draw: Draw, degrees: int) -> Draw:
    return lambda size, seed: hue_shift(draw(size, seed), degrees)


def _wood(draw: Draw) -> Draw:
    return lambda size, seed: tinted(draw(size, seed), "#3b2414", "#d9b88a")


def _miniature(palette) -> Draw:
    return lambda size, seed: bordered(landscape(size, seed, palette), "#efe3c6", "#b8892a")


DRAWS: dict[str, Draw] = {
    "suzani": suzani,
    "suzani_blue": _recoloured(suzani, 200),
    "suzani_green": _recoloured(suzani, 120),
    "chakan": chakan,
    "chakan_blue": _recoloured(chakan, 230),
    "felt": _recoloured(chakan, 40),
    "atlas": partial(ikat, palette=ATLAS),
    "adras": partial(ikat, palette=ADRAS),
    "indigo": partial(ikat, palette=INDIGO),
    "madder": partial(ikat, palette=MADDER),
    "meadow": partial(ikat, palette=MEADOW),
    "tiles": pomegranate_tiles,
    "wood_tiles": _wood(pomegranate_tiles),
    "wood_rosettes": _wood(suzani),
    "dawn": partial(landscape, palette=DAWN),
    "dusk": partial(landscape, palette=DUSK),
    "winter": partial(landscape, palette=WINTER),
    "summer": partial(landscape, palette=SUMMER),
    "apricot": partial(landscape, palette=APRICOT),
    "photo_winter": partial(landscape, palette=WINTER, canvas=False),
    "photo_summer": partial(landscape, palette=SUMMER, canvas=False),
    "photo_dusk": partial(landscape, palette=DUSK, canvas=False),
    "digital": partial(landscape, palette=APRICOT, canvas=False),
    "miniature_dusk": _miniature(DUSK),
    "miniature_dawn": _miniature(DAWN),
    "plate_cobalt": partial(plate, palette=COBALT),
    "plate_turquoise": partial(plate, palette=RISHTAN),
    "plate_earth": partial(plate, palette=EARTH),
    "pendant": partial(plate, palette=SILVER),
}

# A look described in the data but not drawn here fails at once, with its key.
LOOKS = {key: Look(DRAWS[key], alt) for key, alt in data_load("looks.json").items()}

DETAIL = {"en": "Detail: {}", "ru": "Фрагмент: {}", "tg": "Порча: {}"}
QUOTES = {"en": "“{}”", "ru": "«{}»", "tg": "«{}»"}


def alt_text(look: str, language: str, title: str, *, close_up: bool = False) -> str:
    """The alt text of a work's picture: its title, then what the picture shows."""
    text = f"{QUOTES[language].format(title)}: {LOOKS[look].alt[language]}"
    text = DETAIL[language].format(text) if close_up else text
    return text[:255]
