"""The one form of an email address (heritage.email_address), and the migration that brought
the addresses already stored to it without merging two accounts."""

import importlib
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artists.models import ArtistProfile
from heritage.email_address import (
    EmailRefused,
    email_canonical,
    email_counter_key,
    email_is_held,
    emails_canonicalise,
)
from tests.factories import ArtistFactory, UserFactory

PASSWORD = "suzani-Pomegranate-1985"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("  Madina.Rahimova@Example.ORG ", "madina.rahimova@example.org"),
        ("FARANGIſ@example.org", "farangis@example.org"),  # long s is s
        ("ｍａｄｉｎａ@ｅｘａｍｐｌｅ.org", "madina@example.org"),  # full-width letters
        ("Straße@example.de", "strasse@example.de"),
        ("Nigora@Бахор.Тҷ", "nigora@xn--80ab4bix.xn--r1a8u"),
        ("nigora@xn--80ab4bix.xn--r1a8u", "nigora@xn--80ab4bix.xn--r1a8u"),
        ("user@bücher.example.", "user@xn--bcher-kva.example"),
    ],
)
def test_an_address_has_one_form_however_it_is_typed(typed, canonical):
    assert email_canonical(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("madina@gmaıl.com", "mixed_scripts"),  # dotless ı among Latin, in the domain
        ("madina@xn--gmal-nza.com", "mixed_scripts"),  # the same, typed as punycode
        ("madına@gmail.com", "mixed_scripts"),
        ("madİna@gmail.com", "mixed_scripts"),  # İ folds to i with a combining dot
        ("mаdina@gmail.com", "mixed_scripts"),  # Cyrillic а
        ("mαdina@gmail.com", "mixed_scripts"),  # Greek α
        ("madina@gmаil.com", "mixed_scripts"),  # Cyrillic а in the domain
        ("madina", "invalid"),
        ("@gmail.com", "invalid"),
        ("madina@", "invalid"),
        ("madi na@gmail.com", "invalid"),
        ("madina\u200b@gmail.com", "invalid"),  # zero-width space
    ],
)
def test_look_alikes_and_non_addresses_are_refused(typed, code):
    with pytest.raises(EmailRefused) as refused:
        email_canonical(typed)
    assert refused.value.code == code


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=20), st.sampled_from(["example.org", "Бахор.тҷ", "bücher.de", "ſite.org"])
)
def test_the_canonical_form_of_a_canonical_address_is_itself(local, domain):
    try:
        canonical = email_canonical(f"{local}@{domain}")
    except EmailRefused:
        return
    assert email_canonical(canonical) == canonical


def test_spellings_of_one_address_share_one_counter():
    keys = {email_counter_key(typed) for typed in ["sara@x.org", "SARA@x.org", "ſara@x.org", "ſarA@X.org"]}
    assert keys == {"sara@x.org"}
    assert email_counter_key("farangıs@example.org") == "farangis@example.org"
    assert email_counter_key("user:42") == "user:42"


@pytest.mark.django_db
def test_saving_a_look_alike_address_is_refused():
    with pytest.raises(EmailRefused):
        UserFactory(email="madina@gmaıl.com")


def account(stored: str, *, joined_days_ago: int, verified: bool = False):
    """An account as it was before addresses were made canonical: the address as stored then."""
    user = UserFactory(
        password=PASSWORD,
        email_verified_at=timezone.now() if verified else None,
        date_joined=timezone.now() - timedelta(days=joined_days_ago),
    )
    get_user_model().objects.filter(pk=user.pk).update(email=stored)
    return user


def stored(user) -> str:
    user.refresh_from_db()
    return user.email


@pytest.mark.django_db
def test_the_migration_canonicalises_and_holds_collisions_instead_of_merging(caplog):
    older_variant = account("Sara@Example.org", joined_days_ago=30)
    exact = account("sara@example.org", joined_days_ago=1)
    long_s = account("ſara@example.org", joined_days_ago=60, verified=True)
    unconfirmed = account("Zarina@Example.org", joined_days_ago=30)
    confirmed = account("ZARINA@example.org", joined_days_ago=2, verified=True)
    first = account("Dilnoza@Example.org", joined_days_ago=20)
    second = account("DILNOZA@Example.org", joined_days_ago=10)
    look_alike = account("madına@gmail.com", joined_days_ago=5)
    international = account("Nigora@Бахор.Тҷ", joined_days_ago=5)
    alone = account("Malika@Example.org", joined_days_ago=5)

    held = emails_canonicalise(get_user_model(), "email")

    # The row already holding the exact address keeps it; else a confirmed one; else the oldest.
    assert stored(exact) == "sara@example.org"
    assert stored(confirmed) == "zarina@example.org"
    assert stored(first) == "dilnoza@example.org"
    assert stored(international) == "nigora@xn--80ab4bix.xn--r1a8u"
    assert stored(alone) == "malika@example.org"
    held_users = [older_variant, long_s, unconfirmed, second, look_alike]
    assert {entry.pk for entry in held} == {user.pk for user in held_users}
    for user in held_users:
        assert email_is_held(stored(user))
    assert (
        stored(older_variant) == f"Sara@Example.org (held #{older_variant.pk}: same address as #{exact.pk})"
    )
    assert stored(look_alike) == f"madına@gmail.com (held #{look_alike.pk}: mixed scripts)"
    assert f"#{second.pk} held" in caplog.text

    # Nobody can sign in to a held account, with its old address or the value it holds.
    for user, typed in [(older_variant, "Sara@Example.org"), (second, stored(second))]:
        client = Client()
        client.post("/en/accounts/login/", {"username": typed, "password": PASSWORD})
        assert client.session.get("_auth_user_id") != str(user.pk)
    # A second run finds nothing more to do.
    assert emails_canonicalise(get_user_model(), "email") == []


@pytest.mark.django_db
def test_the_migration_holds_a_look_alike_claim_address_and_keeps_the_others():
    look_alike = ArtistFactory(user=None, consent_given_at="2026-11-01", consent_method="in_person")
    real = ArtistFactory(user=None, consent_given_at="2026-11-01", consent_method="in_person")
    ArtistProfile.objects.filter(pk=look_alike.pk).update(claim_email="madina@gmaıl.com")
    ArtistProfile.objects.filter(pk=real.pk).update(claim_email="Madina@Gmail.com")

    held = emails_canonicalise(ArtistProfile, "claim_email", unique=False)

    assert [entry.pk for entry in held] == [look_alike.pk]
    real.refresh_from_db()
    assert real.claim_email == "madina@gmail.com"


@pytest.mark.django_db
def test_the_migration_prints_each_held_account_for_staff(capsys):
    migration = importlib.import_module("heritage.migrations.0007_user_email_canonical")
    keeper = account("sara@example.org", joined_days_ago=1)
    variant = account("SARA@Example.org", joined_days_ago=9)

    migration.users_canonicalise(apps, schema_editor=None)

    printed = capsys.readouterr().out
    assert f"Account #{variant.pk} held: 'SARA@Example.org'" in printed
    assert f"same address as #{keeper.pk}" in printed
    assert "1 account(s) held" in printed
