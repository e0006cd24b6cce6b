"""Atlas and adras: silk and half-silk cloth whose warp is tie-dyed before weaving (ikat)."""

import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageChops, ImageDraw

from .drawing import apply_texture, rgb, seeded, weave

ATLAS = ("#f4c20d", "#d81b60", "#1f4fbf", "#2e9d4a", "#f7f1e3", "#1b1b3a")
ADRAS = ("#7a1424", "#3d1f5c", "#c9932c", "#f1e6d0", "#1f3b5a", "#2f5d3a", "#b5472f", "#1a1414")


def _diamonds(draw, x0, x1, height, period, phase, colours) -> None:
    """Nested lozenges stacked along the band, touching tip to tip."""
    cx, half_w = (x0 + x1) / 2, (x1 - x0) / 2 * 0.92
    y = phase - period
    while y < height + period:
        for layer, colour in enumerate(colours):
            scale = 1 - layer / len(colours)
            a, b = half_w * scale, period / 2 * scale
            draw.polygon(((cx, y - b), (cx + a, y), (cx, y + b), (cx - a, y)), fill=colour)
        y += period


def _chevrons(draw, x0, x1, height, period, phase, colours) -> None:
    """Stacked arrowheads pointing up the band, in repeating colour layers."""
    depth = (x1 - x0) * 0.45
    thickness = period / len(colours)
    y = phase - period - depth
    i = 0
    while y < height + period:
        colour = colours[i % len(colours)]
        mid = (x0 + x1) / 2
        draw.polygon(
            (
                (x0, y + depth),
                (mid, y),
                (x1, y + depth),
                (x1, y + depth + thickness),
                (mid, y + thickness),
                (x0, y + depth + thickness),
            ),
            fill=colour,
        )
        y += thickness
        i += 1


def _combs(draw, x0, x1, height, period, phase, colours) -> None:
    """Hourglass shapes — two triangles meeting at their tips — with a lozenge where they meet."""
    cx, half_w = (x0 + x1) / 2, (x1 - x0) / 2
    y = phase - period
    while y < height + period:
        draw.polygon(
            (
                (x0, y),
                (x1, y),
                (cx, y + period / 2),
                (x1, y + period),
                (x0, y + period),
                (cx, y + period / 2),
            ),
            fill=colours[0],
        )
        draw.polygon(
            ((x0 + half_w * 0.35, y), (x1 - half_w * 0.35, y), (cx, y + period * 0.3)),
            fill=colours[1 % len(colours)],
        )
        a, b = half_w * 0.4, period * 0.16
        ym = y + period / 2
        draw.polygon(((cx, ym - b), (cx + a, ym), (cx, ym + b), (cx - a, ym)), fill=colours[2 % len(colours)])
        y += period


MOTIFS: Sequence[Callable] = (_diamonds, _chevrons, _combs)


def _feather(image: Image.Image, rng: random.Random, reach: int, rows: int) -> Image.Image:
    """The ikat edge: each few rows of threads slip sideways a little, so every outline frays."""
    result = image.copy()
    width, height = image.size
    drift = 0.0
    for y in range(0, height, rows):
        # Bundles of threads drift together, and single threads stray a pixel on their own.
        drift = max(-reach, min(reach, 0.8 * drift + rng.gauss(0, reach * 0.4)))
        shift = round(drift + rng.uniform(-1, 1))
        if shift:
            strip = image.crop((0, y, width, min(y + rows, height)))
            result.paste(ImageChops.offset(strip, shift, 0), (0, y))
    return result


def ikat(size: tuple[int, int], seed: int, palette: Sequence[str] = ATLAS) -> Image.Image:
    """Atlas or adras silk: vertical bands of lozenges, arrowheads and hourglasses with frayed edges."""
    rng = seeded(seed)
    width, height = size
    reach = max(3, width // 160)
    canvas = Image.new("RGB", (width + 2 * reach, height), rgb(palette[0]))
    draw = ImageDraw.Draw(canvas)
    colours = [rgb(c) for c in palette]
    x = 0.0
    motif_index = rng.randrange(len(MOTIFS))
    while x < canvas.width:
        band = width * rng.uniform(0.09, 0.16)
        ground, *motif = rng.sample(colours, 4)
        draw.rectangle((x, 0, x + band, height), fill=ground)
        period = band * rng.uniform(1.3, 2.0)
        MOTIFS[motif_index % len(MOTIFS)](draw, x, x + band, height, period, rng.uniform(0, period), motif)
        motif_index += rng.choice((1, 2))
        x += band
        for _ in range(rng.randint(1, 3)):
            stripe = width * rng.uniform(0.006, 0.014)
            draw.rectangle((x, 0, x + stripe, height), fill=rng.choice(colours))
            x += stripe
    canvas = _feather(canvas, rng, reach, rows=3)
    image = canvas.crop((reach, 0, reach + width, height))
    return apply_texture(image, weave(size, rng, 26, 6))
