"""Glazed tiles of the kind that face Central Asian portals, with the pomegranate (anor)."""

import math
import random

from PIL import Image, ImageDraw

from .drawing import SUPERSAMPLE, apply_texture, disc, downsample, petal, rgb, seeded, star, weave

TILE = {
    "cobalt": "#1d3c8f",
    "turquoise": "#1c9aa6",
    "white": "#f3efe4",
    "red": "#b3122e",
    "dark_red": "#6f0b1d",
    "pink": "#e88a9a",
    "gold": "#e0a526",
    "green": "#2f7d4a",
    "grout": "#d9d1bf",
}


def _pomegranate_tile(side: int, rng: random.Random) -> Image.Image:
    """One glazed tile: a pomegranate between two leaves in a white ring, with quarter stars
    in the corners that join into whole stars where four tiles meet."""
    c = {name: rgb(value) for name, value in TILE.items()}
    tile = Image.new("RGB", (side, side), c["cobalt"])
    draw = ImageDraw.Draw(tile)
    for cx in (0, side):
        for cy in (0, side):
            draw.polygon(star(cx, cy, 8, side * 0.3, side * 0.2, math.pi / 8), fill=c["white"])
            draw.polygon(star(cx, cy, 8, side * 0.22, side * 0.15, math.pi / 8), fill=c["turquoise"])
            disc(draw, cx, cy, side * 0.07, c["gold"])
    mid = side / 2
    disc(draw, mid, mid, side * 0.36, None, outline=c["white"], width=max(2, side // 60))
    for i in range(16):
        angle = 2 * math.pi * i / 16
        disc(
            draw,
            mid + side * 0.4 * math.cos(angle),
            mid + side * 0.4 * math.sin(angle),
            side * 0.012,
            c["white"],
        )
    # Stem and leaves below the fruit.
    draw.line(((mid, mid + side * 0.3), (mid, mid + side * 0.14)), fill=c["green"], width=side // 40)
    for side_sign in (-1, 1):
        angle = math.pi / 2 + side_sign * 1.1
        leaf = petal(mid, mid + side * 0.27, -angle, 0, side * 0.2, side * 0.09)
        draw.polygon(leaf, fill=c["green"], outline=c["white"], width=max(1, side // 120))
    # The fruit: body, crown, and an opening that shows the seeds.
    fx, fy, r = mid, mid - side * 0.02, side * 0.17
    draw.polygon(
        (
            (fx - r * 0.45, fy - r * 0.8),
            (fx - r * 0.5, fy - r * 1.35),
            (fx - r * 0.2, fy - r * 1.05),
            (fx, fy - r * 1.45),
            (fx + r * 0.2, fy - r * 1.05),
            (fx + r * 0.5, fy - r * 1.35),
            (fx + r * 0.45, fy - r * 0.8),
        ),
        fill=c["red"],
        outline=c["dark_red"],
    )
    disc(draw, fx, fy, r, c["red"], outline=c["dark_red"], width=max(2, side // 100))
    draw.ellipse((fx - r * 0.55, fy - r * 0.45, fx + r * 0.55, fy + r * 0.65), fill=c["white"])
    for _ in range(14):
        sx = fx + rng.uniform(-0.38, 0.38) * r
        sy = fy + rng.uniform(-0.28, 0.5) * r
        disc(draw, sx, sy, r * 0.09, c["pink"] if rng.random() < 0.6 else c["red"])
    draw.arc(
        (fx - r * 0.8, fy - r * 0.8, fx + r * 0.8, fy + r * 0.8),
        200,
        250,
        fill=c["pink"],
        width=max(2, side // 90),
    )
    return tile


def pomegranate_tiles(size: tuple[int, int], seed: int) -> Image.Image:
    """Cobalt and turquoise glazed tiles with pomegranates, set with thin grout lines."""
    rng = seeded(seed)
    width, height = size
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    side = round(big[1] / 3.2)
    grout = max(4, side // 50)
    image = Image.new("RGB", big, rgb(TILE["grout"]))
    tile = _pomegranate_tile(side, rng)
    offset_x = (big[0] % (side + grout)) // 2 - side // 2
    offset_y = (big[1] % (side + grout)) // 2 - side // 2
    for y in range(offset_y, big[1], side + grout):
        for x in range(offset_x, big[0], side + grout):
            # Each tile came out of the kiln a little lighter or darker than its neighbours.
            glaze = rng.uniform(0.9, 1.06)
            image.paste(tile.point(lambda v, g=glaze: min(255, int(v * g))), (x, y))
    image = downsample(image, size)
    return apply_texture(image, weave(size, rng, 8))
