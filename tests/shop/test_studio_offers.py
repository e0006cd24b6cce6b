"""She puts the original or prints of her own works on sale, in somoni as she types them,
changes them, takes them off sale; a sold original stays sold."""

from django.urls import reverse

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork
from shop.models import Offer
from tests.factories import (
    ArtistFactory,
    ArtworkFactory,
    OfferFactory,
    order_paid,
    order_place,
    shipping_profile,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(artist):
    return ArtworkFactory(artist=artist, title="Pomegranate garden")


def offer_data(**overrides):
    values = {
        "price": "1500",
        "price_usd": "",
        "edition_size": "",
        "stock": "1",
        "shipping_profile": shipping_profile().pk,
        "active": "on",
    }
    values.update(overrides)
    return values


def create_url(artwork, kind):
    return reverse("shop_studio:offer-create", kwargs={"pk": artwork.pk, "kind": kind})


class TestAccess:
    @pytest.mark.parametrize(
        ("name", "method", "with_offer"),
        [
            ("shop_studio:offers", "get", False),
            ("shop_studio:offer-create", "post", False),
            ("shop_studio:offer-edit", "get", True),
            ("shop_studio:offer-edit", "post", True),
            ("shop_studio:offer-active", "post", True),
        ],
    )
    def test_another_artists_work_and_offers_are_not_found(
        self, artist_client, other_artist, name, method, with_offer
    ):
        offer = OfferFactory(artwork=ArtworkFactory(artist=other_artist), price_amount=90000)
        kwargs = {"pk": offer.artwork.pk}
        if name == "shop_studio:offer-create":
            kwargs["kind"] = "print"
        if with_offer:
            kwargs["offer_pk"] = offer.pk
        response = getattr(artist_client, method)(reverse(name, kwargs=kwargs), offer_data(price="1"))
        assert response.status_code == 404
        offer.refresh_from_db()
        assert (offer.price_amount, offer.active) == (90000, True)
        assert Offer.objects.count() == 1

    def test_her_own_offer_is_not_reached_through_another_artists_work(
        self, artist_client, work, other_artist
    ):
        mine = OfferFactory(artwork=work)
        theirs = ArtworkFactory(artist=other_artist)
        url = reverse("shop_studio:offer-edit", kwargs={"pk": theirs.pk, "offer_pk": mine.pk})
        assert artist_client.get(url).status_code == 404

    def test_an_anonymous_visitor_is_sent_to_sign_in(self, client, work):
        url = reverse("shop_studio:offers", kwargs={"pk": work.pk})
        response = client.get(url)
        assert response["Location"] == f"{reverse('accounts:login')}?next={url}"

    @pytest.mark.parametrize("status", [ArtistProfile.Status.APPLIED, ArtistProfile.Status.SUSPENDED])
    def test_an_artist_who_is_not_approved_cannot_sell(self, client, status):
        applicant = ArtistFactory(status=status)
        draft = ArtworkFactory(artist=applicant, status=Artwork.Status.DRAFT, published_at=None)
        client.force_login(applicant.user)
        response = client.post(create_url(draft, "original"), offer_data())
        assert response["Location"] == reverse("artists:studio")
        assert not Offer.objects.exists()


class TestCreate:
    def test_the_original_goes_on_sale_with_its_price_in_diram(self, artist_client, work):
        response = artist_client.post(
            create_url(work, "original"), offer_data(price="1500.50", price_usd="140")
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("shop_studio:offers", kwargs={"pk": work.pk})
        offer = Offer.objects.get()
        assert offer.artwork == work
        assert offer.kind == Offer.Kind.ORIGINAL
        assert (offer.price_amount, offer.currency, offer.price_usd_amount) == (150050, "TJS", 14000)
        assert (offer.stock, offer.edition_size, offer.active) == (1, None, True)
        assert offer in Offer.objects.buyable()

    @pytest.mark.parametrize(("typed", "stored"), [("1500", 150000), ("1 500,5", 150050), ("2,500", 250000)])
    def test_prices_are_read_as_people_type_them(self, artist_client, work, typed, stored):
        artist_client.post(create_url(work, "original"), offer_data(price=typed))
        assert Offer.objects.get().price_amount == stored

    def test_a_print_edition_goes_on_sale(self, artist_client, work):
        response = artist_client.post(
            create_url(work, "print"), offer_data(price="250", edition_size="30", stock="10")
        )
        assert response.status_code == 302
        offer = Offer.objects.get()
        assert (offer.kind, offer.edition_size, offer.stock, offer.price_amount) == ("print", 30, 10, 25000)
        assert offer.price_usd_amount is None

    def test_a_draft_can_be_prepared_but_is_not_buyable(self, artist, artist_client):
        draft = ArtworkFactory(artist=artist, status=Artwork.Status.DRAFT, published_at=None)
        artist_client.post(create_url(draft, "original"), offer_data())
        offer = Offer.objects.get()
        assert offer.active
        assert offer not in Offer.objects.buyable()
        page = artist_client.get(reverse("shop_studio:offers", kwargs={"pk": draft.pk})).content.decode()
        assert "not published yet" in page

    def test_a_second_original_is_not_made_she_edits_the_first(self, artist_client, work):
        offer = OfferFactory(artwork=work)
        response = artist_client.get(create_url(work, "original"))
        assert response["Location"] == reverse(
            "shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk}
        )

    def test_the_form_shows_each_parcel_with_its_fees_per_zone(self, artist_client, work):
        page = artist_client.get(create_url(work, "print")).content.decode()
        assert "Tajikistan: 50\u00a0TJS" in page
        assert "Rest of the world: 700\u00a0TJS" in page


class TestValidation:
    @pytest.mark.parametrize(
        ("kind", "overrides", "field", "message"),
        [
            (
                "print",
                {"edition_size": "10", "stock": "11"},
                "stock",
                "more prints in stock than the edition",
            ),
            ("print", {"edition_size": "", "stock": "5"}, "edition_size", "Say how many prints"),
            ("print", {"edition_size": "10", "price": "-5"}, "price", "more than zero"),
            ("original", {"price": "0"}, "price", "more than zero"),
            ("original", {"price": "a lot"}, "price", "in figures"),
            ("original", {"price": "10.555"}, "price", "two figures after"),
            ("original", {"stock": "2"}, "stock", "only one original"),
            ("original", {"shipping_profile": ""}, "shipping_profile", "Choose the kind of parcel"),
        ],
    )
    def test_wrong_offers_are_refused_with_a_clear_message_and_nothing_typed_is_lost(
        self, artist_client, work, kind, overrides, field, message
    ):
        data = offer_data(price_usd="99.50", **overrides)
        response = artist_client.post(create_url(work, kind), data)
        assert response.status_code == 200
        assert field in response.context["form"].errors
        content = response.content.decode()
        assert message in content
        assert 'class="error-summary"' in content
        assert 'value="99.50"' in content
        assert not Offer.objects.exists()


class TestChange:
    def test_she_changes_the_price_and_the_form_shows_it_in_somoni(self, artist_client, work):
        offer = OfferFactory(artwork=work, price_amount=150050)
        url = reverse("shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        assert 'value="1500.50"' in artist_client.get(url).content.decode()
        artist_client.post(url, offer_data(price="1800"))
        offer.refresh_from_db()
        assert offer.price_amount == 180000

    def test_she_takes_an_offer_off_sale_and_puts_it_back(self, artist_client, work):
        offer = OfferFactory(artwork=work)
        url = reverse("shop_studio:offer-active", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        artist_client.post(url, {"active": "0"})
        offer.refresh_from_db()
        assert not offer.active
        assert offer not in Offer.objects.buyable()
        artist_client.post(url, {"active": "1"})
        offer.refresh_from_db()
        assert offer.active

    def test_a_sold_original_cannot_be_put_back_on_sale(self, artist_client, work):
        offer = OfferFactory(artwork=work)
        order_paid((offer, 1))
        offer.refresh_from_db()
        assert offer.stock == 0
        url = reverse("shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        response = artist_client.post(url, offer_data(stock="1"))
        assert response.status_code == 200
        assert "This original has been sold" in response.content.decode()
        offer.refresh_from_db()
        assert offer.stock == 0

    def test_a_sold_original_can_still_get_a_new_price_with_no_stock(self, artist_client, work):
        offer = OfferFactory(artwork=work)
        order_paid((offer, 1))
        url = reverse("shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        artist_client.post(url, offer_data(stock="0", price="2000"))
        offer.refresh_from_db()
        assert (offer.stock, offer.price_amount) == (0, 200000)

    def test_an_original_a_buyer_is_paying_for_is_not_put_back_in_stock(self, artist_client, work):
        offer = OfferFactory(artwork=work)
        order_place((offer, 1))
        url = reverse("shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        response = artist_client.post(url, offer_data(stock="1"))
        assert "A buyer is paying for this original now" in response.content.decode()
        offer.refresh_from_db()
        assert offer.stock == 0

    def test_a_price_change_does_not_undo_a_sale_made_meanwhile(self, artist_client, work):
        offer = OfferFactory(
            artwork=work, kind=Offer.Kind.PRINT, edition_size=30, stock=10, price_amount=25000
        )
        url = reverse("shop_studio:offer-edit", kwargs={"pk": work.pk, "offer_pk": offer.pk})
        form = artist_client.get(url).context["form"]
        Offer.objects.filter(pk=offer.pk).update(stock=9)  # a buyer took one while she typed
        seen = {"stock": form["stock"].value(), "stock_was": form["stock_was"].value()}
        artist_client.post(url, offer_data(price="300", edition_size="30", **seen))
        offer.refresh_from_db()
        assert (offer.price_amount, offer.stock) == (30000, 9)

    def test_the_works_list_and_page_lead_to_selling_it(self, artist_client, work):
        OfferFactory(artwork=work)
        offers_url = reverse("shop_studio:offers", kwargs={"pk": work.pk})
        assert offers_url in artist_client.get(reverse("gallery:artwork-list")).content.decode()
        page = artist_client.get(reverse("gallery:artwork-edit", kwargs={"pk": work.pk})).content.decode()
        assert offers_url in page
        assert "1,500\u00a0TJS" in page
