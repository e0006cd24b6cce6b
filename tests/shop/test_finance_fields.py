"""Prices, shipping fees and the bank details buyers pay to are finance data: editors without
the finance permission cannot change them in the admin, finance staff can, and every change
is in the finance log, which only finance staff read and export. Payouts wait while an
artist's payout destination has just changed."""

import csv
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from heritage.models import FinanceAuditEntry, SiteSettings
from shop.models import Order, ShippingProfile
from shop.services import PayoutError, order_transition, payout_record
from tests.factories import ArtistFactory, OfferFactory, PrintOfferFactory, order_paid
from tests.finance import admin_form_data, staff_with
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

OFFERS = ("shop.view_offer", "shop.change_offer", "shop.add_offer")
SHIPPING = ("shop.view_shippingprofile", "shop.change_shippingprofile", "shop.add_shippingprofile")
SETTINGS = ("heritage.change_sitesettings",)
FINANCE = "heritage.manage_finance"
LOG = "/admin/finance/audit/"


@pytest.fixture
def shop_editor(db):
    return staff_with(*OFFERS, *SHIPPING, *SETTINGS, "artists.view_artistprofile")


@pytest.fixture
def finance_editor(db):
    return staff_with(*OFFERS, *SHIPPING, *SETTINGS, FINANCE, email="finance@tajikheritage.local")


def post_edit(client, url, **changes):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return client.post(response.request["PATH_INFO"], admin_form_data(response.context["form"], **changes))


def settings_url() -> str:
    return reverse("wagtailsettings:edit", args=["heritage", "sitesettings", SiteSettings.load().pk])


def test_an_editor_without_finance_rights_cannot_change_a_price(client, shop_editor):
    offer = PrintOfferFactory(price_amount=25000, stock=10)
    staff_login(client, shop_editor)
    url = reverse("shop_offers:edit", args=[offer.pk])
    form = client.get(url).context["form"]
    assert "price_amount" not in form.fields and "currency" not in form.fields
    response = post_edit(client, url, stock="4", price_amount="1", currency="USD")
    assert response.status_code == 302, response.content.decode()[:2000]
    offer.refresh_from_db()
    assert (offer.stock, offer.price_amount, offer.currency) == (4, 25000, "TJS")
    assert not FinanceAuditEntry.objects.exists()


def test_an_editor_without_finance_rights_cannot_add_an_offer(client, shop_editor):
    staff_login(client, shop_editor)
    assert client.get(reverse("shop_offers:add")).status_code in (302, 403)
    assert client.get(reverse("shop_shipping:add")).status_code in (302, 403)


def test_finance_staff_change_a_price_and_it_is_logged(client, finance_editor):
    offer = PrintOfferFactory(price_amount=25000)
    staff_login(client, finance_editor)
    response = post_edit(client, reverse("shop_offers:edit", args=[offer.pk]), price_amount="30000")
    assert response.status_code == 302, response.content.decode()[:2000]
    offer.refresh_from_db()
    assert offer.price_amount == 30000
    entry = FinanceAuditEntry.objects.get()
    assert (entry.field_name, entry.old_value, entry.new_value, entry.user) == (
        "price_amount",
        "25000",
        "30000",
        finance_editor,
    )
    assert entry.object_id == str(offer.pk)


def test_an_editor_without_finance_rights_cannot_change_a_shipping_fee(client, shop_editor):
    profile = ShippingProfile.objects.order_by("sort_order").first()
    fee = profile.fee_world
    staff_login(client, shop_editor)
    response = post_edit(
        client, reverse("shop_shipping:edit", args=[profile.pk]), fee_world="1", days_world="2–3 weeks"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert (profile.fee_world, profile.days_world) == (fee, "2–3 weeks")
    assert not FinanceAuditEntry.objects.exists()


def test_finance_staff_change_a_shipping_fee_and_it_is_logged(client, finance_editor):
    profile = ShippingProfile.objects.order_by("sort_order").first()
    old = profile.fee_world
    staff_login(client, finance_editor)
    response = post_edit(client, reverse("shop_shipping:edit", args=[profile.pk]), fee_world=str(old + 500))
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = FinanceAuditEntry.objects.get()
    assert (entry.field_name, entry.old_value, entry.new_value) == ("fee_world", str(old), str(old + 500))


def test_an_editor_without_finance_rights_cannot_change_the_bank_instructions(client, shop_editor):
    site_settings = SiteSettings.load()
    before = site_settings.bank_transfer_instructions
    staff_login(client, shop_editor)
    response = post_edit(
        client,
        settings_url(),
        bank_transfer_instructions="Bank: Evil\nAccount: TJ66 6666 6666",
        default_commission_percent="90",
        contact_email="team@tajikheritage.org",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    site_settings.refresh_from_db()
    assert site_settings.contact_email == "team@tajikheritage.org"
    assert site_settings.bank_transfer_instructions == before
    assert site_settings.default_commission_percent == 20
    assert not FinanceAuditEntry.objects.exists()


def test_finance_staff_change_the_bank_instructions_and_the_log_masks_them(client, finance_editor):
    staff_login(client, finance_editor)
    response = post_edit(
        client,
        settings_url(),
        bank_transfer_instructions="Bank: Eskhata\nAccount: TJ77 0000 1111 2222",
        default_commission_percent="18",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entries = {entry.field_name: entry for entry in FinanceAuditEntry.objects.all()}
    assert set(entries) == {"bank_transfer_instructions", "default_commission_percent"}
    assert entries["bank_transfer_instructions"].new_value == "•••• 2222"
    commission = entries["default_commission_percent"]
    assert (commission.old_value, commission.new_value) == ("20", "18")


def delivered_sale(artist) -> Order:
    offer = OfferFactory(artwork__artist=artist)
    order = order_paid((offer, 1), payment_method=Order.PaymentMethod.BANK_TRANSFER)
    return order_transition(order, to=Order.Status.DELIVERED, source="test")


def test_payouts_wait_48_hours_after_the_payout_destination_changed():
    artist = ArtistFactory(payout_method="bank", payout_details="Amonatbonk TJ12 0000")
    order = delivered_sale(artist)
    owed = order.ledger_entries.get().payable
    artist.payout_details = "Eskhata TJ99 9999"
    artist.save()
    artist.refresh_from_db()
    assert artist.payouts_held_until > timezone.now() + timedelta(hours=47)

    with pytest.raises(PayoutError) as refused:
        payout_record(artist, method="bank", expected_amount=owed)
    assert "on hold" in str(refused.value.message)

    artist.payouts_held_until = timezone.now() - timedelta(minutes=1)
    artist.save(update_fields=["payouts_held_until"])
    payout = payout_record(artist, method="bank", expected_amount=owed)
    assert payout.amount == owed


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_finance_staff_read_and_export_the_log_formula_safe(client, finance_editor):
    offer = PrintOfferFactory(artwork__artist=ArtistFactory(display_name='=HYPERLINK("http://x.example")'))
    artist = offer.artwork.artist
    artist.payout_details = "Amonatbonk TJ12 3456"
    artist.save()
    staff_login(client, finance_editor)
    response = client.get(LOG)
    assert response.status_code == 200
    assert "•••• 3456" in response.content.decode()
    entry = FinanceAuditEntry.objects.get()
    filtered = client.get(LOG, {"field_name": "payout_details", "object_type": entry.object_type_id})
    assert list(filtered.context["object_list"]) == [entry]
    assert client.get(reverse("finance_log:inspect", args=[entry.pk])).status_code == 200

    rows = read_csv(client.get(LOG, {"export": "csv"}))
    assert len(rows) == 2
    [row] = rows[1:]
    assert "•••• 3456" in row
    assert "TJ12 3456" not in ",".join(row)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for cell in row)


def test_only_finance_staff_read_the_log(client, shop_editor):
    artist = ArtistFactory(payout_details="Amonatbonk TJ12 3456")
    artist.payout_details = "Eskhata TJ99 9999"
    artist.save()
    staff_login(client, shop_editor)
    for url in (LOG, LOG + "?export=csv", LOG + "?export=xlsx"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"9999" not in response.content


def test_a_price_she_changes_in_her_studio_is_logged_as_hers(client):
    offer = OfferFactory(price_amount=150000)
    artist = offer.artwork.artist
    client.force_login(artist.user)
    url = reverse("shop_studio:offer-edit", kwargs={"pk": offer.artwork_id, "offer_pk": offer.pk})
    data = {"price": "1800", "price_usd": "", "edition_size": "", "stock": "1", "active": "on"}
    response = client.post(url, {**data, "shipping_profile": offer.shipping_profile_id})
    assert response.status_code == 302
    entry = FinanceAuditEntry.objects.get()
    assert (entry.field_name, entry.old_value, entry.new_value) == ("price_amount", "150000", "180000")
    assert entry.user == artist.user


def test_payout_staff_without_finance_rights_see_bank_details_masked(client):
    artist = ArtistFactory(
        display_name="Gulnora", payout_method="bank", payout_details="Amonatbonk TJ12 3456"
    )
    delivered_sale(artist)
    clerk = staff_with("shop.view_payout", "shop.add_payout")
    staff_login(client, clerk)
    content = client.get(reverse("shop_balances:index")).content.decode()
    assert "Gulnora" in content
    assert "Amonatbonk" not in content and "•••• 3456" in content
    rows = read_csv(client.get(reverse("shop_balances:csv")))
    assert "Amonatbonk TJ12 3456" not in ",".join(rows[1])
    assert "•••• 3456" in rows[1]
