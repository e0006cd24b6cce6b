"""Posting: each artist posts her own lines; the order is shipped when every line is. For cash
on delivery the artist posts before the money comes, and posting is her confirmation."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Order, OrderEvent, OrderLine
from .errors import TransitionNotAllowed
from .orders import order_transition

S = Order.Status


def line_ship(line: OrderLine, *, carrier: str = "", tracking_number: str = "", by=None) -> OrderLine:
    """The artist (or an editor) posted this line: allowed once the order is paid, or at once
    for cash on delivery. When every line of a paid order is posted, the order becomes
    shipped; a cash order becomes shipped when the editor records the money."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=line.order_id)
        if not order.ready_to_post:
            raise TransitionNotAllowed(_("Only paid orders can be shipped."))
        if order.status == S.PENDING_PAYMENT and order.expires_at is not None:
            # Cash on delivery: posting the parcel is the artist's confirmation; the order no
            # longer lapses, the courier brings the money.
            order.expires_at = None
            order.save(update_fields=["expires_at", "updated_at"])
        line.shipped_at = timezone.now()
        line.carrier = carrier.strip()
        line.tracking_number = tracking_number.strip()
        line.save(update_fields=["shipped_at", "carrier", "tracking_number"])
        if not order.lines.filter(shipped_at=None).exists():
            note = ", ".join(filter(None, [carrier.strip(), tracking_number.strip()]))
            source = "artist" if by is None else ""
            if order.status == S.PAID:
                order_transition(order, to=S.SHIPPED, by=by, source=source, note=note)
            else:
                OrderEvent.note_add(
                    order, f"posted, cash due on delivery; {note}".rstrip("; "), actor=by, source=source
                )
    line.refresh_from_db()
    return line


def order_ship(order: Order, *, carrier: str = "", tracking_number: str = "", by=None) -> Order:
    """An editor marks the whole order shipped (every line not yet posted gets the tracking)."""
    for line in order.lines.filter(shipped_at=None):
        line_ship(line, carrier=carrier, tracking_number=tracking_number, by=by)
    order.refresh_from_db()
    return order
