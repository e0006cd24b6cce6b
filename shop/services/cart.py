"""The basket: kept for guests by session and for signed-in buyers by account."""

from django.db import transaction
from django.db.models import Prefetch

from gallery.models import Artwork

from ..models import Cart, CartItem, Offer
from .errors import SoldOut

# The guest cart's id lives in the session, whose data (unlike its key) survives signing in.
SESSION_KEY = "shop_cart_id"


def cart_get(request, *, create: bool = False) -> Cart | None:
    """The current buyer's cart (by account when signed in, else by session)."""
    user = request.user if request.user.is_authenticated else None
    if user is not None:
        cart = Cart.objects.filter(user=user).first()
        if cart is None and create:
            cart = Cart.objects.create(user=user)
        return cart
    cart_id = request.session.get(SESSION_KEY)
    cart = Cart.objects.filter(user=None, pk=cart_id).first() if cart_id else None
    if cart is None and create:
        cart = Cart.objects.create()
        request.session[SESSION_KEY] = cart.pk
    return cart


def cart_items(cart: Cart | None) -> list[CartItem]:
    """Items with their offer, artwork, artist, primary image and shipping profile."""
    if cart is None:
        return []
    return list(
        cart.items.select_related("offer__artwork__artist", "offer__shipping_profile").prefetch_related(
            Prefetch("offer__artwork", queryset=Artwork.objects.with_images().select_related("artist"))
        )
    )


def cart_add(cart: Cart, offer: Offer, quantity: int = 1) -> CartItem:
    """Put an offer in the cart (or raise its quantity). An original is always one; a print
    never more than the stock left. Sold-out or hidden offers raise `SoldOut`."""
    if not Offer.objects.buyable().filter(pk=offer.pk).exists():
        raise SoldOut(offer)
    item, created = CartItem.objects.get_or_create(cart=cart, offer=offer, defaults={"quantity": 0})
    wanted = 1 if offer.is_original else item.quantity + max(1, quantity)
    item.quantity = min(wanted, offer.stock)
    item.save(update_fields=["quantity"])
    cart.save(update_fields=["updated_at"])
    return item


def cart_set_quantity(cart: Cart, offer_id: int, quantity: int) -> None:
    """Change how many prints; zero removes the item. Clamped to 1 for originals and to stock."""
    item = cart.items.select_related("offer").filter(offer_id=offer_id).first()
    if item is None:
        return
    if quantity <= 0:
        item.delete()
        return
    item.quantity = 1 if item.offer.is_original else min(quantity, max(item.offer.stock, 1))
    item.save(update_fields=["quantity"])


def cart_remove(cart: Cart, offer_id: int) -> None:
    cart.items.filter(offer_id=offer_id).delete()


@transaction.atomic
def cart_merge(*, cart_id: int | None, user) -> Cart | None:
    """On sign-in, move the guest's items into her account's cart (keeping the larger
    quantity of an offer in both) and drop the guest cart."""
    guest = Cart.objects.filter(user=None, pk=cart_id).first() if cart_id else None
    if guest is None:
        return Cart.objects.filter(user=user).first()
    own = Cart.objects.filter(user=user).first()
    if own is None:
        guest.user = user
        guest.save(update_fields=["user", "updated_at"])
        return guest
    for item in guest.items.all():
        mine = own.items.filter(offer_id=item.offer_id).first()
        if mine is None:
            item.cart = own
            item.save(update_fields=["cart"])
        elif item.quantity > mine.quantity:
            mine.quantity = item.quantity
            mine.save(update_fields=["quantity"])
    guest.delete()
    return own


def cart_clear(cart: Cart | None) -> None:
    if cart is not None:
        cart.items.all().delete()
