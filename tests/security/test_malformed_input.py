"""Malformed requests: oversized and repeated query parameters, page numbers that are not
pages, broken percent-escapes, NUL bytes, numbers too big for the database, huge and
over-numerous form fields, and values of the wrong type in every filter. The site answers
each with a page (200), "not found" (404) or "bad request" (400) — never a server error."""

import hashlib
import hmac
import json
import re
import time

from django.test import Client
from django.urls import get_resolver

import pytest

from gallery.models import Artwork
from tests.factories import OfferFactory
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_with_account

from .objects import url_routes

pytestmark = pytest.mark.django_db

HUGE = "9" * 30
LONG = "x" * 10_000
BROKEN_UTF8 = "%ff%fe%c3%28"

# Query strings every listing is given: (name, raw query string).
QUERY_STRINGS = [
    ("10 kB value", f"q={LONG}"),
    ("10 kB of parameters", "&".join(f"p{n}=v" for n in range(1200))),
    ("repeated", "q=a&q=b&page=1&page=2&sort=newest&sort=price"),
    ("negative page", "page=-1"),
    ("word page", "page=abc"),
    ("far page", "page=99999"),
    ("huge page", f"page={HUGE}"),
    ("float page", "page=1.5"),
    ("empty page", "page="),
    ("broken escapes", f"q={BROKEN_UTF8}&page={BROKEN_UTF8}"),
    ("NUL", "q=%00&page=%00&medium=%00"),
    ("price band of the wrong type", "price=abc&price_min=-5&price_max=" + HUGE),
    ("sort of the wrong type", "sort=../../etc/passwd&sort=-pk"),
    ("unknown filters", "medium=%27%22&size=XXL&orientation=1&region=%3Cscript%3E&availability=[]"),
    ("brackets", "q[]=1&page[]=2&sort[$ne]=1"),
    ("limit and offset", f"limit=abc&offset=-1&limit={HUGE}"),
    ("wagtail filters", f"child_of={HUGE}&type=a.b&fields=*,<script>&order=-&locale=xx&search_operator=x"),
    ("sitemap page", "p=abc"),
    ("sitemap huge page", f"p={HUGE}"),
]

LISTINGS = [
    "/en/gallery/",
    "/en/artists/",
    "/en/search/",
    "/en/shop/cart/",
    "/en/shop/checkout/",
    "/en/events/upcoming.ics",
    "/sitemap.xml",
    "/api/v2/artworks/",
    "/api/v2/pages/",
    "/api/v2/images/",
]


@pytest.fixture
def client():
    """A client that gets the 500 page instead of the exception, so one run lists them all."""
    return Client(raise_request_exception=False)


@pytest.fixture
def site(db):
    gallery_pages_build()
    artist = artist_with_account()
    return {"work": work_make(artist, title="Pomegranate garden"), "artist": artist}


def server_errors(client, requests) -> list:
    """(what, status) of every request that got a 5xx or showed a traceback."""
    failed = []
    for what, call in requests:
        response = call()
        if response.status_code >= 500 or b"Traceback" in response.content:
            failed.append((what[:80], response.status_code))
    return failed


def test_listings_survive_malformed_query_strings(client, site):
    requests = [
        (f"{path} {name}", lambda path=path, query=query: client.get(f"{path}?{query}"))
        for path in LISTINGS
        for name, query in QUERY_STRINGS
    ]
    assert server_errors(client, requests) == []


def test_a_malformed_page_number_shows_a_page_of_the_gallery(client, site):
    for page in ("-1", "abc", "99999", HUGE, ""):
        response = client.get("/en/gallery/", {"page": page})
        assert response.status_code == 200, page
        assert "Pomegranate garden" in response.text, page


def test_addresses_with_ids_too_big_for_the_database_are_not_found(client, site):
    offer = OfferFactory(artwork=site["work"])
    paths = [
        f"/en/shop/ask/{HUGE}/",
        f"/en/events/{HUGE}.ics",
        f"/api/v2/artworks/{HUGE}/",
        f"/api/v2/pages/{HUGE}/",
        f"/api/v2/images/{HUGE}/",
        f"/documents/{HUGE}/x.pdf",
        f"/en/shop/orders/{LONG}/",
        f"/en/shop/inquiries/{'%00' * 10}/",
        f"/en/events/registrations/{BROKEN_UTF8}/cancel/",
        f"/en/gallery/{BROKEN_UTF8}/{'%00'}/",
        f"/en/artists/{LONG}/",
        f"/en/{BROKEN_UTF8}/",
        "/en/%00/",
    ]
    requests = [(path, lambda path=path: client.get(path)) for path in paths]
    client_for_artist = client
    client_for_artist.force_login(site["artist"].user)
    studio = [
        f"/en/studio/artworks/{HUGE}/",
        f"/en/studio/artworks/{site['work'].pk}/images/{HUGE}/original/",
        f"/en/studio/shop/artworks/{site['work'].pk}/offers/{HUGE}/",
        f"/en/studio/shop/orders/{HUGE}/",
        f"/en/studio/shop/inquiries/{HUGE}/",
    ]
    requests += [(path, lambda path=path: client_for_artist.get(path)) for path in studio]
    requests += [
        (
            f"studio reorder {HUGE}",
            lambda: client_for_artist.post(
                f"/en/studio/artworks/{site['work'].pk}/images/order/", {"order": HUGE}
            ),
        ),
        (
            f"studio offer kind {LONG[:20]}",
            lambda: client_for_artist.get(f"/en/studio/shop/artworks/{site['work'].pk}/offers/new/{LONG}/"),
        ),
    ]
    assert server_errors(client, requests) == []
    assert offer.pk


def test_cart_and_checkout_survive_malformed_posts(client, site):
    offer = OfferFactory(artwork=site["work"])
    bad_values = ["", "abc", "-1", "0", HUGE, "1.5", "\x00", LONG, "[1]"]
    requests = []
    for value in bad_values:
        for path in ("/en/shop/cart/add/", "/en/shop/cart/update/", "/en/shop/cart/remove/"):
            requests.append(
                (
                    f"{path} offer={value[:10]!r}",
                    lambda p=path, v=value: client.post(p, {"offer": v, "quantity": 1}),
                )
            )
            requests.append(
                (
                    f"{path} quantity={value[:10]!r}",
                    lambda p=path, v=value: client.post(p, {"offer": offer.pk, "quantity": v}),
                )
            )
    client.post("/en/shop/cart/add/", {"offer": offer.pk, "quantity": 1})
    checkout_fields = ["email", "name", "phone", "address_line1", "address_line2", "city", "region"]
    for value in bad_values:
        data = {name: value for name in checkout_fields}
        data.update(country=value, payment_method=value, terms_accepted=value, shipping=value)
        requests.append((f"checkout {value[:10]!r}", lambda d=data: client.post("/en/shop/checkout/", d)))
    requests.append(("cart country", lambda: client.get("/en/shop/cart/", {"country": ["TJ", "\x00", LONG]})))
    assert server_errors(client, requests) == []


def test_a_post_with_too_many_fields_is_a_bad_request(client, site):
    data = {f"field{n}": "x" for n in range(2000)}
    for path in ("/en/shop/cart/add/", "/en/accounts/login/", "/en/shop/checkout/"):
        assert client.post(path, data).status_code == 400, path


def test_a_huge_post_is_answered_without_storing_it(client, site):
    body = "x" * 2_000_000
    data = {"name": body, "email": "huge@example.org", "body": body, "kind": "question"}
    response = client.post(f"/en/shop/ask/{site['work'].pk}/", data)
    assert response.status_code in (200, 400, 413)
    assert not site["work"].inquiries.exists()


def test_a_post_bigger_than_the_upload_limit_is_a_bad_request(client, site, settings):
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post("/en/shop/cart/add/", {"offer": "1", "padding": body})
    assert response.status_code == 400


def test_login_and_signup_survive_malformed_fields(client, site):
    requests = []
    for value in ("", "\x00", LONG, BROKEN_UTF8, "a@b", "@" * 300):
        requests.append(
            (
                f"login {value[:10]!r}",
                lambda v=value: client.post("/en/accounts/login/", {"username": v, "password": v}),
            )
        )
        requests.append(
            (
                f"signup {value[:10]!r}",
                lambda v=value: client.post(
                    "/en/accounts/signup/", {"email": v, "password1": v, "password2": v, "language": v}
                ),
            )
        )
        requests.append(
            (
                f"reset {value[:10]!r}",
                lambda v=value: client.post("/en/accounts/password-reset/", {"email": v}),
            )
        )
    assert server_errors(client, requests) == []


def test_unpublished_works_stay_hidden_whatever_the_query(client, site):
    work_make(site["artist"], title="Secret draft", status=Artwork.Status.DRAFT)
    for name, query in QUERY_STRINGS:
        response = client.get(f"/en/gallery/?{query}")
        assert b"Secret draft" not in response.content, name


INT = re.compile(r"<int:(\w+)>")


def test_every_numbered_address_survives_a_number_too_big_for_the_database(client, site):
    """Each number of each address in turn too big, the others those of real objects."""
    offer = OfferFactory(artwork=site["work"])
    real = {"pk": site["work"].pk, "image_pk": site["work"].images.get().pk, "offer_pk": offer.pk}
    routes = [
        route for route in url_routes(get_resolver()) if route.startswith(("en/", "api/", "documents/"))
    ]
    client.force_login(site["artist"].user)
    requests = []
    for route in routes:
        names = INT.findall(route)
        for huge_name in names:
            path = "/" + INT.sub(
                lambda m, h=huge_name: HUGE if m.group(1) == h else str(real.get(m.group(1), 1)), route
            )
            path = re.sub(r"<\w+:\w+>", "x", path).replace("^", "").replace("$", "").replace("\\.", ".")
            requests.append((f"GET {path}", lambda p=path: client.get(p)))
            requests.append((f"POST {path}", lambda p=path: client.post(p, {"order": "1", "active": "1"})))
    assert server_errors(client, requests) == []


WORD = re.compile(r"<(?:str|slug|path):(\w+)>|<(uidb64|token)>")


def test_every_address_with_a_word_in_it_survives_a_nul_byte(client, site):
    """PostgreSQL refuses NUL in text: a NUL in a token or slug of the address must be a
    404, never a failed query. Also the routes of the gallery and the artists' index."""
    routes = [route for route in url_routes(get_resolver()) if route.startswith("en/") and WORD.search(route)]
    client.force_login(site["artist"].user)
    paths = ["/en/gallery/%00/x/", "/en/gallery/x/%00/", "/en/artists/%00/", "/en/%00/"]
    for route in routes:
        path = "/" + WORD.sub("a%00b", route)
        paths.append(re.sub(r"<int:\w+>", str(site["work"].pk), path))
    requests = [(f"GET {p}", lambda p=p: client.get(p)) for p in paths]
    requests += [(f"POST {p}", lambda p=p: client.post(p, {"body": "x"})) for p in paths]
    assert server_errors(client, requests) == []


def test_the_payment_webhook_answers_malformed_notifications_with_400(client, site):
    bodies = [
        "",
        "{",
        "[]",
        "null",
        '{"type": 1}',
        "\x00",
        "x" * 100_000,
        '{"id": "evt_1", "type": "x", "data": 5}',
    ]
    signatures = ["", "t=abc,v1=", "t=1,v1=" + "0" * 64, "v1=" * 1000, "t=" + HUGE + ",v1=zz", "\x00"]
    requests = [
        (
            f"webhook {body[:10]!r} {signature[:10]!r}",
            lambda b=body, s=signature: client.post(
                "/webhooks/stripe/", data=b, content_type="application/json", HTTP_STRIPE_SIGNATURE=s
            ),
        )
        for body in bodies
        for signature in signatures
    ]
    assert server_errors(client, requests) == []
    for _what, call in requests[:3]:
        assert call().status_code == 400


def stripe_signature(payload: str, secret: str) -> str:
    """The header Stripe sends: a timestamp and the HMAC-SHA256 of `timestamp.payload`."""
    timestamp = int(time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


SESSION_DONE = "checkout.session.completed"


def test_a_signed_but_malformed_notification_is_not_a_server_error(client, site, settings):
    bodies = [
        "{",
        "[]",
        "null",
        '{"type": 1}',
        json.dumps({"id": "evt_1", "type": "checkout.session.completed", "data": 5}),
        json.dumps({"id": "evt_2", "type": SESSION_DONE, "data": {"object": {"id": 5, "metadata": []}}}),
        json.dumps({"id": "evt_3", "type": SESSION_DONE, "data": {"object": {"metadata": {"order_id": 1}}}}),
        json.dumps({"id": "evt_4", "type": "charge.refunded", "data": {"object": {"payment_intent": 1}}}),
    ]
    requests = [
        (
            f"signed {body[:30]!r}",
            lambda b=body: client.post(
                "/webhooks/stripe/",
                data=b,
                content_type="application/json",
                HTTP_STRIPE_SIGNATURE=stripe_signature(b, settings.STRIPE_WEBHOOK_SECRET),
            ),
        )
        for body in bodies
    ]
    assert server_errors(client, requests) == []


def test_forms_refuse_nul_bytes_in_text_instead_of_failing_on_postgresql(client, site):
    """PostgreSQL cannot store NUL: every form an artist, buyer or visitor fills says so as a
    form error (or ignores the field), and stores nothing."""
    work = site["work"]
    offer = OfferFactory(artwork=work, kind="print", edition_size=10, stock=5)
    nul = "a\x00b"
    artist_forms = {
        "/en/studio/profile/": {"display_name": nul, "bio": nul, "statement": nul, "region": "sughd"},
        "/en/studio/artworks/new/": {"title": nul, "description": nul, "materials": nul, "year": "2024"},
        f"/en/studio/artworks/{work.pk}/": {"title": nul, "description": nul, "materials": nul},
        f"/en/studio/shop/artworks/{work.pk}/offers/{offer.pk}/": {"price": nul, "stock": nul},
    }
    visitor_forms = {
        f"/en/shop/ask/{work.pk}/": {"name": nul, "email": "a@example.org", "body": nul, "kind": "question"},
        "/en/shop/checkout/": {"email": "a@example.org", "name": nul, "address_line1": nul, "city": nul},
        "/en/accounts/password-reset/": {"email": nul},
    }
    requests = [(path, lambda p=path, d=data: client.post(p, d)) for path, data in visitor_forms.items()]
    assert server_errors(client, requests) == []
    client.force_login(site["artist"].user)
    requests = [(path, lambda p=path, d=data: client.post(p, d)) for path, data in artist_forms.items()]
    assert server_errors(client, requests) == []
    work.refresh_from_db()
    assert "\x00" not in work.title + work.description
