"""Shop work done after commit by the task worker: emails, expiry sweeps, Stripe transfers."""

from datetime import timedelta

from django.db.models import Prefetch
from django.tasks import task
from django.urls import reverse
from django.utils import translation

from artists.models import ArtistProfile
from heritage.emails import email_build, email_send_later, site_url

from .models import Order, OrderLine, ReturnRequest
from .payments import gateway_for, transfers_gateway
from .services import PayoutError, orders_expire
from .services.notify import order_url, receipt_url
from .services.payouts import connect_payout_send
from .services.reconcile import orders_reconcile, payouts_reconcile

BUYER_TEMPLATES = {status: f"shop/email/buyer_{status}" for status in Order.Status.values}
ARTIST_TEMPLATES = {
    Order.Status.PAID: "shop/email/artist_paid",
    Order.Status.REFUNDED: "shop/email/artist_refunded",
}


@task
def order_status_notify(*, order_id: int, status: str) -> int:
    """Email the buyer (in the language she checked out in) about her order's new status, and
    each artist in the order (in her own language) when there is something for her to do.
    Returns how many were queued; each is sent by its own task, retried if the mail server is
    down, so one failure neither blocks nor repeats the others. A status the order has since
    left sends nothing."""
    order = (
        Order.objects.prefetch_related(
            Prefetch("lines", queryset=OrderLine.objects.select_related("artist__user"))
        )
        .filter(pk=order_id)
        .first()
    )
    if order is None or order.status != status:
        return 0
    received = ReturnRequest.objects.filter(order=order, status=ReturnRequest.Status.RECEIVED)
    if status == Order.Status.REFUNDED and received.exists():
        return 0  # the return's own emails (shop.tasks_returns) tell both sides of this refund
    start = (
        gateway_for(order).start(order, success_url="", cancel_url="")
        if (status == Order.Status.PENDING_PAYMENT and order.payment_method != Order.PaymentMethod.CARD)
        else None
    )
    sent = 0
    email_send_later(
        email_build(
            to=[order.email],
            language=order.language,
            template=BUYER_TEMPLATES[status],
            context={
                "order": order,
                "order_url": order_url(order, order.language),
                "receipt_url": receipt_url(order, order.language),
                "payment": start,
            },
        )
    )
    sent += 1
    template = ARTIST_TEMPLATES.get(status)
    if template:
        by_artist: dict = {}
        for line in order.lines.all():
            by_artist.setdefault(line.artist, []).append(line)
        for artist, lines in by_artist.items():
            if artist.user is None or not artist.user.email:
                continue
            language = artist.user.language
            with translation.override(language):
                studio = site_url(reverse("shop_studio:orders"))
            email_send_later(
                email_build(
                    to=[artist.user.email],
                    language=language,
                    template=template,
                    context={"order": order, "lines": lines, "artist": artist, "studio_url": studio},
                )
            )
            sent += 1
    return sent


@task
def orders_expire_sweep() -> int:
    """Give back the stock of pending orders whose reservation has ended (run it every few
    minutes: `manage.py orders_expire`, or a scheduler enqueuing this task)."""
    return orders_expire()


@task
def orders_reconcile_sweep(*, minutes: int = 15) -> dict:
    """Ask the payment provider about card orders pending longer than `minutes` and apply what
    it says, for webhooks that never came (run it every few minutes: `manage.py
    orders_reconcile`, or a scheduler enqueuing this task). Returns the count of each outcome."""
    outcomes = orders_reconcile(older_than=timedelta(minutes=minutes))
    outcomes.update(payouts_reconcile(gateway=transfers_gateway()))
    return dict(outcomes)


@task
def connect_transfers_send(*, order_id: int) -> int:
    """After delivery, pay each artist of the order who has a Stripe Connect account
    everything available to her, by a Stripe transfer. Returns how many transfers were made;
    one whose answer was lost stays `unknown` for reconciliation."""
    artists = (
        ArtistProfile.objects.filter(order_lines__order_id=order_id).exclude(stripe_account_id="").distinct()
    )
    made = 0
    for artist in artists:
        if artist.payout_method != "stripe":
            continue
        try:
            payout = connect_payout_send(artist, send=transfers_gateway().transfer)
        except PayoutError:
            continue
        made += payout.status == payout.Status.PAID
    return made
