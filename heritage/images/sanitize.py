"""The upload pipeline's last step: what we store of an uploaded image.

Artists photograph their work at home, so a phone photo's metadata (EXIF with GPS, XMP,
maker notes, comments) must never be stored or served. Every original is decoded, turned
upright from its EXIF orientation and written again with nothing but its pixels and its
colour profile. HEIC photos become JPEG, which every browser and Wagtail's renditions read.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile

from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

# The formats we store, as Pillow names them, and what each is saved as.
STORED_FORMAT = {"JPEG": "JPEG", "MPO": "JPEG", "HEIF": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
JPEG_QUALITY = 93


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


def sanitize_image(data: bytes, filename: str) -> CleanImage:
    """Return the image re-encoded upright, with every metadata block dropped.

    Only pixels and the ICC colour profile survive (colour matters for artworks, and a
    profile says nothing about the person). Animated images keep their first frame.
    """
    try:
        with Image.open(BytesIO(data)) as source:
            source_format = source.format or ""
            if source_format not in STORED_FORMAT:
                raise UnsupportedImage(source_format)
            source.seek(0)
            icc_profile = source.info.get("icc_profile")
            upright = ImageOps.exif_transpose(source)
            pixels = upright.copy() if upright is source else upright
    except (OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UnsupportedImage(str(exc)) from exc

    target_format = STORED_FORMAT[source_format]
    if pixels.mode in {"P", "PA", "LA"}:
        # Palette images would lose their palette when copied pixel by pixel.
        pixels = pixels.convert("RGBA")
    # A fresh image carries no info dict, no EXIF and no XMP from the source.
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    if target_format == "JPEG" and clean.mode not in {"RGB", "L", "CMYK"}:
        clean = clean.convert("RGB")

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
    clean.save(out, format=target_format, **options)
    stem = PurePath(filename).stem or "image"
    return CleanImage(
        content=out.getvalue(),
        filename=stem + EXTENSION[target_format],
        width=clean.width,
        height=clean.height,
    )
