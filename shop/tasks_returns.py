"""Emails about a return, one per person in her own language: the buyer (in the language
she checked out in), each artist of the order, and on a new request the editors who look
after orders. Each email is sent by its own retrying task."""

from django.tasks import task
from django.urls import reverse
from django.utils import translation

from heritage.emails import editor_recipients, email_build, email_send_later, site_url

from .models import ReturnRequest
from .services.notify import order_url

STEPS = set(ReturnRequest.Status.values)


@task
def return_notify(*, return_id: int, step: str) -> int:
    """Tell both sides that the return moved to `step`. Returns how many emails were queued;
    a step the return has since left still tells what happened at that step."""
    ret = ReturnRequest.objects.select_related("order").filter(pk=return_id).first()
    if ret is None or step not in STEPS:
        return 0
    order = ret.order
    context = {"order": order, "return": ret}
    email_send_later(
        email_build(
            to=[order.email],
            language=order.language,
            template=f"shop/email/return_{step}_buyer",
            context={**context, "order_url": order_url(order, order.language)},
        )
    )
    sent = 1
    by_artist: dict = {}
    for line in order.lines.select_related("artist__user"):
        by_artist.setdefault(line.artist, []).append(line)
    for artist, lines in by_artist.items():
        if artist.user is None or not artist.user.email:
            continue
        with translation.override(artist.user.language):
            studio = site_url(reverse("shop_studio:orders"))
        email_send_later(
            email_build(
                to=[artist.user.email],
                language=artist.user.language,
                template=f"shop/email/return_{step}_artist",
                context={**context, "artist": artist, "lines": lines, "studio_url": studio},
            )
        )
        sent += 1
    if step == ReturnRequest.Status.REQUESTED:
        admin_url = site_url(reverse("shop_orders:inspect", args=[order.pk]))
        for language, recipients in editor_recipients("shop.change_order").items():
            email_send_later(
                email_build(
                    to=recipients,
                    language=language,
                    template="shop/email/return_requested_editor",
                    context={**context, "admin_url": admin_url},
                )
            )
            sent += len(recipients)
    return sent
