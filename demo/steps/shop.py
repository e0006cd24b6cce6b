"""The shop's part of `manage.py seed_demo`: offers on most demo works, artists' payout
methods, a few orders in every state and one payout batch.

Offers are written directly; orders go through the same services checkout, the webhook and
the admin use (so stock, events and the ledger are exactly what real orders make), with
notifications muted so no demo buyer or artist is emailed. A second run adds nothing:
offers are made only for works without any, orders only if no demo order exists.
"""

import zlib

from django.db import transaction

from artists.models import ArtistProfile
from gallery.models import Artwork
from shop.models import Offer, Order, ShippingProfile
from shop.services import (
    BuyerDetails,
    artist_balance,
    line_ship,
    order_cancel,
    order_create,
    order_mark_paid,
    order_transition,
    payout_record,
)
from shop.services.notify import notifications_muted

DEMO_BUYER_DOMAIN = "buyers.example.org"
TEXTILES = {"hand-embroidery", "ikat-silk", "adras", "wool-carpet", "felt"}
SOMONI_PER_DOLLAR = 11


def _hash(text: str) -> int:
    return zlib.crc32(text.encode())


def _profile_for(artwork: Artwork, profiles: list[ShippingProfile]) -> ShippingProfile:
    small, rolled, framed = profiles[0], profiles[min(1, len(profiles) - 1)], profiles[-1]
    longest = max(artwork.width_cm or 0, artwork.height_cm or 0, artwork.depth_cm or 0)
    if longest and longest < 50:
        return small
    if artwork.medium and artwork.medium.slug in TEXTILES:
        return rolled
    return framed


def offers_create(ctx) -> None:
    """Most published demo works go on sale as originals (from 400 to 6 300 TJS, about half
    with a dollar price beside); every fourth also as a print edition; one in seven is not
    for sale. The artists get a payout method: most by bank, a few in cash."""
    profiles = list(ShippingProfile.objects.order_by("sort_order", "pk"))
    if not profiles:
        ctx.report("No shipping profiles: run the migrations first (manage.py migrate).")
        return
    works = Artwork.objects.published().filter(offers=None).select_related("medium").order_by("pk")
    made = 0
    for artwork in works:
        h = _hash(f"{artwork.artist_id}/{artwork.slug}")
        if h % 7 == 0:
            continue
        price = (400 + (h % 60) * 100) * 100
        Offer.objects.create(
            artwork=artwork,
            kind=Offer.Kind.ORIGINAL,
            stock=1,
            price_amount=price,
            price_usd_amount=(price // SOMONI_PER_DOLLAR // 100) * 100 if h % 2 else None,
            shipping_profile=_profile_for(artwork, profiles),
        )
        made += 1
        if h % 4 == 0:
            edition = 25
            Offer.objects.create(
                artwork=artwork,
                kind=Offer.Kind.PRINT,
                edition_size=edition,
                stock=edition - h % 5,
                price_amount=(250 + (h % 4) * 50) * 100,
                shipping_profile=profiles[0],
            )
            made += 1
    if made:
        ctx.made["offers"] += made
    for n, artist in enumerate(ArtistProfile.objects.approved().filter(payout_method="").order_by("pk")):
        if n % 5 == 4:
            method, details = "cash", "Cash at the TajikHeritage office, Dushanbe, against a signed receipt."
        else:
            method, details = "bank", f"Amonatbonk, Korti Milli card •••• {1000 + _hash(artist.slug) % 9000}"
        # Seeded data, not a change anyone made: written past the save signals, so there is no
        # finance log row, no email to the artist and no 48-hour hold on her demo payout.
        ArtistProfile.objects.filter(pk=artist.pk).update(payout_method=method, payout_details=details)


BUYERS = [
    # name, email local part, city, country, payment
    ("Dilnoza Rahimova", "dilnoza", "Dushanbe", "TJ", Order.PaymentMethod.BANK_TRANSFER),
    ("Aigerim Sadykova", "aigerim", "Almaty", "KZ", Order.PaymentMethod.CARD),
    ("Hannah Weber", "hannah", "Berlin", "DE", Order.PaymentMethod.CARD),
    ("Olga Smirnova", "olga", "Moscow", "RU", Order.PaymentMethod.BANK_TRANSFER),
    ("Farrukh Nazarov", "farrukh", "Khujand", "TJ", Order.PaymentMethod.CASH),
    ("Emily Clarke", "emily", "London", "GB", Order.PaymentMethod.CARD),
]


def _buyer(index: int) -> BuyerDetails:
    name, local, city, country, payment = BUYERS[index]
    return BuyerDetails(
        email=f"{local}@{DEMO_BUYER_DOMAIN}",
        name=name,
        address_line1=f"{12 + index * 7} Demo Street, apt {index + 3}",
        city=city,
        country=country,
        postal_code=f"{734000 + index * 11}",
        payment_method=payment,
        terms_accepted=True,
    )


def orders_create(ctx) -> None:
    """Six demo orders: waiting for a bank transfer, paid by card, shipped with a tracking
    number, two delivered (one artist's earnings then paid out in a bank batch), and one
    cancelled when its reservation ran out."""
    if Order.objects.filter(email__endswith=f"@{DEMO_BUYER_DOMAIN}").exists():
        return
    originals = list(
        Offer.objects.buyable()
        .filter(kind=Offer.Kind.ORIGINAL)
        .select_related("artwork__artist")
        .order_by("pk")
    )
    prints = list(Offer.objects.buyable().filter(kind=Offer.Kind.PRINT).order_by("pk"))
    if len(originals) < 6 or not prints:
        ctx.report("Too few demo offers to make demo orders; skipped.")
        return
    # Two delivered orders from the same artist, so her payout batch has two sales in it.
    paid_artist = originals[0].artwork.artist_id
    same_artist = next((o for o in originals[1:] if o.artwork.artist_id == paid_artist), originals[1])
    others = [o for o in originals[1:] if o.pk != same_artist.pk]

    with notifications_muted(), transaction.atomic():
        order_create([(others[0].pk, 1)], _buyer(0), language="ru")

        card = order_create([(prints[0].pk, 2)], _buyer(1), language="ru")
        _paid(card, "pi_demo_card_1")

        shipped = order_create([(others[1].pk, 1)], _buyer(2), language="en")
        _paid(shipped, "pi_demo_card_2")
        line_ship(shipped.lines.get(), carrier="Tajik Post (EMS)", tracking_number="EE123456789TJ")

        for offer, index in ((originals[0], 3), (same_artist, 4)):
            order = order_create([(offer.pk, 1)], _buyer(index), language="ru" if index == 3 else "tg")
            _paid(order, f"DEMO-BANK-{index}")
            line_ship(order.lines.get(), carrier="Tajik Post", tracking_number=f"RR00{index}4567TJ")
            order_transition(order, to=Order.Status.DELIVERED, source="demo")

        expired = order_create([(others[2].pk, 1)], _buyer(5), language="en")
        order_cancel(expired, source="expiry", note="reservation ended", close_payment=False)

        artist = ArtistProfile.objects.get(pk=paid_artist)
        balance = artist_balance(artist)
        if balance.available > 0:
            payout_record(
                artist,
                method="bank",
                expected_amount=balance.available,
                reference="DEMO-2026-11-001",
                note="Demo payout batch",
            )
    ctx.made["orders"] += 6


def _paid(order: Order, reference: str) -> None:
    order_mark_paid(order, amount=order.total, currency=order.currency, source="demo", reference=reference)
    if order.payment_method == Order.PaymentMethod.CARD:
        Order.objects.filter(pk=order.pk).update(stripe_payment_intent=reference)
