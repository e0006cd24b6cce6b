"""The renditions the public templates ask for: one registry, the single source of truth.

Each group names the `{% picture %}` / `{% image %}` spec of one template use. The public
selectors prefetch them and the background task (`heritage.images.tasks`) makes every one
of them soon after an image is uploaded, so no page ever waits on Pillow.
Keep a group in step with the template it names whenever either changes.
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter

# templates/components/artwork_card.html and artist_card.html
CARD_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} fill-{320x320,640x640}"))
# templates/gallery/artist_detail.html (her portrait)
PORTRAIT_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} fill-{400x400,800x800}"))
# templates/components/social_meta.html and gallery/artist_detail.html (og:image)
SOCIAL_RENDITION = "fill-1200x630|format-jpeg"
# templates/cms/home_page.html (hero)
HERO_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} fill-{480x360,960x720,1600x900}"))
# templates/blocks/image_block.html (pictures in page bodies)
BODY_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} width-{400,800,1200}"))
# templates/gallery/artwork_page.html: the work itself, and the large view
ARTWORK_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} width-{480,960,1440}"))
LARGE_RENDITION = "width-2000|format-jpeg"
# templates/gallery/exhibition_index_page.html and exhibition_page.html
EXHIBITION_CARD_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} fill-{480x320,960x640}"))
EXHIBITION_HERO_RENDITIONS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} fill-{800x450,1600x900}"))
# The read API's one picture per image (gallery/api.py): one the artwork page makes anyway.
API_RENDITION = "format-jpeg|width-1440"

PUBLIC_RENDITION_SPECS: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *CARD_RENDITIONS,
            *PORTRAIT_RENDITIONS,
            SOCIAL_RENDITION,
            *HERO_RENDITIONS,
            *BODY_RENDITIONS,
            *ARTWORK_RENDITIONS,
            LARGE_RENDITION,
            *EXHIBITION_CARD_RENDITIONS,
            *EXHIBITION_HERO_RENDITIONS,
            API_RENDITION,
        )
    )
)


def artwork_images_with_renditions(queryset, renditions):
    """Ordered artwork-image rows (`gallery.ArtworkImage` or any model with an `image` foreign
    key) with their image joined in and the given renditions prefetched: two queries for any
    number of works, where a prefetch of the images would take three."""
    specs = [spec.spec if isinstance(spec, Filter) else spec for spec in renditions]
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("image").prefetch_related(
        # The attribute Wagtail's get_rendition() looks for, as prefetch_renditions() sets it.
        Prefetch(
            "image__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=specs),
            to_attr="prefetched_renditions",
        )
    )
