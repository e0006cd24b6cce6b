"""A work's structured data (schema.org VisualArtwork as JSON-LD) for its own page."""

import json

from django.utils.safestring import mark_safe

from gallery.models.artwork import Artwork
from heritage.images.renditions import LARGE_RENDITION


def artwork_jsonld(artwork: Artwork, *, url: str, artist_url: str = "") -> str:
    """The work as schema.org `VisualArtwork`, ready to sit inside a
    `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so that no text of
    hers can close the script element."""
    creator = {"@type": "Person", "name": artwork.artist.display_name}
    if artist_url:
        creator["url"] = artist_url
    data = {
        "@context": "https://schema.org",
        "@type": "VisualArtwork",
        "name": artwork.title,
        "url": url,
        "creator": creator,
    }
    if artwork.description:
        data["description"] = artwork.description
    if artwork.year:
        data["dateCreated"] = str(artwork.year)
    if artwork.medium:
        data["artMedium"] = artwork.medium.name
    if artwork.materials:
        data["artworkSurface"] = artwork.materials
    for name in ("width", "height", "depth"):
        value = getattr(artwork, f"{name}_cm")
        if value:
            data[name] = {"@type": "QuantitativeValue", "value": float(value), "unitCode": "CMT"}
    images = [item.image.get_rendition(LARGE_RENDITION).full_url for item in artwork.images.all()]
    if images:
        data["image"] = images
    tags = [tag.name for tag in artwork.tags.all()]
    if tags:
        data["keywords"] = ", ".join(tags)
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 -- escaped above for a script element
