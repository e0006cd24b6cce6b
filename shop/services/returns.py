"""Returns: within `SHOP_RETURN_DAYS` of delivery the buyer asks to send her order back; an
editor accepts (with return-shipping instructions) or declines, with a message; when the
works arrive back the editor marks them received and the whole order is refunded through its
gateway by the refund services (one set of rules: `order_refund`'s request, execution and
booking, so the ledger reverses the sale exactly as a full refund does). Works the editor
calls resaleable go back on sale. Every step is an `OrderEvent` and, after commit, an email
to the buyer and the artists (`return_changed`)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Offer, Order, OrderEvent, ReturnPhoto, ReturnRequest
from .errors import RefundError, ShopError
from .gateways import gateway_for_order
from .notify import return_changed, send_on_commit
from .refunds import refund_execute, refund_request, refunds_in_flight

R = ReturnRequest.Status


class ReturnError(ShopError):
    default_message = _("This return cannot be changed that way now.")


def return_window_end(order: Order):
    """The moment her right to ask for a return ends, or None before delivery."""
    if order.delivered_at is None:
        return None
    return order.delivered_at + timedelta(days=settings.SHOP_RETURN_DAYS)


def return_check(order: Order) -> None:
    """Raise `ReturnError`, with what she needs to know, unless she may ask to return the
    order now: delivered, within the window, not asked before."""
    if order.status != Order.Status.DELIVERED or order.delivered_at is None:
        raise ReturnError(_("A return can be asked for once the order has been delivered."))
    end = return_window_end(order)
    if timezone.now() > end:
        raise ReturnError(
            _(
                "Returns can be asked for within %(days)s days of delivery. This order was "
                "delivered on %(delivered)s, so the time to ask ended on %(end)s."
            )
            % {
                "days": settings.SHOP_RETURN_DAYS,
                "delivered": date_format(timezone.localtime(order.delivered_at), "DATE_FORMAT"),
                "end": date_format(timezone.localtime(end), "DATE_FORMAT"),
            }
        )
    if ReturnRequest.objects.filter(order=order).exists():
        raise ReturnError(_("You have already asked to return this order."))


def return_may_request(order: Order) -> bool:
    """Whether the buyer's order page offers "Ask for a return" now."""
    try:
        return_check(order)
    except ReturnError:
        return False
    return True


def return_request_create(order: Order, *, reason: str, images=(), by=None) -> ReturnRequest:
    """She asks to return her delivered order, with her reason and up to three photos (already
    stored through the image upload pipeline). Refused before delivery, after the window,
    and when she has asked already (one return per order, also for two tabs at once: the
    order's row is locked and the return is one-to-one with it)."""
    reason = reason.strip()
    if not reason:
        raise ReturnError(_("Please tell us why you want to return the order."))
    if len(images) > 3:
        raise ReturnError(_("Please send at most 3 photos."))
    with transaction.atomic():
        current = Order.objects.select_for_update().get(pk=order.pk)
        return_check(current)
        request = ReturnRequest.objects.create(order=current, reason=reason[:2000])
        ReturnPhoto.objects.bulk_create(
            [ReturnPhoto(return_request=request, image=image) for image in images]
        )
        OrderEvent.note_add(current, f"return requested: {reason[:500]}", actor=by, source="buyer")
        send_on_commit(return_changed, return_id=request.pk, step=R.REQUESTED)
    return request


def _locked(return_request: ReturnRequest, expected: str) -> ReturnRequest:
    current = ReturnRequest.objects.select_for_update().select_related("order").get(pk=return_request.pk)
    if current.status != expected:
        raise ReturnError(
            _("This return is already “%(status)s”: someone has just dealt with it.")
            % {"status": current.get_status_display()}
        )
    return current


def return_decide(return_request: ReturnRequest, *, accept: bool, message: str, by) -> ReturnRequest:
    """An editor accepts the return (her message says where and how to send the works back)
    or declines it (her message says why). Only a requested return can be decided, once."""
    message = message.strip()
    if not message:
        raise ReturnError(_("Please write a message to the buyer."))
    with transaction.atomic():
        current = _locked(return_request, R.REQUESTED)
        current.status = R.ACCEPTED if accept else R.DECLINED
        current.message = message[:2000]
        current.decided_by = by
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "message", "decided_by", "decided_at"])
        OrderEvent.note_add(
            current.order, f"return {current.status}: {message[:500]}", actor=by, source="editor"
        )
        send_on_commit(return_changed, return_id=current.pk, step=current.status)
    return current


def return_receive(return_request: ReturnRequest, *, resaleable: bool, by, gateway=None) -> ReturnRequest:
    """The works are back: refund everything still refundable through the order's gateway
    (Stripe refunds the card; for bank transfer and cash the refund is recorded as paid back
    by hand) and, if the editor says they can be sold again, put their stock back.

    The return is marked received and its `Refund` row made in one locked transaction, before
    the provider is called, so two editors (or two tabs) pressing at once make one refund. A
    refund the provider refuses puts the return back to accepted, to be tried again; one whose
    answer was lost stays with the return until reconciliation books it."""
    with transaction.atomic():
        current = _locked(return_request, R.ACCEPTED)
        order = current.order
        amount = order.refundable_amount - refunds_in_flight(order)
        refund = refund_request(order, amount=amount, note=f"return {current.pk}") if amount > 0 else None
        current.status = R.RECEIVED
        current.received_at = timezone.now()
        current.resaleable = resaleable
        current.refund = refund
        current.save(update_fields=["status", "received_at", "resaleable", "refund"])
        OrderEvent.note_add(
            order,
            "return received" + ("; works back on sale" if resaleable else "; works not for sale again"),
            actor=by,
            source="editor",
        )
        if resaleable:
            _stock_return(order)
    if refund is not None:
        gateway = gateway or gateway_for_order(order)
        try:
            refund_execute(refund, send=gateway.refund, by=by, source="editor")
        except RefundError:
            _receive_undo(current, resaleable=resaleable)
            raise
    send_on_commit(return_changed, return_id=current.pk, step=R.RECEIVED)
    current.refresh_from_db()
    return current


def _receive_undo(return_request: ReturnRequest, *, resaleable: bool) -> None:
    with transaction.atomic():
        current = ReturnRequest.objects.select_for_update().get(pk=return_request.pk)
        current.status = R.ACCEPTED
        current.received_at = None
        current.refund = None
        current.resaleable = False
        current.save(update_fields=["status", "received_at", "refund", "resaleable"])
        if resaleable:
            _stock_take_back(current.order)
        OrderEvent.note_add(current.order, "return refund refused; return open again", source="editor")


def _stock_return(order: Order) -> None:
    """Returned works go back on sale: an original's single piece (only if it is not in stock
    already), a print's copies."""
    for line in order.lines.exclude(offer=None).select_related("offer"):
        if line.offer.is_original:
            Offer.objects.filter(pk=line.offer_id, stock=0).update(stock=1)
        else:
            Offer.objects.filter(pk=line.offer_id).update(stock=F("stock") + line.quantity)


def _stock_take_back(order: Order) -> None:
    for line in order.lines.exclude(offer=None).select_related("offer"):
        Offer.objects.filter(pk=line.offer_id, stock__gte=line.quantity).update(
            stock=F("stock") - line.quantity
        )
