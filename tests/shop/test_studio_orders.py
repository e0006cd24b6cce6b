"""She sees the orders of her works, the address only once the buyer has paid, and marks her
parcels as posted; the order is shipped when every artist in it has posted hers."""

from django.core import mail
from django.urls import reverse

import pytest

from artists.models import ArtistProfile
from shop.models import Order
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    OfferFactory,
    PrintOfferFactory,
    order_paid,
    order_place,
)

pytestmark = pytest.mark.django_db

BUYER = {"email": "madina.buyer@example.com", "phone": "+992 93 555 12 34", "note": "Please wrap it well."}


@pytest.fixture
def her_offer(artist):
    return OfferFactory(artwork=ArtworkFactory(artist=artist, title="Pomegranate garden"))


@pytest.fixture
def their_offer(other_artist):
    return PrintOfferFactory(artwork=ArtworkFactory(artist=other_artist, title="Blue ikat"))


def ship(client, line, carrier="Tajik Post", tracking_number="RR123456789TJ"):
    prefix = f"line-{line.pk}"
    return client.post(
        reverse("shop_studio:line-ship", kwargs={"pk": line.pk}),
        {f"{prefix}-carrier": carrier, f"{prefix}-tracking_number": tracking_number},
    )


class TestAccess:
    def test_an_order_without_her_works_is_not_found(self, artist_client, their_offer):
        order = order_paid((their_offer, 1))
        url = reverse("shop_studio:order-detail", kwargs={"pk": order.pk})
        assert artist_client.get(url).status_code == 404

    def test_another_artists_line_cannot_be_marked_posted_even_in_a_shared_order(
        self, artist_client, her_offer, their_offer
    ):
        order = order_paid((her_offer, 1), (their_offer, 1))
        theirs = order.lines.get(artist=their_offer.artwork.artist)
        assert ship(artist_client, theirs).status_code == 404
        theirs.refresh_from_db()
        assert theirs.shipped_at is None

    def test_she_sees_only_her_lines_of_a_shared_order(self, artist_client, her_offer, their_offer):
        order = order_paid((her_offer, 1), (their_offer, 1))
        page = artist_client.get(
            reverse("shop_studio:order-detail", kwargs={"pk": order.pk})
        ).content.decode()
        assert "Pomegranate garden" in page
        assert "Blue ikat" not in page

    @pytest.mark.parametrize("name", ["shop_studio:orders", "shop_studio:order-detail"])
    def test_an_anonymous_visitor_is_sent_to_sign_in(self, client, her_offer, name):
        order = order_paid((her_offer, 1))
        url = reverse(name) if name == "shop_studio:orders" else reverse(name, kwargs={"pk": order.pk})
        assert client.get(url)["Location"] == f"{reverse('accounts:login')}?next={url}"

    def test_an_applicant_cannot_see_orders(self, client):
        applicant = ArtistFactory(status=ArtistProfile.Status.APPLIED)
        client.force_login(applicant.user)
        assert client.get(reverse("shop_studio:orders"))["Location"] == reverse("artists:studio")


class TestOrdersPage:
    def test_a_pending_order_shows_no_address_nor_name_only_that_payment_is_awaited(
        self, artist_client, her_offer
    ):
        order_place((her_offer, 1), **BUYER)
        page = artist_client.get(reverse("shop_studio:orders")).content.decode()
        assert "Pomegranate garden" in page
        assert "Waiting for payment" in page
        for private in ("Rudaki Avenue", "Madina Karimova", "+992 93 555", "Please wrap", "madina.buyer"):
            assert private not in page

    def test_once_paid_the_address_phone_and_note_are_shown_but_never_the_email(
        self, artist_client, her_offer
    ):
        order_paid((her_offer, 1), **BUYER)
        page = artist_client.get(reverse("shop_studio:orders")).content.decode()
        assert "Paid: please post" in page
        for shown in ("Madina Karimova", "Rudaki Avenue 12, apt 4", "734025 Dushanbe", "+992 93 555 12 34"):
            assert shown in page
        assert "Please wrap it well." in page
        assert "madina.buyer@example.com" not in page

    def test_the_nav_counts_the_orders_she_must_post(self, artist_client, her_offer):
        order_paid((her_offer, 1))
        page = artist_client.get(reverse("shop_studio:orders")).content.decode()
        assert '<span class="nav-count">1<span class="sr-only"> to post</span></span>' in page

    def test_the_phone_is_gone_once_the_parcel_is_posted(self, artist_client, her_offer):
        order = order_paid((her_offer, 1), **BUYER)
        ship(artist_client, order.lines.get())
        page = artist_client.get(
            reverse("shop_studio:order-detail", kwargs={"pk": order.pk})
        ).content.decode()
        assert "Rudaki Avenue 12, apt 4" in page
        assert "+992 93 555 12 34" not in page
        assert "RR123456789TJ" in page


class TestMarkPosted:
    def test_posting_her_only_line_ships_the_order_and_emails_the_buyer_the_tracking(
        self, artist_client, her_offer, django_capture_on_commit_callbacks
    ):
        order = order_paid((her_offer, 1), **BUYER)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = ship(artist_client, order.lines.get())
        assert response["Location"] == reverse("shop_studio:order-detail", kwargs={"pk": order.pk})
        order.refresh_from_db()
        line = order.lines.get()
        assert order.status == Order.Status.SHIPPED
        assert (line.carrier, line.tracking_number) == ("Tajik Post", "RR123456789TJ")
        assert line.shipped_at is not None
        [email] = mail.outbox
        assert email.to == ["madina.buyer@example.com"]
        assert "RR123456789TJ" in email.body

    def test_a_shared_order_stays_paid_until_both_artists_have_posted(
        self, client, artist, other_artist, her_offer, their_offer
    ):
        order = order_paid((her_offer, 1), (their_offer, 2))
        client.force_login(artist.user)
        ship(client, order.lines.get(artist=artist))
        order.refresh_from_db()
        assert order.status == Order.Status.PAID
        page = client.get(reverse("shop_studio:order-detail", kwargs={"pk": order.pk})).content.decode()
        assert "once every artist in it has posted hers" in page

        client.force_login(other_artist.user)
        ship(client, order.lines.get(artist=other_artist), carrier="EMS", tracking_number="")
        order.refresh_from_db()
        assert order.status == Order.Status.SHIPPED

    def test_an_unpaid_order_cannot_be_marked_posted(self, artist_client, her_offer):
        order = order_place((her_offer, 1))
        response = ship(artist_client, order.lines.get())
        assert response.status_code == 302
        messages = [str(m) for m in artist_client.get(response["Location"]).context["messages"]]
        assert messages == ["Only paid orders can be shipped."]
        assert order.lines.get().shipped_at is None

    def test_the_carrier_is_needed_and_what_she_typed_stays(self, artist_client, her_offer):
        order = order_paid((her_offer, 1))
        response = ship(artist_client, order.lines.get(), carrier="", tracking_number="RR999TJ")
        assert response.status_code == 200
        content = response.content.decode()
        assert "Say how you sent the parcel." in content
        assert 'value="RR999TJ"' in content
        order.refresh_from_db()
        assert order.status == Order.Status.PAID
