"""Mountain landscapes for the demo's paintings, watercolours and photographs: ridge after
ridge of the Pamir and Fann mountains fading into the sky, with a sun or moon above."""

import math
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFilter

from .drawing import SUPERSAMPLE, apply_texture, disc, rgb, seeded, weave

# Sky top, sky bottom, sun, then ridges from the farthest to the nearest.
DAWN = ("#f6c7a1", "#fbe9d0", "#fff4dc", "#b9a3c9", "#8a73a6", "#5d4a7c", "#3a2c52")
DUSK = ("#23395d", "#c8553d", "#f2c14e", "#7b3f61", "#5b2c4f", "#3c1f3a", "#1f1226")
WINTER = ("#9cc3dd", "#e4eff6", "#ffffff", "#dfe8ef", "#a9bccb", "#6f8799", "#3d5266")
SUMMER = ("#4f8fc0", "#cfe6f2", "#fff8d6", "#8fb3a0", "#5f8f6e", "#3e6b4b", "#2a4a33")
APRICOT = ("#f3b562", "#f9e0b0", "#fffaf0", "#e08e6d", "#c06c54", "#8c4a3c", "#5a2e2a")


def _ridge(width: float, base: float, amplitude: float, rng, peaks: int) -> list[tuple[float, float]]:
    """A mountain skyline: a sum of a few sine waves with sharp, seeded peaks."""
    waves = [(rng.uniform(0.5, 1.0) / k, rng.uniform(0, 2 * math.pi), k) for k in range(1, 5)]
    highest = sum(a for a, _phase, _k in waves)
    points = []
    steps = 160
    for i in range(steps + 1):
        x = width * i / steps
        t = peaks * math.pi * i / steps
        y = sum(a * abs(math.sin(t * k / 2 + phase)) for a, phase, k in waves) / highest
        points.append((x, base - amplitude * y))
    return points


def landscape(
    size: tuple[int, int], seed: int, palette: Sequence[str] = DAWN, *, canvas: bool = True
) -> Image.Image:
    """Layered ridges under a graded sky; `canvas` adds a woven texture as on a painting,
    without it the picture is smooth, as in a photograph."""
    rng = seeded(seed)
    colours = [rgb(c) for c in palette]
    sky_top, sky_bottom, sun, *ridges = colours
    width, height = size
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    sky = Image.linear_gradient("L").resize(big, Image.Resampling.BILINEAR)
    image = Image.composite(Image.new("RGB", big, sky_bottom), Image.new("RGB", big, sky_top), sky)
    draw = ImageDraw.Draw(image)
    disc(draw, big[0] * rng.uniform(0.2, 0.8), big[1] * 0.12, min(big) * 0.06, sun)
    horizon = big[1] * rng.uniform(0.38, 0.5)
    for layer, colour in enumerate(ridges):
        base = horizon + (big[1] - horizon) * (layer + 1) / (len(ridges) + 0.6)
        amplitude = big[1] * (0.36 - 0.05 * layer)
        outline = _ridge(big[0], base, amplitude, rng, peaks=rng.randint(2, 5))
        draw.polygon([*outline, (big[0], big[1]), (0, big[1])], fill=colour)
    # Box-reducing the doubled canvas smooths the ridges' edges; a light blur at the final
    # size softens them the way paint and distance do.
    image = image.reduce(SUPERSAMPLE).filter(ImageFilter.GaussianBlur(0.8))
    if canvas:
        image = apply_texture(image, weave(size, rng, 12))
    return image
