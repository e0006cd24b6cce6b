"""Shapes and textures the pattern generators share."""

import math
import random

from PIL import Image, ImageChops, ImageDraw

Point = tuple[float, float]
SUPERSAMPLE = 2


def rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def petal(cx: float, cy: float, angle: float, r0: float, r1: float, width: float) -> list[Point]:
    """An almond-shaped petal pointing outwards from (cx, cy) between radii r0 and r1."""
    steps = 14
    ux, uy = math.cos(angle), math.sin(angle)
    vx, vy = -uy, ux
    left, right = [], []
    for i in range(steps + 1):
        t = i / steps
        along = r0 + (r1 - r0) * t
        half = width / 2 * math.sin(math.pi * t) ** 0.8
        left.append((cx + ux * along + vx * half, cy + uy * along + vy * half))
        right.append((cx + ux * along - vx * half, cy + uy * along - vy * half))
    return left + right[::-1]


def star(cx: float, cy: float, points: int, outer: float, inner: float, turn: float = 0) -> list[Point]:
    """A regular star polygon; with `inner == outer` it is a regular polygon."""
    result = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        angle = turn + math.pi * i / points
        result.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return result


def disc(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill, outline=None, width=0) -> None:
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=outline, width=width)


def weave(size: tuple[int, int], rng: random.Random, warp: int, weft: int | None = None) -> Image.Image:
    """A greyscale texture of crossing threads: each column (warp) and row (weft) a little
    lighter or darker; `warp` and `weft` say by how much at most."""
    width, height = size
    weft = warp if weft is None else weft
    columns = Image.new("L", (width, 1))
    columns.putdata([255 - rng.randint(0, warp) for _ in range(width)])
    rows = Image.new("L", (1, height))
    rows.putdata([255 - rng.randint(0, weft) for _ in range(height)])
    return ImageChops.multiply(
        columns.resize(size, Image.Resampling.NEAREST), rows.resize(size, Image.Resampling.NEAREST)
    )


def apply_texture(image: Image.Image, texture: Image.Image) -> Image.Image:
    return ImageChops.multiply(image, Image.merge("RGB", (texture, texture, texture)))


def downsample(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    return image.resize(size, Image.Resampling.LANCZOS)


def seeded(seed: int) -> random.Random:
    """The generators' only source of chance: seeded, so the same seed draws the same picture."""
    return random.Random(seed)  # noqa: S311 - decoration, not security
