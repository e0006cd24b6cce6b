"""Recolouring and framing a finished pattern, so one generator gives many different works."""

from PIL import Image, ImageDraw, ImageOps

from .drawing import rgb


def hue_shift(image: Image.Image, degrees: int) -> Image.Image:
    """The same picture with every hue turned round the colour wheel by `degrees`."""
    h, s, v = image.convert("HSV").split()
    turn = round(degrees / 360 * 256)
    h = h.point(lambda value: (value + turn) % 256)
    return Image.merge("HSV", (h, s, v)).convert("RGB")


def tinted(image: Image.Image, dark: str, light: str) -> Image.Image:
    """The picture in two tones, as carved wood or a monochrome print shows it."""
    return ImageOps.colorize(ImageOps.grayscale(image), black=rgb(dark), white=rgb(light))


def bordered(image: Image.Image, ground: str, rule: str) -> Image.Image:
    """The picture inside a wide plain border with two ruled lines, as a manuscript
    miniature sits on its page."""
    width, height = image.size
    margin = round(min(width, height) * 0.09)
    page = Image.new("RGB", image.size, rgb(ground))
    page.paste(image.resize((width - 2 * margin, height - 2 * margin)), (margin, margin))
    draw = ImageDraw.Draw(page)
    line = max(2, margin // 9)
    for inset, colour in ((margin - 4 * line, rule), (margin - line, "#1f1a17")):
        draw.rectangle((inset, inset, width - inset - 1, height - inset - 1), outline=rgb(colour), width=line)
    return page


def detail(image: Image.Image, *, left: float = 0.3, top: float = 0.3) -> Image.Image:
    """A close-up: the middle part of the picture, enlarged back to the picture's size."""
    width, height = image.size
    box = (round(width * left), round(height * top), round(width * (left + 0.4)), round(height * (top + 0.4)))
    return image.crop(box).resize(image.size, Image.Resampling.BICUBIC)
