"""Editors pay artists by hand (bank or cash) from the Balances screen, and hand the bank a
CSV of what to pay; every payout covers exactly what was available when the editor looked."""

import csv
import io
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

import pytest

from shop.models import LedgerEntry, Order, Payout
from shop.services import artist_balance, order_transition, payout_record
from tests.factories import ArtistFactory, OfferFactory, UserFactory, order_paid
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

BANK = Order.PaymentMethod.BANK_TRANSFER


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(email="editor@tajikheritage.local", password="x")


@pytest.fixture
def editor_client(client, editor):
    staff_login(client, editor)
    return client


def delivered_sale(artist) -> Order:
    """One original by `artist`, paid by bank transfer and delivered: her money is available."""
    order = order_paid((OfferFactory(artwork__artist=artist), 1), payment_method=BANK)
    return order_transition(order, to=Order.Status.DELIVERED, source="test")


def owed(order: Order) -> int:
    """What the artist earns from an order, worked out from its lines: works less commission,
    plus the shipping she pays for."""
    total = 0
    for line in order.lines.all():
        commission = (line.line_total * line.commission_percent + 50) // 100
        total += line.line_total - commission + line.shipping_fee
    return total


def record(client, artist, amount, currency="TJS", **data):
    prefix = f"payout-{artist.pk}-{currency}"
    fields = {f"{prefix}-expected_amount": amount, f"{prefix}-method": "bank", f"{prefix}-reference": ""}
    fields.update({f"{prefix}-{name}": value for name, value in data.items()})
    return client.post(reverse("shop_balances:record", args=[artist.pk, currency]), fields, follow=True)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_balances_screen_lists_only_artists_with_money_available(editor_client):
    ready = ArtistFactory(
        display_name="Gulnora Saidova", payout_method="bank", payout_details="Amonatbonk 4402"
    )
    delivered_sale(ready)
    waiting = ArtistFactory(display_name="Waiting Shahnoza")
    order_paid((OfferFactory(artwork__artist=waiting), 1), payment_method=BANK)
    response = editor_client.get(reverse("shop_balances:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Gulnora Saidova" in content
    assert "Amonatbonk 4402" in content
    assert "Waiting Shahnoza" not in content
    [row] = response.context["rows"]
    assert row["balance"].available == artist_balance(ready).available


def test_recording_a_payout_pays_out_every_available_entry(editor_client, editor):
    artist = ArtistFactory(payout_method="bank")
    order = delivered_sale(artist)
    amount = owed(order)
    assert artist_balance(artist).available == amount
    response = record(editor_client, artist, amount, reference="AB-20261201-7", method="bank")
    assert any("recorded" in text for text in messages_of(response))
    payout = Payout.objects.get(artist=artist)
    assert payout.amount == amount
    assert payout.method == Payout.Method.BANK
    assert payout.reference == "AB-20261201-7"
    assert payout.created_by == editor
    assert set(order.ledger_entries.values_list("state", "payout")) == {
        (LedgerEntry.State.PAID_OUT, payout.pk)
    }
    balance = artist_balance(artist)
    assert balance.available == 0
    assert balance.paid_out == amount


def test_a_payout_for_a_balance_that_has_changed_is_refused(editor_client):
    artist = ArtistFactory()
    first = delivered_sale(artist)
    seen = owed(first)
    delivered_sale(artist)  # another sale is delivered while the editor looks at the old amount
    response = record(editor_client, artist, seen)
    assert any("balance changed" in text for text in messages_of(response))
    assert not Payout.objects.filter(artist=artist).exists()
    assert artist_balance(artist).available == 2 * seen


def test_a_payout_needs_the_add_payout_permission(client):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_payout")
    )
    staff_login(client, clerk)
    artist = ArtistFactory()
    order = delivered_sale(artist)
    assert client.get(reverse("shop_balances:index")).context["rows"][0]["form"] is None
    response = client.post(
        reverse("shop_balances:record", args=[artist.pk, "TJS"]),
        {f"payout-{artist.pk}-TJS-expected_amount": owed(order), f"payout-{artist.pk}-TJS-method": "bank"},
    )
    assert response.status_code in {302, 403}
    assert not Payout.objects.exists()


def test_staff_without_payout_permissions_cannot_see_balances_or_export(client):
    clerk = UserFactory(is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    delivered_sale(ArtistFactory(payout_details="Secret account 1234"))
    for name in ("shop_balances:index", "shop_balances:csv"):
        response = client.get(reverse(name))
        assert response.status_code in {302, 403}
        assert b"Secret account 1234" not in response.content


def test_the_csv_of_what_to_pay_has_one_row_per_artist_with_the_amount_in_somoni(editor_client):
    artist = ArtistFactory(
        display_name="Malika Rahimova", payout_method="bank", payout_details="IBAN TJ00 1234"
    )
    order = delivered_sale(artist)
    order_paid(
        (OfferFactory(artwork__artist=ArtistFactory(display_name="Pending Nilufar")), 1), payment_method=BANK
    )
    response = editor_client.get(reverse("shop_balances:csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header == ["Artist", "Paid by", "Payout details", "Amount", "Currency", "Reference"]
    [row] = rows
    assert row[:5] == [
        "Malika Rahimova",
        "Bank transfer",
        "IBAN TJ00 1234",
        f"{owed(order) / 100:.2f}",
        "TJS",
    ]
    assert row[5].startswith(f"TH-PAY-{artist.pk}-")


def test_the_csv_neutralises_cells_that_a_spreadsheet_would_run_as_formulas(editor_client):
    delivered_sale(
        ArtistFactory(display_name='=HYPERLINK("http://evil.example","Pay")', payout_details="+7 992")
    )
    _header, row = read_csv(editor_client.get(reverse("shop_balances:csv")))
    assert row[0] == '\'=HYPERLINK("http://evil.example","Pay")'
    assert row[2] == "'+7 992"


def test_the_csv_of_recorded_payouts_covers_the_chosen_days(editor_client, editor):
    artist = ArtistFactory(display_name="Sitora Nazarova", payout_details="Cash at the Khujand office")
    order = delivered_sale(artist)
    payout = payout_record(artist, method="cash", expected_amount=owed(order), reference="R-0042", by=editor)
    old_artist = ArtistFactory(display_name="Paid Long Ago")
    old_order = delivered_sale(old_artist)
    old = payout_record(old_artist, method="bank", expected_amount=owed(old_order))
    Payout.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    today = timezone.localdate()
    response = editor_client.get(
        reverse("shop_balances:payouts_csv"),
        {"start": (today - timedelta(days=7)).isoformat(), "end": today.isoformat()},
    )
    assert response.status_code == 200
    _header, *rows = read_csv(response)
    assert rows == [
        [
            today.isoformat(),
            "Sitora Nazarova",
            "Cash at the Khujand office",
            f"{payout.amount / 100:.2f}",
            "TJS",
            "Cash",
            "R-0042",
            "Paid",
        ]
    ]


def test_the_payouts_list_filters_by_method(editor_client, editor):
    cash_artist = ArtistFactory(display_name="Cash Dilbar")
    payout_record(cash_artist, method="cash", expected_amount=owed(delivered_sale(cash_artist)))
    bank_artist = ArtistFactory(display_name="Bank Farzona")
    payout_record(bank_artist, method="bank", expected_amount=owed(delivered_sale(bank_artist)))
    response = editor_client.get(reverse("shop_payouts:index"), {"method": "cash"})
    assert response.status_code == 200
    assert [payout.artist for payout in response.context["object_list"]] == [cash_artist]
