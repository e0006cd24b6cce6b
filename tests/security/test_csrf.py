"""Cross-site request forgery: a POST without the CSRF token is refused with 403 at every
address of the site — read from the URLconf, so a new form is covered the day it is added —
and the real forms of artists, buyers and visitors, sent forged, change nothing. The payment
provider's webhook is the one exemption: it proves itself with a signature instead."""

import re

from django.test import Client
from django.urls import get_resolver

import pytest

from artists.models import ArtistProfile
from cms.models import EventIndexPage, EventRegistration
from gallery.models import Artwork, ArtworkImage, Favourite
from heritage.models import User
from shop.models import Cart, Inquiry, InquiryMessage, Order
from tests.accounts.conftest import PASSWORD
from tests.cms.events_fixtures import event_make
from tests.factories import OfferFactory, UserFactory, build_site
from tests.two_factor import staff_login

from .objects import studio_requests, url_routes

pytestmark = pytest.mark.django_db

# Addresses that take POSTs without a CSRF token, and why.
EXEMPT = {
    # Stripe cannot hold our token; the signature header proves the sender instead.
    "webhooks/stripe/",
    # RFC 8058 one-click unsubscribe: mail providers POST from their servers without our
    # token; the signed token in the address proves the request (tests/discovery/).
    "en/saved/unsubscribe/<str:token>/",
}
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<\w+>[^)]*\)")


@pytest.fixture
def forged():
    """A browser on another site: it can send the cookies, never the token."""
    return Client(enforce_csrf_checks=True)


REGEX_ROUTES = {
    # Wagtail's page tree: the home page of the language.
    "^((?:[\\w\\-]+/)*)$": "",
    # Wagtail's document download: document 1, any file name.
    "^(\\d+)/(.*)$": "1/x",
}


def concrete(route: str) -> str:
    """A path that resolves to `route`, with 1 or "x" for each id: the CSRF check runs
    before the view looks anything up."""
    for regex, example in REGEX_ROUTES.items():
        route = route.replace(regex, example)
    route = NAMED_GROUP.sub("1", route)
    path = CONVERTER.sub(lambda m: "1" if m.group(1) == "int" else "x", route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def site_routes() -> list[str]:
    return sorted(route for route in url_routes(get_resolver()) if not route.startswith(("ru/", "tg/")))


def unprotected_routes(client, routes) -> list:
    """Routes whose tokenless POST, PUT, PATCH or DELETE got anything but a refusal (403),
    a 404 or a 405."""
    found = []
    for route in routes:
        if route in EXEMPT:
            continue
        path = concrete(route)
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(path, {"x": "1"} if method == "post" else "x=1")
            if response.status_code not in (403, 404, 405):
                found.append((method, route, path, response.status_code))
    return found


def test_every_public_and_studio_address_refuses_a_post_without_the_token(forged, db):
    build_site()
    routes = [route for route in site_routes() if not route.startswith("admin/")]
    forged.force_login(UserFactory(email="signed-in@example.org"))
    assert unprotected_routes(forged, routes) == []


def test_every_admin_address_refuses_an_editors_post_without_the_token(forged, db):
    build_site()
    routes = [route for route in site_routes() if route.startswith("admin/")]
    staff_login(forged, UserFactory(email="editor@example.org", is_staff=True, is_superuser=True))
    assert unprotected_routes(forged, routes) == []


def test_a_signed_in_artist_is_refused_without_the_token_everywhere_in_her_studio(forged, world):
    forged.force_login(world.owner.user)
    for method, path, data in studio_requests(world):
        if method == "post":
            assert forged.post(path, data).status_code == 403, path
    world.draft.refresh_from_db()
    assert world.draft.status == Artwork.Status.DRAFT
    assert ArtworkImage.objects.filter(pk=world.draft_image.pk).exists()
    world.inquiry.refresh_from_db()
    assert world.inquiry.status != Inquiry.Status.CLOSED
    assert InquiryMessage.objects.filter(inquiry=world.inquiry).count() == 1
    world.line.refresh_from_db()
    assert world.line.shipped_at is None


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            ArtistProfile,
            Artwork,
            Order,
            Inquiry,
            InquiryMessage,
            EventRegistration,
            Favourite,
        )
    }


def test_forged_forms_of_visitors_and_buyers_change_nothing(forged, db):
    home = build_site()["home"]["en"]
    events = home.add_child(instance=EventIndexPage(title="Events", slug="whats-on"))
    events.save_revision().publish()
    event = event_make(events, title="Suzani workshop", slug="suzani-workshop", capacity=10)
    offer = OfferFactory()
    artwork = offer.artwork
    person = UserFactory(email="victim@example.org", password=PASSWORD, language="en")
    before = counts()

    forged.post(
        "/en/accounts/signup/", {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert (
        forged.post("/en/accounts/login/", {"username": person.email, "password": PASSWORD}).status_code
        == 403
    )
    assert "_auth_user_id" not in forged.session
    assert forged.post("/en/whats-on/suzani-workshop/", {"registration-name": "X"}).status_code == 403
    assert forged.post(f"/en/shop/ask/{artwork.pk}/", {"name": "X", "body": "Y"}).status_code == 403
    assert forged.post("/en/shop/cart/add/", {"offer": offer.pk, "quantity": 1}).status_code == 403
    assert not Cart.objects.exists() or not Cart.objects.filter(items__offer=offer).exists()
    assert forged.post("/en/shop/checkout/", {"email": "x@example.org"}).status_code == 403

    forged.force_login(person)
    for path, data in (
        ("/en/accounts/", {"language": "ru"}),
        (
            "/en/accounts/password/",
            {"old_password": PASSWORD, "new_password1": "n3w-Pass!x", "new_password2": "n3w-Pass!x"},
        ),
        ("/en/accounts/logout/", {}),
        (f"/en/saved/artworks/{artwork.pk}/save/", {}),
        (f"/en/saved/artists/{artwork.artist.pk}/follow/", {}),
        ("/en/studio/apply/", {"display_name": "Forged"}),
        ("/en/studio/claim/", {"code": "ABCD-EFGH"}),
        ("/i18n/setlang/", {"language": "tg"}),
    ):
        assert forged.post(path, data).status_code == 403, path
    person.refresh_from_db()
    assert person.language == "en"
    assert person.check_password(PASSWORD)
    assert "_auth_user_id" in forged.session
    assert counts() == before
    assert event.registrations.count() == 0


def test_forged_posts_on_a_buyers_secret_links_change_nothing(forged, world):
    order, inquiry = world.order, world.inquiry
    for path in (
        f"/en/shop/orders/{order.token}/cancel/",
        f"/en/shop/orders/{order.token}/pay/",
        f"/en/shop/inquiries/{inquiry.token}/",
    ):
        assert forged.post(path, {"body": "forged"}).status_code == 403, path
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert inquiry.messages.count() == 1


def test_the_payment_webhook_without_a_signature_is_refused(forged, world):
    response = forged.post(
        "/webhooks/stripe/",
        data='{"type": "checkout.session.completed", "data": {"object": {}}}',
        content_type="application/json",
    )
    assert response.status_code == 400
