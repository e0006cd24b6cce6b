"""Chakan: bright silk embroidery on red cotton from Kulob in the south of Tajikistan."""

import math

from PIL import Image, ImageDraw

from .drawing import SUPERSAMPLE, apply_texture, disc, downsample, petal, rgb, seeded, star, weave

CHAKAN = {
    "cloth": "#b0141c",
    "white": "#f5efe0",
    "yellow": "#f2c12e",
    "green": "#3d8b3d",
    "blue": "#2a4fa0",
    "black": "#1d1414",
    "pink": "#f08aa5",
}


def _stitched_ring(draw, cx, cy, r, colour, stitch: float) -> None:
    """A circle of chain stitches: short dashes round the outline."""
    count = max(8, int(2 * math.pi * r / (stitch * 1.6)))
    for i in range(count):
        a0 = 2 * math.pi * i / count
        a1 = a0 + 2 * math.pi / count * 0.65
        draw.line(
            ((cx + r * math.cos(a0), cy + r * math.sin(a0)), (cx + r * math.cos(a1), cy + r * math.sin(a1))),
            fill=colour,
            width=max(2, int(stitch * 0.45)),
        )


def chakan(size: tuple[int, int], seed: int) -> Image.Image:
    """Chakan embroidery from Kulob: rows of eight-petal flowers and stars in bright silk on
    red cotton, divided by zigzag running stitches."""
    rng = seeded(seed)
    c = {name: rgb(value) for name, value in CHAKAN.items()}
    width, height = size
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    image = Image.new("RGB", big, c["cloth"])
    draw = ImageDraw.Draw(image)
    row_height = big[1] / 4.5
    r = row_height * 0.36
    stitch = r * 0.12
    threads = [c["white"], c["yellow"], c["green"], c["blue"], c["pink"]]
    for row in range(6):
        y = row_height * (row + 0.5)
        shift = r * 1.3 if row % 2 else 0
        x = -r + shift
        while x < big[0] + r:
            bloom, heart = rng.sample(threads, 2)
            turn = rng.choice((0, math.pi / 8))
            for i in range(8):
                angle = turn + 2 * math.pi * i / 8
                draw.polygon(
                    petal(x, y, angle, r * 0.25, r, r * 0.42), fill=bloom, outline=c["black"], width=2
                )
            disc(draw, x, y, r * 0.32, heart, outline=c["black"], width=2)
            _stitched_ring(draw, x, y, r * 0.18, c["black"], stitch)
            _stitched_ring(draw, x, y, r * 1.12, bloom, stitch)
            # A small star in the gap to the next flower.
            sx = x + r * 1.3
            draw.polygon(star(sx, y, 4, r * 0.3, r * 0.1), fill=rng.choice(threads))
            x += r * 2.6
        # A zigzag of running stitches between the rows.
        zig_y = row_height * (row + 1)
        points = []
        step = r * 0.4
        for k in range(int(big[0] / step) + 2):
            points.append((k * step, zig_y + (step * 0.5 if k % 2 else -step * 0.5)))
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            draw.line(
                ((x0, y0), (x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.7)),
                fill=c["yellow"],
                width=int(stitch * 0.6),
            )
    image = downsample(image, size)
    return apply_texture(image, weave(size, rng, 18))
