from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services.cart import SESSION_KEY, cart_merge


@receiver(user_logged_in, dispatch_uid="shop_cart_merge")
def cart_merge_on_login(sender, request, user, **kwargs):
    """A guest's basket follows her into her account when she signs in."""
    if request is None or not hasattr(request, "session"):
        return
    cart_merge(cart_id=request.session.pop(SESSION_KEY, None), user=user)
