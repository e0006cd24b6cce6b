"""Reads of reviews: the published ones of a work or an artist, with their average and count
(also for the work's structured data, through `gallery.ratings`), a buyer's lines she may
still review, and an artist's reviews for her studio."""

from django.db.models import Avg, Count, FloatField, IntegerField, OuterRef, Subquery

from gallery.ratings import Rating

from .models import Order, OrderLine, Review

LATEST = 10


def _rating(queryset) -> Rating:
    totals = queryset.aggregate(count=Count("pk"), average=Avg("rating"))
    if not totals["count"]:
        return Rating(count=0, average=None)
    reviews = list(queryset.select_related("line").order_by("-created_at")[:LATEST])
    return Rating(count=totals["count"], average=round(float(totals["average"]), 1), reviews=reviews)


def artwork_rating_annotate(queryset):
    """`review_count` and `review_average` of each work's published reviews, as subqueries."""
    published = Review.objects.published().filter(artwork=OuterRef("pk")).order_by().values("artwork")
    return queryset.annotate(
        review_count=Subquery(published.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
        review_average=Subquery(published.annotate(a=Avg("rating")).values("a"), output_field=FloatField()),
    )


def artwork_reviews_latest(artwork_id: int) -> list[Review]:
    """The latest published reviews of a work."""
    return list(
        Review.objects.published()
        .filter(artwork_id=artwork_id)
        .select_related("line")
        .order_by("-created_at")[:LATEST]
    )


def artwork_rating(artwork_id: int) -> Rating:
    """The published reviews of a work: how many, their average (one decimal), the latest."""
    return _rating(Review.objects.published().filter(artwork_id=artwork_id))


def artist_rating(artist_id: int) -> Rating:
    """The published reviews of all an artist's works."""
    return _rating(Review.objects.published().filter(artist_id=artist_id))


def order_lines_reviewable(order: Order) -> list[OrderLine]:
    """The lines of a delivered order not reviewed yet."""
    if order.status != Order.Status.DELIVERED:
        return []
    return list(order.lines.filter(review__isnull=True))


def reviews_for_artist(artist) -> list[Review]:
    """Every review of her works that the public sees, newest first, for her studio."""
    return list(Review.objects.published().filter(artist=artist).select_related("line"))
