"""The read API (Wagtail API v2): live pages, public images and published artworks.

Public data only, read-only and paginated with `limit`/`offset` (at most
`WAGTAILAPI_LIMIT_MAX`, 20 by default). Artworks start from `Artwork.objects.published()`
like every public surface, so drafts, works under review and works of artists who are not
approved do not exist here, in listings or by id.
"""

from types import SimpleNamespace

from django.db.models import Prefetch, Q
from django.urls import path

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from rest_framework.fields import Field

from artists.models import ArtistProfile
from heritage.images.renditions import API_RENDITION
from heritage.search_text import words_split

from .api_serializers import ArtworkSerializer
from .models import Artwork, ArtworkImage
from .selectors.search import QUERY_MAX_LENGTH, artwork_search_ids


def search_words(query: str) -> str:
    """The words of a query: quotes, `*`, `&`, `|`, `!`, brackets and NUL are syntax (or
    errors) to SQLite's FTS5 and PostgreSQL's tsquery, and a visitor's stray symbol must
    not become a server error."""
    return " ".join(words_split(query[:QUERY_MAX_LENGTH]))


class WordsSearchFilter(SearchFilter):
    """Wagtail's `?search=` for pages and images, given only the words of the query; a
    query without any word finds nothing."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        params = request.GET.copy()
        params["search"] = search_words(params["search"])
        if not params["search"]:
            return queryset.none()
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


def _with_words_search(filter_backends: list) -> list:
    return [WordsSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's live public pages, searched by words only."""

    filter_backends = _with_words_search(PagesAPIViewSet.filter_backends)


class ImageRenditionUrlField(Field):
    """The image as the public sees it: a web-sized rendition, never the original."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        rendition = image.get_rendition(API_RENDITION)
        return {
            "url": self.context["request"].build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }


def public_image_ids():
    """Images the public already sees: those of published works and approved artists' portraits."""
    artwork_images = ArtworkImage.objects.filter(artwork__in=Artwork.objects.published()).values("image_id")
    portraits = ArtistProfile.objects.approved().filter(portrait__isnull=False).values("portrait_id")
    return Q(pk__in=artwork_images) | Q(pk__in=portraits)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only images already public elsewhere on the site, with a rendition in place of the
    original's download URL."""

    filter_backends = _with_words_search(ImagesAPIViewSet.filter_backends)
    meta_fields = [*BaseAPIViewSet.meta_fields, "tags", "rendition"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "title", "alt_text", "rendition"]
    nested_default_fields = [*BaseAPIViewSet.nested_default_fields, "title", "rendition"]
    body_fields = [*ImagesAPIViewSet.body_fields, "alt_text"]

    @classmethod
    def get_field_serializer_overrides(cls, model):
        return {
            **super().get_field_serializer_overrides(model),
            "rendition": ImageRenditionUrlField(read_only=True),
        }

    @classmethod
    def get_meta_fields_names(cls, model):
        return list(cls.meta_fields)

    def get_queryset(self):
        return super().get_queryset().filter(public_image_ids()).prefetch_renditions(API_RENDITION)


class ArtworksAPIViewSet(BaseAPIViewSet):
    """Published works of approved artists, newest first.

    Filters: `medium=<slug>`, `orientation=portrait|landscape|square`, `artist=<slug>`,
    `region=<region>` (only artists who chose to show their region) and `search=<words>`.
    """

    model = Artwork
    name = "artworks"
    known_query_parameters = frozenset(
        {"limit", "offset", "format", "_", "search", "medium", "orientation", "region", "artist"}
    )

    def get_queryset(self):
        images = get_image_model().objects.prefetch_renditions(API_RENDITION)
        artwork_images = ArtworkImage.objects.order_by("sort_order", "pk").prefetch_related(
            Prefetch("image", queryset=images)
        )
        return (
            Artwork.objects.published()
            .select_related("medium", "artist")
            .prefetch_related("tags", Prefetch("images", queryset=artwork_images))
            .order_by("-published_at", "-pk")
        )

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            names = ", ".join(sorted(unknown))
            raise BadRequestError(f"query parameter is not an operation or a recognised filter: {names}")

    def filter_queryset(self, queryset):
        params = self.request.GET
        if medium := params.get("medium"):
            queryset = queryset.filter(medium__slug=medium)
        if orientation := params.get("orientation"):
            queryset = queryset.filter(orientation=orientation)
        if artist := params.get("artist"):
            queryset = queryset.filter(artist__slug=artist)
        if region := params.get("region"):
            # Never reveal where an artist lives who keeps her region private.
            queryset = queryset.filter(artist__region=region, artist__show_location=True)
        if query := params.get("search", "").strip():
            queryset = queryset.filter(pk__in=artwork_search_ids(query[:QUERY_MAX_LENGTH]))
        return queryset

    def get_serializer_class(self):
        return ArtworkSerializer


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("artworks", ArtworksAPIViewSet)

# `router.urls` is (patterns, app_name, namespace), the shape `path()` takes like `admin.site.urls`.
urlpatterns = [path("", router.urls)]
