"""Where an artist's money goes is finance data: only finance staff, signed in with two steps,
change her payout method, Stripe account, payout details or commission; other editors see the
details masked; every change is logged masked; a new payout destination emails her in her
language and holds her payouts for 48 hours."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from heritage.accounts.two_factor import two_factor_required
from heritage.models import FinanceAuditEntry
from tests.factories import ArtistFactory, UserFactory
from tests.finance import admin_form_data, permissions, staff_with
from tests.two_factor import staff_login

pytestmark = pytest.mark.django_db

IBAN = "TJ12 3456 7890 1234"
PHONE = "+992 900 123 456"
ARTIST_EDIT = ("wagtailadmin.access_admin", "artists.change_artistprofile", "artists.view_artistprofile")


@pytest.fixture
def artist(db):
    return ArtistFactory(
        display_name="Gulnora Saidova",
        phone=PHONE,
        commission_percent=15,
        payout_method="bank",
        stripe_account_id="acct_1Original",
        payout_details=f"Amonatbonk, {IBAN}",
        user=UserFactory(email="gulnora@example.org", language="ru"),
    )


@pytest.fixture
def artist_editor(db):
    """May edit artists' profiles; has no finance rights."""
    return staff_with(*ARTIST_EDIT, email="profiles@tajikheritage.local")


@pytest.fixture
def finance_editor(db):
    return staff_with(*ARTIST_EDIT, "heritage.manage_finance", email="finance@tajikheritage.local")


def edit(client, artist, django_capture_on_commit_callbacks, **changes):
    url = reverse("artists_admin:edit", args=[artist.pk])
    form = client.get(url).context["form"]
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, admin_form_data(form, **changes))


def test_an_editor_without_finance_rights_cannot_redirect_an_artists_payouts(
    client, artist, artist_editor, django_capture_on_commit_callbacks
):
    staff_login(client, artist_editor)
    response = client.get(reverse("artists_admin:edit", args=[artist.pk]))
    form = response.context["form"]
    for name in ("payout_method", "stripe_account_id", "payout_details", "commission_percent"):
        assert name not in form.fields, name
    assert IBAN not in response.content.decode()
    mail.outbox.clear()

    response = edit(
        client,
        artist,
        django_capture_on_commit_callbacks,
        display_name="Gulnora S.",
        payout_method="cash",
        stripe_account_id="acct_1Attacker",
        payout_details="Attacker's card 4000 0000 0000 0002",
        commission_percent="1",
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    artist.refresh_from_db()
    assert artist.display_name == "Gulnora S."
    assert (artist.payout_method, artist.stripe_account_id, artist.commission_percent) == (
        "bank",
        "acct_1Original",
        15,
    )
    assert artist.payout_details == f"Amonatbonk, {IBAN}"
    assert artist.payouts_held_until is None
    assert not FinanceAuditEntry.objects.exists()
    assert mail.outbox == []


def test_a_view_only_editor_sees_the_iban_and_phone_masked(client, artist):
    viewer = staff_with("artists.view_artistprofile")
    staff_login(client, viewer)
    response = client.get(reverse("artists_admin:inspect", args=[artist.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert IBAN not in content and "Amonatbonk" not in content
    assert PHONE not in content
    assert "acct_1Original" not in content
    assert "•••• 1234" in content  # the end of her IBAN, enough to tell two accounts apart
    assert "•••• 3456" in content  # the end of her phone number


def test_an_editor_without_finance_rights_sees_payout_details_masked(client, artist, artist_editor):
    staff_login(client, artist_editor)
    content = client.get(reverse("artists_admin:inspect", args=[artist.pk])).content.decode()
    assert IBAN not in content and "acct_1Original" not in content
    assert "•••• 1234" in content


def test_finance_staff_see_the_payout_details_in_full(client, artist, finance_editor):
    staff_login(client, finance_editor)
    content = client.get(reverse("artists_admin:inspect", args=[artist.pk])).content.decode()
    assert IBAN in content and "acct_1Original" in content and PHONE in content


def test_finance_staff_change_the_payout_destination_logged_masked_emailed_and_held(
    client, artist, finance_editor, django_capture_on_commit_callbacks
):
    staff_login(client, finance_editor)
    mail.outbox.clear()
    before = timezone.now()

    response = edit(
        client,
        artist,
        django_capture_on_commit_callbacks,
        payout_details="Eskhata bank, TJ98 7654 3210 9876",
        stripe_account_id="acct_1NewOne",
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    artist.refresh_from_db()
    assert artist.payout_details == "Eskhata bank, TJ98 7654 3210 9876"
    assert artist.stripe_account_id == "acct_1NewOne"
    held = artist.payouts_held_until
    assert before + timedelta(hours=48) <= held <= timezone.now() + timedelta(hours=48)

    entries = {entry.field_name: entry for entry in FinanceAuditEntry.objects.all()}
    assert set(entries) == {"payout_details", "stripe_account_id"}
    details = entries["payout_details"]
    assert (details.old_value, details.new_value) == ("•••• 1234", "•••• 9876")
    assert details.user == finance_editor
    assert details.object_label == "Gulnora Saidova"
    assert details.object_id == str(artist.pk)
    assert entries["stripe_account_id"].new_value == "•••• wOne"
    assert not FinanceAuditEntry.objects.filter(new_value__contains="9876 5").exists()

    [email] = mail.outbox
    assert email.to == ["gulnora@example.org"]
    assert email.subject == "Ваши данные для выплат изменены"
    assert "•••• 9876" in email.body and "TJ98" not in email.body


def test_a_commission_change_is_logged_and_holds_nothing(
    client, artist, finance_editor, django_capture_on_commit_callbacks
):
    staff_login(client, finance_editor)
    mail.outbox.clear()
    response = edit(client, artist, django_capture_on_commit_callbacks, commission_percent="12")
    assert response.status_code == 302
    artist.refresh_from_db()
    assert artist.commission_percent == 12
    assert artist.payouts_held_until is None
    entry = FinanceAuditEntry.objects.get()
    assert (entry.field_name, entry.old_value, entry.new_value) == ("commission_percent", "15", "12")
    assert mail.outbox == []


def test_an_unchanged_save_by_finance_staff_logs_nothing_and_holds_nothing(
    client, artist, finance_editor, django_capture_on_commit_callbacks
):
    artist.payout_details = f"Amonatbonk\n{IBAN}"
    artist.save()
    FinanceAuditEntry.objects.all().delete()
    ArtistProfile.objects.filter(pk=artist.pk).update(payouts_held_until=None)
    staff_login(client, finance_editor)
    mail.outbox.clear()
    # A browser sends the textarea back with CRLF line ends.
    crlf = f"Amonatbonk\r\n{IBAN}"
    response = edit(client, artist, django_capture_on_commit_callbacks, payout_details=crlf)
    assert response.status_code == 302
    assert not FinanceAuditEntry.objects.exists()
    artist.refresh_from_db()
    assert artist.payouts_held_until is None
    assert mail.outbox == []


def test_the_finance_permission_calls_for_two_step_sign_in(client, finance_editor, django_user_model):
    assert two_factor_required(finance_editor)

    # The finance permission alone (through a group, even without admin access) is enough.
    group = Group.objects.create(name="Finance")
    group.permissions.add(*permissions("heritage.manage_finance"))
    via_group = UserFactory(is_staff=True)
    assert not two_factor_required(via_group)
    via_group.groups.add(group)
    assert two_factor_required(django_user_model.objects.get(pk=via_group.pk))

    client.force_login(finance_editor)  # password only, no code yet
    response = client.get(reverse("artists_admin:edit", args=[1]))
    assert response.status_code == 302
    assert "/accounts/two-factor/" in response["Location"]
