"""Receivers that connect the shop at start-up: a guest's basket follows her sign-in, and
what the services announce after commit becomes work for the task worker."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import tasks, tasks_inquiries, tasks_returns
from .services.cart import SESSION_KEY, cart_merge
from .services.notify import inquiry_message_added, order_delivered, order_status_changed, return_changed


@receiver(user_logged_in, dispatch_uid="shop_cart_merge")
def cart_merge_on_login(sender, request, user, **kwargs):
    """A guest's basket follows her into her account when she signs in."""
    if request is None or not hasattr(request, "session"):
        return
    cart_merge(cart_id=request.session.pop(SESSION_KEY, None), user=user)


@receiver(order_status_changed, dispatch_uid="shop_order_status_notify")
def order_status_notify_enqueue(sender, order_id, status, **kwargs):
    """The buyer and the artists hear of an order's new status by email, from the worker."""
    tasks.order_status_notify.enqueue(order_id=order_id, status=status)


@receiver(order_delivered, dispatch_uid="shop_connect_transfers_send")
def connect_transfers_enqueue(sender, order_id, **kwargs):
    """A delivered order's money goes to the artists' Stripe accounts, from the worker."""
    tasks.connect_transfers_send.enqueue(order_id=order_id)


@receiver(inquiry_message_added, dispatch_uid="shop_inquiry_message_notify")
def inquiry_message_notify_enqueue(sender, inquiry_id, by, **kwargs):
    """The other side of a conversation hears of a new message by email, from the worker."""
    tasks_inquiries.inquiry_message_notify.enqueue(inquiry_id=inquiry_id, sender=by)


@receiver(return_changed, dispatch_uid="shop_return_notify")
def return_notify_enqueue(sender, return_id, step, **kwargs):
    """The buyer, the artists and (for a new request) the editors hear of a return's step."""
    tasks_returns.return_notify.enqueue(return_id=return_id, step=step)
