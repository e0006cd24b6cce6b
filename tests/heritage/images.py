"""Image files as phones and attackers produce them, built in memory for tests."""

import struct
import zlib
from io import BytesIO

from PIL import ExifTags, Image

# Where the artist lives, as a phone writes it: 38°33'12" N, 68°47'0" E (Dushanbe).
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (38.0, 33.0, 12.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (68.0, 47.0, 0.0),
}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Dushanbe"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def phone_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def two_tone(width: int = 60, height: int = 30) -> Image.Image:
    """Left half red, right half blue: where the colours end up shows the rotation."""
    image = Image.new("RGB", (width, height), (220, 20, 30))
    image.paste((20, 40, 220), (width // 2, 0, width, height))
    return image


def jpeg_with_gps(orientation: int = 1, width: int = 60, height: int = 30) -> bytes:
    out = BytesIO()
    two_tone(width, height).save(out, "JPEG", exif=phone_exif(orientation), xmp=XMP, quality=95)
    return out.getvalue()


def heic_with_gps() -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = BytesIO()
    two_tone().save(out, "HEIF", exif=phone_exif(), quality=90)
    return out.getvalue()


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims a gigantic canvas (a decompression bomb)."""
    out = BytesIO()
    Image.new("L", (8, 8)).save(out, "PNG")
    data = bytearray(out.getvalue())
    # IHDR data starts at byte 16: width, height (big-endian), then its CRC at byte 29.
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF)
    return bytes(data)


def oversized_jpeg(megabytes: int = 30) -> bytes:
    """A valid JPEG followed by padding, the size of an uncompressed phone panorama."""
    out = BytesIO()
    two_tone().save(out, "JPEG")
    return out.getvalue() + b"\0" * (megabytes * 1024 * 1024)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(1)</script><rect width="10" height="10"/></svg>'
)


# What Pillow reports about an image that says nothing about who took it or where.
HARMLESS_INFO = {
    "icc_profile",
    "dpi",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "background",
    "loop",
}


def metadata_of(data: bytes) -> dict:
    """What a reader of the stored file could learn beyond its pixels."""
    with Image.open(BytesIO(data)) as image:
        return {
            "exif": dict(image.getexif()),
            "info_keys": sorted(k for k in image.info if k not in HARMLESS_INFO),
            "size": image.size,
            "format": image.format,
        }
