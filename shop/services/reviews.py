"""Reviews: only the buyer of a delivered order line may review it, once; an editor publishes
or rejects it; the artist may answer a published review once; anyone may report one."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Order, OrderEvent, OrderLine, Review, ReviewReport
from .errors import ShopError


class ReviewError(ShopError):
    default_message = _("This review cannot be changed that way now.")


def review_check(line: OrderLine) -> None:
    """Raise `ReviewError` unless the line's order is delivered and the line not yet reviewed."""
    if line.order.status != Order.Status.DELIVERED:
        raise ReviewError(_("You can review a work once your order has been delivered."))
    if Review.objects.filter(line=line).exists():
        raise ReviewError(_("You have already reviewed this work."))


def review_create(line: OrderLine, *, rating: int, text: str, photo=None, by=None) -> Review:
    """Her review of a work she bought and received, waiting for an editor. The name shown is
    her first name as she gave it at checkout."""
    text = text.strip()
    if not 1 <= int(rating) <= 5:
        raise ReviewError(_("Please choose a rating from 1 to 5."))
    if not text:
        raise ReviewError(_("Please write a few words about the work."))
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=line.order_id)
        line = OrderLine.objects.select_related("order").get(pk=line.pk, order=order)
        review_check(line)
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    line=line,
                    artwork_id=line.artwork_id,
                    artist_id=line.artist_id,
                    author_name=(order.name.split() or [_("A buyer")])[0][:60],
                    rating=int(rating),
                    text=text[:2000],
                    photo=photo,
                )
        except IntegrityError:
            raise ReviewError(_("You have already reviewed this work.")) from None
        OrderEvent.note_add(order, f"review of “{line.title}”: {rating}/5", actor=by, source="buyer")
    return review


def review_moderate(review: Review, *, publish: bool, by) -> Review:
    """An editor publishes a waiting review, or decides not to; a published one may later be
    taken down (after a report)."""
    with transaction.atomic():
        current = Review.objects.select_for_update().get(pk=review.pk)
        target = Review.Status.PUBLISHED if publish else Review.Status.REJECTED
        if current.status == target:
            raise ReviewError()
        current.status = target
        current.moderated_by = by
        current.moderated_at = timezone.now()
        current.save(update_fields=["status", "moderated_by", "moderated_at"])
    return current


def review_answer(review: Review, *, artist, text: str) -> Review:
    """The artist answers a published review of her work, once."""
    text = text.strip()
    if not text:
        raise ReviewError(_("Please write your answer."))
    with transaction.atomic():
        current = Review.objects.select_for_update().get(pk=review.pk)
        if current.artist_id != artist.pk or current.status != Review.Status.PUBLISHED:
            raise ReviewError()
        if current.answer:
            raise ReviewError(_("You have already answered this review."))
        current.answer = text[:2000]
        current.answered_at = timezone.now()
        current.save(update_fields=["answer", "answered_at"])
    return current


def review_report(review: Review, *, reason: str) -> ReviewReport:
    """Someone reports a published review; editors see the reports beside it."""
    reason = reason.strip()
    if not reason:
        raise ReviewError(_("Please say what is wrong with this review."))
    if review.status != Review.Status.PUBLISHED:
        raise ReviewError()
    return ReviewReport.objects.create(review=review, reason=reason[:1000])
