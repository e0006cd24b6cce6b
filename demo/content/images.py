"""The demo site's pictures: which pattern, at what size and seed, described how."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PIL import Image

from demo.patterns import ADRAS, chakan, ikat, pomegranate_tiles, suzani

CREDIT = "Generated pattern, TajikHeritage demo"


@dataclass(frozen=True)
class DemoImage:
    """A picture drawn by one of the pattern generators; `title` is what finds it again."""

    key: str
    title: str
    alt_text: str
    filename: str
    size: tuple[int, int]
    seed: int
    draw: Callable[[tuple[int, int], int], Image.Image]  # from demo.patterns

    def render(self) -> Image.Image:
        return self.draw(self.size, self.seed)


IMAGES = [
    DemoImage(
        key="suzani",
        title="Suzani rosettes",
        alt_text=(
            "Suzani embroidery: large crimson and indigo rosettes ringed with petals and leaves, "
            "with small flowers on winding stems on an ivory linen ground."
        ),
        filename="suzani-rosettes.jpg",
        size=(1600, 1000),
        seed=1,
        draw=suzani,
    ),
    DemoImage(
        key="atlas",
        title="Atlas silk ikat",
        alt_text=(
            "Atlas silk ikat: vertical bands of nested diamonds, arrowheads and hourglasses "
            "in yellow, magenta, green and blue, their edges softly frayed."
        ),
        filename="atlas-ikat.jpg",
        size=(1200, 800),
        seed=2,
        draw=ikat,
    ),
    DemoImage(
        key="adras",
        title="Adras ikat",
        alt_text=(
            "Adras ikat in deep red, purple, ochre and cream: stacked diamonds and chevrons "
            "in vertical bands with feathered edges."
        ),
        filename="adras-ikat.jpg",
        size=(1200, 800),
        seed=3,
        draw=partial(ikat, palette=ADRAS),
    ),
    DemoImage(
        key="tiles",
        title="Pomegranate tiles",
        alt_text=(
            "Glazed tiles in cobalt blue, each with a red pomegranate between two green leaves "
            "in a white ring, and turquoise stars where the tile corners meet."
        ),
        filename="pomegranate-tiles.jpg",
        size=(1200, 800),
        seed=4,
        draw=pomegranate_tiles,
    ),
    DemoImage(
        key="chakan",
        title="Chakan embroidery",
        alt_text=(
            "Chakan embroidery on red cotton: rows of white, yellow, green, pink and blue "
            "eight-petal flowers in stitched circles, with yellow zigzag stitches between rows."
        ),
        filename="chakan-embroidery.jpg",
        size=(1200, 800),
        seed=5,
        draw=chakan,
    ),
]
