"""What the gallery asks the shop about buyers' reviews of a work, for its structured data
(`aggregateRating`, `review`). The shop registers the answer in `ShopConfig.ready()`;
without it a work has no rating."""

from collections.abc import Callable

# artwork id → an object with `count`, `average` (1–5, one decimal, or None) and `reviews`
# (the latest published ones: `author_name`, `rating`, `text`, `created_at`).
RatingLookup = Callable[[int], object]

_lookup: RatingLookup | None = None


def artwork_rating_register(lookup: RatingLookup | None) -> None:
    global _lookup
    _lookup = lookup


def artwork_rating_get(artwork_id: int):
    """The work's published reviews, or None when nobody registered or nobody reviewed it."""
    if _lookup is None:
        return None
    rating = _lookup(artwork_id)
    return rating if rating is not None and rating.count else None
