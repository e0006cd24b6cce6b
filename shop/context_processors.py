from functools import cache

from .selectors import cart_count
from .services.cart import SESSION_KEY


def cart(request):
    """`cart_count` for the header's cart link: counted (one query) only when a template shows
    it, and not at all for a visitor who has never put anything in a cart."""

    @cache
    def count() -> int:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return cart_count(user=user)
        session = getattr(request, "session", None)
        return cart_count(cart_id=session.get(SESSION_KEY)) if session is not None else 0

    return {"cart_count": count}
