"""What the gallery asks the shop about buyers' reviews of a work: how many are published and
their average (as annotations on the work's query, so a page without reviews costs no query)
and the latest ones, for the work's page and its structured data (`aggregateRating`,
`review`). The shop registers both in `ShopConfig.ready()`; without it no work has a rating."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import FloatField, IntegerField, QuerySet, Value

# Adds `review_count` and `review_average` (published reviews) to a queryset of artworks.
RatingAnnotation = Callable[[QuerySet], QuerySet]
# artwork id → its latest published reviews (`author_name`, `rating`, `text`, `created_at`,
# `answer`, `pk`).
ReviewsLookup = Callable[[int], list]

_annotate: RatingAnnotation | None = None
_reviews: ReviewsLookup | None = None


@dataclass(frozen=True)
class Rating:
    count: int
    average: float | None
    reviews: list = field(default_factory=list)


def artwork_rating_register(*, annotate: RatingAnnotation | None, reviews: ReviewsLookup | None) -> None:
    global _annotate, _reviews
    _annotate, _reviews = annotate, reviews


def artworks_with_rating(queryset: QuerySet) -> QuerySet:
    """`queryset` with `review_count` and `review_average`; zero and None with no shop."""
    if _annotate is None:
        return queryset.annotate(
            review_count=Value(0, output_field=IntegerField()),
            review_average=Value(None, output_field=FloatField()),
        )
    return _annotate(queryset)


def artwork_rating_get(artwork) -> Rating | None:
    """The work's published reviews (read once per work object), or None when it has none.
    The work must come from `artworks_with_rating`."""
    count = getattr(artwork, "review_count", 0)
    if not count or _reviews is None:
        return None
    cached = getattr(artwork, "_rating_cache", None)
    if cached is None:
        cached = Rating(
            count=count, average=round(float(artwork.review_average), 1), reviews=_reviews(artwork.pk)
        )
        artwork._rating_cache = cached
    return cached
