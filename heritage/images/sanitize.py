"""The upload pipeline's last step: what we store of an uploaded image.

Artists photograph their work at home, so a phone photo's metadata (EXIF with GPS, XMP,
maker notes, comments) must never be stored or served. Every original is decoded, turned
upright from its EXIF orientation and written again with nothing but its pixels and its
colour profile. HEIC photos become JPEG, which every browser and Wagtail's renditions read.

Memory is bounded: an original is stored at most `HERITAGE_IMAGE_MAX_SIDE` pixels on its long
side (twice the largest rendition pages show), so a JPEG larger than that is decoded straight
at a reduced scale (Pillow's `draft`, a power of two the JPEG decoder applies as it reads),
then resized; other formats are decoded whole and reduced at once. One image is decoded at a
time in each process, so a form with five photos, or two uploads at once, never holds two
decoded photos.
"""

import threading
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile

from PIL import Image
from pillow_heif import register_heif_opener

# The formats we store, as Pillow names them, and what each is saved as.
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "HEIF": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
JPEG_QUALITY = 93
# EXIF orientation → the transposition that turns the pixels upright (as ImageOps.exif_transpose).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
ORIENTATION_TAG = 0x0112

_decoding = threading.Lock()


class UnsupportedImage(ValueError):
    """The bytes are not an image in a format we accept."""


class SanitizedFile(ContentFile):
    """Bytes that have been through `sanitize_image`; saving them does not clean again."""

    is_sanitized = True


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    filename: str
    width: int
    height: int


def _register_heif() -> None:
    register_heif_opener()


_register_heif()


def stored_size(width: int, height: int, max_side: int) -> tuple[int, int]:
    """The size an original of `width` × `height` is stored at: the same shape, its long side
    at most `max_side`."""
    long_side = max(width, height)
    if long_side <= max_side:
        return width, height
    scale = max_side / long_side
    return max(1, round(width * scale)), max(1, round(height * scale))


def sanitize_image(data, filename: str, *, max_pixels: int | None = None) -> CleanImage:
    """Return the image re-encoded upright, at most `HERITAGE_IMAGE_MAX_SIDE` on its long side,
    with every metadata block dropped. `data` is the bytes or a file open for reading.

    Only pixels and the ICC colour profile survive (colour matters for artworks, and a
    profile says nothing about the person). Animated images keep their first frame. More
    pixels than `max_pixels` (default: the editors' limit) are refused before decoding.
    """
    if max_pixels is None:
        max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    source_file = BytesIO(data) if isinstance(data, bytes | bytearray) else data
    with _decoding:
        try:
            pixels, source_format, icc_profile = _decode(source_file, max_pixels)
        except (OSError, SyntaxError, Image.DecompressionBombError) as exc:
            raise UnsupportedImage(str(exc)) from exc
        return _encode(pixels, STORED_FORMAT[source_format], icc_profile, filename)


def _decode(source_file, max_pixels: int) -> tuple[Image.Image, str, bytes | None]:
    """The upright pixels of the first frame, already reduced to the stored size, as a new
    image that carries nothing of the source's info."""
    max_side = settings.HERITAGE_IMAGE_MAX_SIDE
    with Image.open(source_file) as source:
        source_format = source.format or ""
        if source_format not in STORED_FORMAT:
            raise UnsupportedImage(source_format)
        if max_pixels and source.width * source.height > max_pixels:
            raise UnsupportedImage("too many pixels")
        source.seek(0)
        icc_profile = source.info.get("icc_profile")
        orientation = source.getexif().get(ORIENTATION_TAG, 1)
        target = stored_size(source.width, source.height, max_side)
        if target != source.size and source_format in {"JPEG", "MPO"}:
            # The decoder itself scales by 1/2, 1/4 or 1/8, to no less than the target.
            source.draft(None, target)
        source.load()
        pixels = source
        if pixels.mode in {"P", "PA"}:
            # Palette images would lose their palette when resized or copied pixel by pixel.
            pixels = pixels.convert("RGBA")
        if pixels.size != target:
            pixels = pixels.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        if orientation in UPRIGHT:
            pixels = pixels.transpose(UPRIGHT[orientation])
        if pixels is source:
            # A fresh image carries no info dict, no EXIF and no XMP from the source.
            clean = Image.new(source.mode, source.size)
            clean.paste(source)
            pixels = clean
    pixels.info = {}
    return pixels, source_format, icc_profile


def _encode(pixels: Image.Image, target_format: str, icc_profile, filename: str) -> CleanImage:
    if pixels.mode == "LA":
        pixels = pixels.convert("RGBA")
    if target_format == "JPEG" and pixels.mode not in {"RGB", "L", "CMYK"}:
        pixels = pixels.convert("RGB")
    options: dict = {}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if target_format == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif target_format == "WEBP":
        options.update(quality=92, method=4)
    elif target_format == "PNG":
        options.update(optimize=False)

    out = BytesIO()
    pixels.save(out, format=target_format, **options)
    stem = PurePath(filename).stem or "image"
    return CleanImage(
        content=out.getvalue(),
        filename=stem + EXTENSION[target_format],
        width=pixels.width,
        height=pixels.height,
    )
