"""Insecure direct object references: every address that names an object by number, slug or
token answers only to whoever may see it. Another artist gets a 404, a visitor who is not
signed in is sent to sign in, a buyer without a studio is sent to apply, and none of their
POSTs changes anything. Public addresses show nothing unpublished.

The URLconf is read at test time, so an address added with an id in it fails
`test_every_address_with_an_id_is_in_this_catalogue` until a test here covers it.
"""

from django.test import TestCase
from django.urls import get_resolver

import pytest

from artists.models import ArtistProfile
from cms.events.services import registration_create
from cms.models import EventIndexPage, EventRegistration
from gallery.models import Artwork, ArtworkImage
from shop.models import Inquiry
from tests.cms.events_fixtures import event_make, index_make
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, UserFactory
from tests.two_factor import staff_login

from .objects import studio_requests, url_routes

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"

# Every non-admin address with a converter in it, as the URLconf spells it (language prefix
# dropped), and the test below that keeps it closed.
CATALOGUE = {
    "en/studio/artworks/<int:pk>/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/images/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/images/order/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/images/<int:image_pk>/primary/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/images/<int:image_pk>/original/": "test_original_photo_*",
    "en/studio/artworks/<int:pk>/images/<int:image_pk>/remove/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/submit/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/withdraw/": "test_studio_addresses_*",
    "en/studio/artworks/<int:pk>/archive/": "test_studio_addresses_*",
    "en/studio/shop/artworks/<int:pk>/offers/": "test_studio_addresses_*",
    "en/studio/shop/artworks/<int:pk>/offers/new/<str:kind>/": "test_studio_addresses_*",
    "en/studio/shop/artworks/<int:pk>/offers/<int:offer_pk>/": "test_studio_addresses_*",
    "en/studio/shop/artworks/<int:pk>/offers/<int:offer_pk>/active/": "test_studio_addresses_*",
    "en/studio/shop/orders/<int:pk>/": "test_studio_addresses_*",
    "en/studio/shop/orders/lines/<int:pk>/ship/": "test_studio_addresses_*",
    "en/studio/shop/inquiries/<int:pk>/": "test_studio_addresses_*",
    "en/studio/shop/inquiries/<int:pk>/close/": "test_studio_addresses_*",
    "en/saved/artworks/<int:pk>/save/": "test_favourites_reach_only_public_objects",
    "en/saved/artworks/<int:pk>/unsave/": "test_favourites_reach_only_public_objects",
    "en/saved/artists/<int:pk>/follow/": "test_favourites_reach_only_public_objects",
    "en/saved/artists/<int:pk>/unfollow/": "test_favourites_reach_only_public_objects",
    "en/saved/searches/<int:pk>/delete/": (
        "tests/discovery/test_saved_searches.py::test_she_deletes_her_search_but_never_someone_elses"
    ),
    "en/saved/unsubscribe/<str:token>/": (
        "tests/discovery/test_unsubscribe.py::test_a_link_naming_someone_elses_subscription_is_refused"
    ),
    "en/shop/orders/<slug:token>/": "test_secret_links_*",
    "en/shop/orders/<slug:token>/pay/": "test_secret_links_*",
    "en/shop/orders/<slug:token>/cancel/": "test_secret_links_*",
    "en/shop/orders/<slug:token>/return/": "test_secret_links_*",
    "en/shop/orders/<slug:token>/receipt.pdf": "test_secret_links_*",
    "en/shop/orders/<slug:token>/review/<int:line>/": "test_reviews.py::test_a_line_of_another_*",
    "en/shop/reviews/<int:pk>/report/": "test_reviews.py::test_a_published_review_*",
    "en/shop/inquiries/<slug:token>/": "test_secret_links_*",
    "en/events/registrations/<slug:token>/cancel/": "test_secret_links_*",
    "en/shop/ask/<int:pk>/": "test_asking_about_a_work_needs_it_published",
    "en/events/<int:page_id>.ics": "test_calendar_files_only_of_live_events",
    "api/v2/^pages/<int:pk>/": "test_the_api_shows_no_unpublished_object_by_id",
    "api/v2/^images/<int:pk>/": "test_the_api_shows_no_unpublished_object_by_id",
    "api/v2/^artworks/<int:pk>/": "test_the_api_shows_no_unpublished_object_by_id",
    "en/accounts/verify/<str:token>/": "test_forged_account_links_change_nothing",
    "en/accounts/password-reset/<uidb64>/<token>/": "test_forged_account_links_change_nothing",
    "documents/authenticate_with_password/<int:restriction_id>/": "test_wagtail_password_forms_*",
    "en/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "test_wagtail_password_forms_*"
    ),
    "documents/^(\\d+)/(.*)$": "test_wagtail_password_forms_*",
    "originals/<path:name>": "test_private_originals.py::test_only_staff_and_the_owner_get_an_original",
    "en/^((?:[\\w\\-]+/)*)$": "test_public_pages_by_slug_show_nothing_unpublished",
    # Django's admin shows only the tasks' screens, to superusers and finance staff signed in
    # with their second step; everyone else is refused (tests/ops/test_failed_tasks_screen.py).
    **{
        f"django-admin/{route}": "test_failed_tasks_screen.py::test_nobody_else_signed_in_gets_in"
        for route in (
            "(?P<url>.*)$",
            "^(?P<app_label>django_tasks_database)/$",
            "django_tasks_database/dbtaskresult/<path:object_id>/",
            "django_tasks_database/dbtaskresult/<path:object_id>/change/",
            "django_tasks_database/dbtaskresult/<path:object_id>/delete/",
            "django_tasks_database/dbtaskresult/<path:object_id>/history/",
            "r/<path:content_type_id>/<path:object_id>/",
        )
    },
}


def addresses_with_ids() -> set[str]:
    """Non-admin routes with a converter (or a regex group), the English prefix standing for
    all three languages. The Wagtail admin is closed to anyone without admin access as a whole
    (see `test_shop_and_event_admin_addresses_are_closed_to_artists_and_visitors`)."""
    found = set()
    for route in url_routes(get_resolver()):
        if route.startswith(("admin/", "ru/", "tg/")):
            continue
        if "<" in route or "(" in route:
            found.add(route)
    return found


def test_every_address_with_an_id_is_in_this_catalogue():
    missing = addresses_with_ids() - set(CATALOGUE)
    assert not missing, f"add these to the IDOR catalogue with a test: {sorted(missing)}"


def assert_nothing_changed(w):
    w.draft.refresh_from_db()
    w.work.refresh_from_db()
    w.offer.refresh_from_db()
    w.line.refresh_from_db()
    w.inquiry.refresh_from_db()
    assert w.draft.title != "Taken over"
    assert w.draft.status == Artwork.Status.DRAFT
    assert w.work.status == Artwork.Status.PUBLISHED
    assert ArtworkImage.objects.filter(pk=w.draft_image.pk).exists()
    assert w.offer.active and w.offer.stock == 4
    assert w.work.offers.count() == 1
    assert w.line.shipped_at is None
    assert w.inquiry.status != Inquiry.Status.CLOSED
    assert w.inquiry.messages.count() == 1


def test_studio_addresses_are_a_404_for_another_artist(client, world):
    client.force_login(world.intruder.user)
    for method, path, data in studio_requests(world):
        response = getattr(client, method)(path, data)
        assert response.status_code == 404, (method, path, response.status_code)
    assert_nothing_changed(world)


def test_studio_addresses_send_a_visitor_to_sign_in(client, world):
    for method, path, data in studio_requests(world):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302, (method, path)
        assert response["Location"].startswith(LOGIN), (method, path, response["Location"])
    assert_nothing_changed(world)


def test_studio_addresses_send_a_buyer_without_a_studio_to_apply(client, world):
    client.force_login(world.stranger)
    for method, path, data in studio_requests(world):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302, (method, path)
        assert response["Location"] == "/en/studio/apply/", (method, path)
    assert_nothing_changed(world)


def test_studio_addresses_keep_a_suspended_owner_out(client, world):
    ArtistProfile.objects.filter(pk=world.owner.pk).update(status=ArtistProfile.Status.SUSPENDED)
    client.force_login(world.owner.user)
    for method, path, data in studio_requests(world):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302, (method, path)
        assert response["Location"] == "/en/studio/", (method, path)
    assert_nothing_changed(world)


def test_studio_addresses_mixing_her_ids_with_anothers_are_a_404(client, world):
    """Her own work's number with another artist's photo, offer or work."""
    theirs = ArtworkFactory(artist=world.intruder, status=Artwork.Status.DRAFT, published_at=None)
    their_image = theirs.images.get()
    their_offer = OfferFactory(artwork=ArtworkFactory(artist=world.intruder))
    client.force_login(world.owner.user)
    base = f"/en/studio/artworks/{world.draft.pk}"
    for path in (
        f"{base}/images/{their_image.pk}/primary/",
        f"{base}/images/{their_image.pk}/remove/",
    ):
        assert client.post(path).status_code == 404, path
    assert client.get(f"{base}/images/{their_image.pk}/original/").status_code == 404
    offer_url = f"/en/studio/shop/artworks/{world.work.pk}/offers/{their_offer.pk}/"
    assert client.get(offer_url).status_code == 404
    assert client.post(offer_url + "active/", {"active": "0"}).status_code == 404
    client.post(f"{base}/images/order/", {"order": [their_image.pk, world.draft_image.pk]})
    their_image.refresh_from_db()
    assert their_image.artwork_id == theirs.pk
    assert ArtworkImage.objects.filter(pk=their_image.pk).exists()
    their_offer.refresh_from_db()
    assert their_offer.active


def test_original_photo_downloads_only_for_its_artist(client, world):
    url = f"/en/studio/artworks/{world.work.pk}/images/{world.image.pk}/original/"
    assert client.get(url)["Location"].startswith(LOGIN)
    for person in (world.intruder.user, world.stranger):
        client.force_login(person)
        assert client.get(url).status_code == 404
    wrong_work = f"/en/studio/artworks/{world.draft.pk}/images/{world.image.pk}/original/"
    client.force_login(world.owner.user)
    assert client.get(wrong_work).status_code == 404
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_secret_links_with_a_changed_token_are_a_404(client, world):
    registration = _registration()
    tokens = {
        "/en/shop/orders/{}/": world.order.token,
        "/en/shop/orders/{}/pay/": world.order.token,
        "/en/shop/orders/{}/cancel/": world.order.token,
        "/en/shop/orders/{}/return/": world.order.token,
        "/en/shop/orders/{}/receipt.pdf": world.order.token,
        "/en/shop/inquiries/{}/": world.inquiry.token,
        "/en/events/registrations/{}/cancel/": registration.token,
    }
    client.force_login(world.stranger)
    for template, token in tokens.items():
        assert len(token) >= 32, "a secret link must not be guessable"
        forged = token[:-1] + ("A" if token[-1] != "A" else "B")
        for candidate in (forged, token.upper() if token.upper() != token else token.lower(), "1", "%2e%2e"):
            path = template.format(candidate)
            assert client.get(path).status_code in (404, 405), path
            assert client.post(path).status_code == 404, path
    world.order.refresh_from_db()
    registration.refresh_from_db()
    assert world.order.status == "paid"
    assert registration.status != EventRegistration.Status.CANCELLED
    assert world.inquiry.messages.count() == 1


def test_secret_links_are_not_numbered_in_a_buyers_order_list(client, world):
    """Another signed-in buyer's list holds her own orders only."""
    client.force_login(world.stranger)
    response = client.get("/en/shop/orders/")
    assert response.status_code == 200
    assert world.order.number not in response.text
    assert world.order.token not in response.text


def _registration():
    event = event_make(index_make()["en"], title="Suzani workshop", capacity=10)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return registration_create(event=event, name="Visitor", email="visitor@example.org")


def test_favourites_reach_only_public_objects(client, world):
    pending = ArtistFactory(status=ArtistProfile.Status.APPLIED)
    client.force_login(world.stranger)
    for action in ("save", "unsave"):
        assert client.post(f"/en/saved/artworks/{world.draft.pk}/{action}/").status_code == 404
        assert client.post(f"/en/saved/artworks/999999/{action}/").status_code == 404
    for action in ("follow", "unfollow"):
        assert client.post(f"/en/saved/artists/{pending.pk}/{action}/").status_code == 404
    assert world.draft.title not in client.get("/en/saved/").text


def test_asking_about_a_work_needs_it_published(client, world):
    data = {"name": "Nosy", "email": "nosy@example.org", "body": "Hello", "kind": "question"}
    assert client.get(f"/en/shop/ask/{world.draft.pk}/").status_code == 404
    assert client.post(f"/en/shop/ask/{world.draft.pk}/", data).status_code == 404
    assert not Inquiry.objects.filter(artwork=world.draft).exists()


def test_calendar_files_only_of_live_events(client, db):
    index = index_make()["en"]
    draft = event_make(index, title="Secret planning", slug="secret-planning", live=False)
    assert client.get(f"/en/events/{draft.pk}.ics").status_code == 404
    assert client.get(f"/en/events/{index.pk}.ics").status_code == 404


def test_the_api_shows_no_unpublished_object_by_id(client, world):
    assert client.get(f"/api/v2/artworks/{world.work.pk}/").status_code == 200
    assert client.get(f"/api/v2/artworks/{world.draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{world.draft_image.image_id}/").status_code == 404
    index = index_make()["en"]
    draft_event = event_make(index, title="Secret planning", slug="secret-planning", live=False)
    assert client.get(f"/api/v2/pages/{draft_event.pk}/").status_code == 404
    listing = client.get("/api/v2/artworks/").json()
    assert world.draft.pk not in [item["id"] for item in listing["items"]]


def test_public_pages_by_slug_show_nothing_unpublished(client, world):
    from tests.gallery.gallery_fixtures import gallery_pages_build

    home = gallery_pages_build()["en"].get_parent()
    owner_slug = world.owner.slug
    assert client.get(f"/en/gallery/{owner_slug}/{world.work.slug}/").status_code == 200
    assert client.get(f"/en/gallery/{owner_slug}/{world.draft.slug}/").status_code == 404
    # A published work of hers under another artist's address is not found there.
    assert client.get(f"/en/gallery/{world.intruder.slug}/{world.work.slug}/").status_code == 404
    pending = ArtistFactory(status=ArtistProfile.Status.APPLIED, slug="pending-artist")
    assert client.get(f"/en/artists/{pending.slug}/").status_code == 404
    assert client.get(f"/en/artists/{owner_slug}/").status_code == 200
    events = home.add_child(instance=EventIndexPage(title="What's on", slug="whats-on"))
    events.save_revision().publish()
    event_make(events, title="Secret planning", slug="secret-planning", live=False)
    assert client.get("/en/whats-on/").status_code == 200
    assert client.get("/en/whats-on/secret-planning/").status_code == 404


def test_forged_account_links_change_nothing(client, world):
    user = world.stranger
    assert user.email_verified_at is None
    assert client.get("/en/accounts/verify/forged-token/").status_code == 200
    user.refresh_from_db()
    assert user.email_verified_at is None
    response = client.get("/en/accounts/password-reset/MQ/forged-token/")
    assert response.status_code == 200
    assert 'name="new_password1"' not in response.text


def test_wagtail_password_forms_for_unknown_restrictions_are_a_404(client, db):
    assert client.get("/documents/authenticate_with_password/999999/").status_code == 404
    assert client.get("/en/_util/authenticate_with_password/999999/999999/").status_code == 404
    assert client.get("/documents/999999/passport.pdf").status_code == 404


ADMIN_OBJECT_PATHS = [
    "/admin/shop/orders/",
    "/admin/shop/orders/inspect/{order}/",
    "/admin/shop/balances/",
    "/admin/shop/balances/to-pay.csv",
    "/admin/shop/payouts/",
    "/admin/shop/ledger/",
    "/admin/finance/audit/",
    "/admin/finance/audit/?export=csv",
    "/admin/artists/profiles/",
    "/admin/artists/profiles/review/{artist}/",
    "/admin/artists/profiles/edit/{artist}/",
    "/admin/gallery/artworks/review/{work}/",
    "/admin/events/registrations/",
]


def test_shop_artist_and_event_admin_addresses_are_closed_to_artists_and_visitors(client, world):
    paths = [
        path.format(order=world.order.pk, artist=world.owner.pk, work=world.work.pk)
        for path in ADMIN_OBJECT_PATHS
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path
    client.force_login(world.owner.user)
    for path in paths:
        response = client.get(path)
        assert response.status_code in (302, 403), (path, response.status_code)
        assert world.order.email not in response.content.decode()
    staff_login(client, UserFactory(email="editor@example.org", is_staff=True, is_superuser=True))
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_the_api_never_hands_out_originals_or_private_fields(client, world):
    """`fields=*` on every endpoint: no original photo address, no buyer's or registrant's
    email, no artist's private details."""
    registration = _registration()
    responses = [
        client.get("/api/v2/images/", {"fields": "*"}),
        client.get(f"/api/v2/images/{world.image.image_id}/", {"fields": "*"}),
        client.get("/api/v2/artworks/", {"fields": "*"}),
        client.get(f"/api/v2/artworks/{world.work.pk}/", {"fields": "*"}),
        client.get("/api/v2/pages/", {"fields": "*", "type": "cms.EventPage"}),
        client.get(f"/api/v2/pages/{registration.event_id}/", {"fields": "*"}),
    ]
    for response in responses:
        assert response.status_code in (200, 400)
        text = response.content.decode()
        assert "original_images/" not in text
        assert registration.email not in text and world.order.email not in text
        assert "payout_details" not in text and "phone" not in text


def test_an_editor_without_shop_rights_sees_no_orders_payouts_or_registrants(client, world):
    """Admin access alone (a page editor) opens neither buyers' details nor bank details."""
    from django.contrib.auth.models import Permission

    editor = UserFactory(email="page-editor@example.org", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    registration = _registration()
    staff_login(client, editor)
    assert client.get("/admin/").status_code == 200
    for path in [
        *(
            p.format(order=world.order.pk, artist=world.owner.pk, work=world.work.pk)
            for p in ADMIN_OBJECT_PATHS
        ),
        f"/admin/events/registrations/{registration.event_id}/",
        f"/admin/events/registrations/{registration.event_id}/registrations.csv",
        "/admin/shop/balances/payouts.csv?start=2020-01-01&end=2030-01-01",
        f"/admin/shop/orders/action/{world.order.pk}/refund/",
    ]:
        response = client.get(path)
        assert response.status_code in (302, 403, 404, 405), (path, response.status_code)
        text = response.content.decode()
        assert world.order.email not in text and registration.email not in text, path
