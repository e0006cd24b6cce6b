"""Round things seen from above: a glazed dish (lagan) or a silver pendant with stones."""

import math
from collections.abc import Sequence

from PIL import Image, ImageDraw

from .drawing import SUPERSAMPLE, apply_texture, disc, downsample, petal, rgb, seeded, star, weave

# Ground, rim, glaze, petals, second petals, centre, dots.
COBALT = ("#e9e2d3", "#1d3c8f", "#f5f1e6", "#1d3c8f", "#1c9aa6", "#b3122e", "#1d3c8f")
RISHTAN = ("#3b2a20", "#1b6f8a", "#e8f1ee", "#1b6f8a", "#2e9d8f", "#f2c14e", "#0f3e52")
EARTH = ("#d8cbb3", "#7a3b1d", "#e9c98f", "#8a4a22", "#3f6b3a", "#f2e3c0", "#5a2e16")
SILVER = ("#2a2320", "#a7a9ac", "#d9dadc", "#8c8f93", "#b3122e", "#c8312b", "#f2f2f2")


def plate(size: tuple[int, int], seed: int, palette: Sequence[str] = COBALT) -> Image.Image:
    """A round dish on a plain ground: a rim, rings of petals and a star at the centre."""
    rng = seeded(seed)
    ground, rim, glaze, petals, second, centre, dots = (rgb(c) for c in palette)
    width, height = size
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    image = Image.new("RGB", big, ground)
    draw = ImageDraw.Draw(image)
    cx, cy = big[0] / 2, big[1] / 2
    r = min(big) * 0.44
    disc(draw, cx + r * 0.04, cy + r * 0.05, r, tuple(max(0, v - 40) for v in ground))
    disc(draw, cx, cy, r, rim)
    disc(draw, cx, cy, r * 0.9, glaze)
    count = rng.choice((10, 12, 16))
    turn = rng.random() * math.pi
    for i in range(count):
        angle = turn + 2 * math.pi * i / count
        draw.polygon(petal(cx, cy, angle, r * 0.42, r * 0.86, r * 0.28), fill=petals)
        draw.polygon(petal(cx, cy, angle + math.pi / count, r * 0.5, r * 0.78, r * 0.12), fill=second)
    for i in range(count * 2):
        angle = turn + math.pi * i / count
        disc(draw, cx + r * 0.94 * math.cos(angle), cy + r * 0.94 * math.sin(angle), r * 0.025, dots)
    disc(draw, cx, cy, r * 0.38, glaze)
    draw.polygon(star(cx, cy, rng.choice((6, 8)), r * 0.34, r * 0.17, turn), fill=petals)
    disc(draw, cx, cy, r * 0.13, centre)
    image = downsample(image, size)
    return apply_texture(image, weave(size, rng, 6))
