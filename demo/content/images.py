"""The demo site's pictures: which pattern, at what size and seed, described how (the
descriptions in `demo/data/images.json`)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PIL import Image

from demo.content.files import data_load
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


# The pattern generators the data names (`"pattern"` in demo/data/images.json).
PATTERNS = {
    "suzani": suzani,
    "ikat": ikat,
    "adras_ikat": partial(ikat, palette=ADRAS),
    "pomegranate_tiles": pomegranate_tiles,
    "chakan": chakan,
}


def image_from(data: dict) -> DemoImage:
    fields = dict(data)
    pattern = fields.pop("pattern")
    return DemoImage(**fields, draw=PATTERNS[pattern])


IMAGES = [image_from(image) for image in data_load("images.json")]
