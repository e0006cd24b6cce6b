"""Suzani: the embroidered wall hanging and bedspread of a Tajik bride's dowry."""

import math
import random

from PIL import Image, ImageDraw

from .drawing import SUPERSAMPLE, apply_texture, disc, downsample, petal, rgb, seeded, star, weave

SUZANI = {
    "ground": "#efe3c6",
    "crimson": "#a3151f",
    "red": "#c8312b",
    "wine": "#6e0f1f",
    "indigo": "#1e2a5c",
    "gold": "#d9a21b",
    "pink": "#d9727f",
    "green": "#3f6b3a",
    "orange": "#cf6a2a",
}


def _rosette(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, rng: random.Random) -> None:
    """A large suzani medallion: a ring of petals round concentric discs and a star heart."""
    c = {name: rgb(value) for name, value in SUZANI.items()}
    petals = rng.choice((12, 14, 16))
    turn = rng.random() * math.pi
    outer_fill, outer_line = rng.choice(
        ((c["crimson"], c["wine"]), (c["red"], c["wine"]), (c["indigo"], c["wine"]))
    )
    # Leaves between the petals, reaching beyond them.
    for i in range(petals):
        angle = turn + 2 * math.pi * (i + 0.5) / petals
        draw.polygon(petal(cx, cy, angle, r * 0.7, r * 1.12, r * 0.16), fill=c["green"])
        tip = r * 1.18
        disc(draw, cx + tip * math.cos(angle), cy + tip * math.sin(angle), r * 0.045, c["gold"])
    for i in range(petals):
        angle = turn + 2 * math.pi * i / petals
        shape = petal(cx, cy, angle, r * 0.45, r, 2 * math.pi * r * 0.62 / petals)
        draw.polygon(shape, fill=outer_fill, outline=outer_line, width=max(2, int(r * 0.02)))
        inner = petal(cx, cy, angle, r * 0.6, r * 0.88, 2 * math.pi * r * 0.22 / petals)
        draw.polygon(inner, fill=c["pink"] if outer_fill != c["indigo"] else c["gold"])
    disc(draw, cx, cy, r * 0.58, c["wine"])
    disc(draw, cx, cy, r * 0.53, c["red"] if outer_fill != c["red"] else c["crimson"])
    # A ring of small golden petals, then the dark "moon" and its star.
    small = petals + 4
    for i in range(small):
        angle = turn + 2 * math.pi * i / small
        draw.polygon(petal(cx, cy, angle, r * 0.3, r * 0.5, r * 0.13), fill=c["gold"])
    disc(draw, cx, cy, r * 0.32, c["indigo"])
    for i in range(24):
        angle = 2 * math.pi * i / 24
        disc(draw, cx + r * 0.27 * math.cos(angle), cy + r * 0.27 * math.sin(angle), r * 0.018, c["ground"])
    draw.polygon(star(cx, cy, 8, r * 0.22, r * 0.11, turn), fill=c["crimson"])
    draw.polygon(star(cx, cy, 8, r * 0.13, r * 0.07, turn + math.pi / 8), fill=c["gold"])
    disc(draw, cx, cy, r * 0.045, c["wine"])


def _sprig(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, angle: float, rng: random.Random
) -> None:
    """A small flower on a curved stem with two leaves, filling the ground between medallions."""
    c = {name: rgb(value) for name, value in SUZANI.items()}
    bend = rng.uniform(-0.5, 0.5)
    stem = []
    for i in range(11):
        t = i / 10
        a = angle + bend * t
        stem.append((cx + r * t * math.cos(a), cy + r * t * math.sin(a)))
    draw.line(stem, fill=c["green"], width=max(2, int(r * 0.06)), joint="curve")
    for t, side in ((0.45, 1), (0.7, -1)):
        x, y = stem[int(t * 10)]
        draw.polygon(petal(x, y, angle + bend * t + side * 0.9, 0, r * 0.38, r * 0.15), fill=c["green"])
    fx, fy = stem[-1]
    bloom = rng.choice((c["crimson"], c["orange"], c["indigo"]))
    for i in range(5):
        a = angle + 2 * math.pi * i / 5
        draw.polygon(petal(fx, fy, a, 0, r * 0.32, r * 0.2), fill=bloom)
    disc(draw, fx, fy, r * 0.08, c["gold"])


def _vine(
    draw: ImageDraw.ImageDraw, y: float, length: float, wave: float, period: float, phase: float
) -> None:
    """A meandering stem across the cloth with leaves at every turn and buds between them."""
    c = {name: rgb(value) for name, value in SUZANI.items()}
    points = []
    x = -period
    while x < length + period:
        points.append((x, y + wave * math.sin(2 * math.pi * (x - phase) / period)))
        x += period / 40
    draw.line(points, fill=c["green"], width=max(3, int(wave * 0.1)), joint="curve")
    for i, (px, py) in enumerate(points[::5]):
        slope = math.cos(2 * math.pi * (px - phase) / period)
        side = 1 if i % 2 else -1
        angle = math.atan2(wave * 2 * math.pi / period * slope, 1) + side * math.pi / 2.6
        if i % 4 == 3:
            disc(draw, px, py, wave * 0.14, c["crimson"], outline=c["gold"], width=3)
        else:
            draw.polygon(petal(px, py, angle, 0, wave * 0.7, wave * 0.26), fill=c["green"])


def _flower(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, rng: random.Random) -> None:
    """A small eight-petal flower between two medallions of a row."""
    c = {name: rgb(value) for name, value in SUZANI.items()}
    turn = rng.random()
    for i in range(8):
        angle = turn + 2 * math.pi * i / 8
        draw.polygon(petal(cx, cy, angle, r * 0.2, r, r * 0.42), fill=c["indigo"], outline=c["wine"], width=2)
    disc(draw, cx, cy, r * 0.38, c["crimson"])
    disc(draw, cx, cy, r * 0.18, c["gold"])


def suzani(size: tuple[int, int], seed: int) -> Image.Image:
    """Suzani embroidery: staggered rows of large rosettes with sprigs on an ivory linen ground."""
    rng = seeded(seed)
    width, height = size
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    image = Image.new("RGB", big, rgb(SUZANI["ground"]))
    draw = ImageDraw.Draw(image)
    step_y = big[1] / 2.1
    step_x = step_y * 1.25
    radius = step_y * 0.36
    rows = int(big[1] / step_y) + 2
    cols = int(big[0] / step_x) + 2
    offset_x = rng.uniform(0, step_x / 2)
    centres = []
    for row in range(-1, rows):
        for col in range(-1, cols):
            x = offset_x + col * step_x + (step_x / 2 if row % 2 else 0)
            y = step_y * 0.5 + row * step_y
            centres.append((x, y))
    for row in range(rows):
        _vine(draw, step_y * (row + 1), big[0], radius * 0.28, step_x, offset_x + rng.uniform(0, step_x))
    for x, y in centres:
        # Sprigs reach into the triangular gaps between neighbouring medallions.
        for sixth in (1, 5, 7, 11):
            angle = sixth * math.pi / 6 + rng.uniform(-0.12, 0.12)
            start = radius * 1.22
            _sprig(draw, x + start * math.cos(angle), y + start * math.sin(angle), radius * 0.5, angle, rng)
    for x, y in centres:
        _rosette(draw, x, y, radius, rng)
        _flower(draw, x + step_x / 2, y, radius * 0.3, rng)
    image = downsample(image, size)
    return apply_texture(image, weave(size, rng, 14))
