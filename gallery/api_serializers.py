"""How a published artwork looks in the read API: public facts only.

Built field by field rather than from the model, so a column added to `Artwork` or
`ArtistProfile` later (a phone, a consent note, a claim code) can never leak into the API
by default. The artist comes out as her public name, slug and, only when she chose to
show it, her region.
"""

from wagtail.api.v2.utils import get_object_detail_url

from rest_framework import serializers

from heritage.images.renditions import API_RENDITION


def _number(value):
    return float(value) if value is not None else None


class ArtworkSerializer(serializers.BaseSerializer):
    def to_representation(self, artwork):
        request = self.context["request"]
        router = self.context["router"]
        return {
            "id": artwork.pk,
            "meta": {
                "type": "gallery.Artwork",
                "detail_url": get_object_detail_url(router, request, type(artwork), artwork.pk),
            },
            "title": artwork.title,
            "slug": artwork.slug,
            "year": artwork.year,
            "medium": (
                {"slug": artwork.medium.slug, "name": artwork.medium.name} if artwork.medium else None
            ),
            "materials": artwork.materials,
            "width_cm": _number(artwork.width_cm),
            "height_cm": _number(artwork.height_cm),
            "depth_cm": _number(artwork.depth_cm),
            "orientation": artwork.orientation or None,
            "description": artwork.description,
            "tags": sorted(tag.name for tag in artwork.tags.all()),
            "artist": self.artist(artwork.artist),
            "images": [self.image(item.image, request) for item in artwork.images.all()],
        }

    @staticmethod
    def artist(artist) -> dict:
        return {
            "display_name": artist.display_name,
            "slug": artist.slug,
            "region": (
                {"slug": artist.region, "name": str(artist.get_region_display())}
                if artist.show_location
                else None
            ),
        }

    @staticmethod
    def image(image, request) -> dict:
        rendition = image.get_rendition(API_RENDITION)
        return {
            "id": image.pk,
            "alt_text": image.default_alt_text,
            "width": image.width,
            "height": image.height,
            "rendition": {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            },
        }
