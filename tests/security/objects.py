"""The objects the abuse tests aim at: an artist's work, photo, offer, a paid order and a
buyer's question, with the people who must not reach them; and the site's routes."""

from types import SimpleNamespace

from django.test import TestCase
from django.urls import URLPattern, URLResolver

from gallery.models import Artwork
from shop.models import Offer
from shop.services.inquiries import inquiry_create
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, UserFactory, order_paid


def url_routes(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def world_build() -> SimpleNamespace:
    """An artist with a published work (photo, offer, a paid order, a buyer's question), a
    draft, and three other people: another artist, a buyer, and nobody signed in."""
    owner = ArtistFactory(display_name="Owner Artist")
    work = ArtworkFactory(artist=owner)
    draft = ArtworkFactory(artist=owner, status=Artwork.Status.DRAFT, published_at=None)
    offer = OfferFactory(artwork=work, kind=Offer.Kind.PRINT, edition_size=10, stock=5)
    buyer = UserFactory(email="buyer-one@example.org")
    with TestCase.captureOnCommitCallbacks(execute=True):
        order = order_paid((offer, 1), email=buyer.email)
        inquiry = inquiry_create(artwork=work, name="Buyer One", email=buyer.email, body="Is it framed?")
    return SimpleNamespace(
        owner=owner,
        intruder=ArtistFactory(display_name="Intruder Artist"),
        stranger=UserFactory(email="stranger@example.org"),
        work=work,
        draft=draft,
        image=work.images.get(),
        draft_image=draft.images.get(),
        offer=offer,
        order=order,
        line=order.lines.get(),
        inquiry=inquiry,
    )


def studio_requests(w) -> list[tuple[str, str, dict]]:
    """(method, path, data) for every studio address, aimed at the owner's objects."""
    work, image, offer = w.work, w.draft_image, w.offer
    base = f"/en/studio/artworks/{w.draft.pk}"
    shop = "/en/studio/shop"
    return [
        ("get", f"/en/studio/artworks/{work.pk}/", {}),
        ("post", f"{base}/", {"title": "Taken over", "year": 2020, "width_cm": 1, "height_cm": 1}),
        ("post", f"{base}/images/", {}),
        ("post", f"{base}/images/order/", {"order": [image.pk]}),
        ("post", f"{base}/images/{image.pk}/primary/", {}),
        ("post", f"{base}/images/{image.pk}/remove/", {}),
        ("post", f"{base}/submit/", {}),
        ("post", f"/en/studio/artworks/{work.pk}/withdraw/", {}),
        ("post", f"/en/studio/artworks/{work.pk}/archive/", {}),
        ("get", f"{shop}/artworks/{work.pk}/offers/", {}),
        ("get", f"{shop}/artworks/{work.pk}/offers/new/print/", {}),
        ("post", f"{shop}/artworks/{work.pk}/offers/new/original/", {"price": "1", "stock": 1}),
        ("get", f"{shop}/artworks/{work.pk}/offers/{offer.pk}/", {}),
        ("post", f"{shop}/artworks/{work.pk}/offers/{offer.pk}/", {"price": "1", "stock": 99}),
        ("post", f"{shop}/artworks/{work.pk}/offers/{offer.pk}/active/", {"active": "0"}),
        ("get", f"{shop}/orders/{w.order.pk}/", {}),
        ("post", f"{shop}/orders/lines/{w.line.pk}/ship/", {"carrier": "other", "tracking_number": "X1"}),
        ("get", f"{shop}/inquiries/{w.inquiry.pk}/", {}),
        ("post", f"{shop}/inquiries/{w.inquiry.pk}/", {"body": "Write to me at intruder@example.org"}),
        ("post", f"{shop}/inquiries/{w.inquiry.pk}/close/", {}),
    ]
