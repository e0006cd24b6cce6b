"""Her earnings page agrees with the ledger: waiting for delivery, ready, paid out; her
payouts and ledger lines; a year of monthly sales as a table with bars."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from shop.models import LedgerEntry, Order, Payout
from shop.money import money_format
from shop.selectors_studio import sales_by_month
from shop.services import artist_balance, order_transition, payout_record
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, PrintOfferFactory, order_paid

pytestmark = pytest.mark.django_db


@pytest.fixture
def artist(db):
    return ArtistFactory(
        display_name="Zarina Karimova",
        user__language="en",
        payout_method="bank",
        payout_details="Amonatbonk, account 2020 8400 1234",
    )


@pytest.fixture
def artist_client(client, artist):
    client.force_login(artist.user)
    return client


@pytest.fixture
def sales(artist):
    """A delivered order paid out by bank transfer, and a paid one still on its way."""
    delivered = order_paid(
        (OfferFactory(artwork=ArtworkFactory(artist=artist, title="Pomegranate garden")), 1)
    )
    order_transition(delivered, to=Order.Status.DELIVERED, source="test")
    payout = payout_record(
        artist,
        method=Payout.Method.BANK,
        expected_amount=artist_balance(artist).available,
        reference="AMB-2025-0077",
    )
    on_its_way = order_paid((PrintOfferFactory(artwork=ArtworkFactory(artist=artist, title="Ikat print")), 2))
    return {"delivered": delivered, "on_its_way": on_its_way, "payout": payout}


def payable(order, state):
    return sum(e.net + e.shipping for e in LedgerEntry.objects.filter(order=order, state=state))


def test_the_three_figures_match_her_ledger(artist, artist_client, sales):
    response = artist_client.get(reverse("shop_studio:earnings"))
    content = response.content.decode()
    paid_out = payable(sales["delivered"], LedgerEntry.State.PAID_OUT)
    pending = payable(sales["on_its_way"], LedgerEntry.State.PENDING)
    assert paid_out == sales["payout"].amount > 0
    assert pending > 0
    [balance] = response.context["balances"]
    assert (balance.pending, balance.available, balance.paid_out) == (pending, 0, paid_out)
    assert f"<dt>Waiting for delivery</dt><dd>{money_format(pending, 'TJS')}</dd>" in content
    assert f"<dt>Ready to be paid to you</dt><dd>{money_format(0, 'TJS')}</dd>" in content
    assert f"<dt>Paid to you</dt><dd>{money_format(paid_out, 'TJS')}</dd>" in content


def test_her_payouts_and_ledger_lines_are_listed(artist_client, sales):
    content = artist_client.get(reverse("shop_studio:earnings")).content.decode()
    assert "AMB-2025-0077" in content
    assert "Bank transfer" in content
    entry = LedgerEntry.objects.get(order=sales["delivered"])
    assert "Pomegranate garden" in content and "Ikat print" in content
    for amount in (entry.gross, entry.commission, entry.net, entry.shipping):
        assert money_format(amount, "TJS") in content


def test_the_chart_table_shows_this_months_net_sales_and_empty_months(artist, artist_client, sales):
    content = artist_client.get(reverse("shop_studio:earnings")).content.decode()
    net = sum(LedgerEntry.objects.filter(artist=artist).values_list("net", flat=True))
    month = timezone.localdate().strftime("%B %Y")
    assert (
        f'<th scope="row">{month}</th>\n'
        f'        <td><span class="sales-figure">{money_format(net, "TJS")}</span>'
        '<span class="sales-bar sales-bar-100" aria-hidden="true"></span></td>'
    ) in content
    assert content.count('<th scope="row">') == 12
    assert content.count('class="sales-bar sales-bar-0"') == 11


def test_monthly_sales_count_refunds_and_leave_out_older_months_and_other_artists(artist, sales):
    other = ArtistFactory()
    order_paid((OfferFactory(artwork=ArtworkFactory(artist=other)), 1))
    entry = LedgerEntry.objects.get(order=sales["on_its_way"])
    LedgerEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=400))
    months = sales_by_month(artist=artist)
    assert len(months) == 12
    this_month = LedgerEntry.objects.get(order=sales["delivered"]).net
    assert months[-1].net == this_month
    assert sum(m.net for m in months) == this_month


def test_her_payout_method_and_private_details_are_shown_with_who_changes_them(artist_client, sales):
    content = artist_client.get(reverse("shop_studio:earnings")).content.decode()
    assert "Amonatbonk, account 2020 8400 1234" in content
    assert 'href="/en/studio/payouts/">Change how you are paid' in content


def test_another_artists_sales_are_not_in_her_figures(artist_client):
    other = ArtistFactory()
    order_paid((OfferFactory(artwork=ArtworkFactory(artist=other, title="Her suzani")), 1))
    response = artist_client.get(reverse("shop_studio:earnings"))
    [balance] = response.context["balances"]
    assert (balance.pending, balance.available, balance.paid_out) == (0, 0, 0)
    assert "Her suzani" not in response.content.decode()


def test_only_an_approved_artist_sees_earnings(client):
    url = reverse("shop_studio:earnings")
    assert client.get(url)["Location"] == f"{reverse('accounts:login')}?next={url}"
    applicant = ArtistFactory(status=ArtistProfile.Status.APPLIED)
    client.force_login(applicant.user)
    assert client.get(url)["Location"] == reverse("artists:studio")
