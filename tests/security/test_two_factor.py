"""Everyone who may open the Wagtail admin types a code from an authenticator app (or a
recovery code) before it opens; buyers and artists are not asked."""

import re
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.services_moderation import EDITORS, editor_groups_ensure
from tests.factories import UserFactory
from tests.two_factor import authenticator_for, code_for_key, key_on_page, staff_login, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "ikat-Silk-Dushanbe-2024"
CODE_PAGE = "/en/accounts/two-factor/"


@pytest.fixture
def boss(db):
    return UserFactory(email="boss@tajikheritage.local", password=PASSWORD, is_superuser=True, is_staff=True)


def signed_in(user) -> Client:
    """A browser where `user` has typed her password on the admin's sign-in page."""
    browser = Client()
    response = browser.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return browser


def group_with(name: str, *codenames: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="shop", codename__in=codenames),
    )
    return group


def test_a_superuser_without_an_authenticator_is_sent_from_the_admin_to_set_one_up(boss):
    browser = signed_in(boss)

    response = browser.get("/admin/shop/orders/")

    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next=%2Fadmin%2Fshop%2Forders%2F"
    page = browser.get(response["Location"]).content.decode()
    assert "Set up two-step sign-in" in page
    assert re.search(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", page)  # the key in groups of four
    assert "<svg" in page
    assert "otpauth://totp/TajikHeritage%3Aboss%40tajikheritage.local?secret=" in page


def test_setting_up_with_a_right_code_opens_the_admin_after_her_recovery_codes(boss):
    browser = signed_in(boss)
    key = key_on_page(browser.get(CODE_PAGE).content.decode())

    response = browser.post(CODE_PAGE, {"code": code_for_key(key), "next": "/admin/shop/orders/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/two-factor/recovery-codes/?next=%2Fadmin%2Fshop%2Forders%2F"
    assert 'href="/admin/shop/orders/"' in browser.get(response["Location"]).content.decode()
    assert browser.get("/admin/shop/orders/").status_code == 200
    assert TOTPDevice.objects.get(user=boss).confirmed


def test_a_wrong_code_keeps_the_admin_shut(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"

    response = browser.post(CODE_PAGE, {"code": wrong})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert browser.get("/admin/").status_code == 302


def test_someone_with_only_the_password_never_sees_the_key_of_a_set_up_authenticator(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)

    page = browser.get(CODE_PAGE).content.decode()

    assert "Two-step sign-in" in page
    assert "otpauth://" not in page
    assert "<svg" not in page
    assert device.key not in page
    assert TOTPDevice.objects.filter(user=boss).count() == 1


def test_a_code_works_once(boss):
    device = authenticator_for(boss)
    code = totp_code(device)
    assert signed_in(boss).post(CODE_PAGE, {"code": code}).status_code == 302

    replay = signed_in(boss).post(CODE_PAGE, {"code": code})

    assert replay.status_code == 400


def test_many_wrong_codes_slow_the_guessing_down(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)
    for guess in ("000000", "111111", "222222"):
        browser.post(CODE_PAGE, {"code": guess})

    response = browser.post(CODE_PAGE, {"code": totp_code(device)})

    assert "Too many wrong codes" in response.content.decode()
    assert browser.get("/admin/").status_code == 302


def test_the_code_gives_the_session_a_new_key(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)
    before = browser.session.session_key

    browser.post(CODE_PAGE, {"code": totp_code(device)})

    assert browser.session.session_key != before


def test_the_code_is_asked_again_at_the_next_sign_in(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)
    browser.post(CODE_PAGE, {"code": totp_code(device)})
    browser.post("/admin/logout/")

    again = signed_in(boss)

    assert again.get("/admin/").status_code == 302


def test_a_clerk_who_may_see_orders_must_use_a_code(db):
    clerk = UserFactory(email="clerk@tajikheritage.local", password=PASSWORD)
    clerk.groups.add(group_with("Order clerks", "view_order", "change_order"))

    assert signed_in(clerk).get("/admin/").status_code == 302


def test_a_bookkeeper_who_may_record_payouts_must_use_a_code(db):
    bookkeeper = UserFactory(email="books@tajikheritage.local", password=PASSWORD)
    bookkeeper.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="shop", codename="add_payout"),
    )

    assert signed_in(bookkeeper).get("/admin/").status_code == 302


def test_an_editor_who_writes_pages_must_use_a_code_too(db):
    editor_groups_ensure()
    writer = UserFactory(email="writer@tajikheritage.local", password=PASSWORD)
    writer.groups.add(Group.objects.get(name=EDITORS))

    assert signed_in(writer).get("/admin/").status_code == 302
    assert Client().get(CODE_PAGE).status_code == 302  # signed out: to the sign-in page


def test_a_buyer_has_no_code_page(client):
    client.force_login(UserFactory())

    assert client.get(CODE_PAGE).status_code == 404


def test_the_code_page_never_sends_her_off_the_site(boss):
    device = authenticator_for(boss)
    browser = signed_in(boss)

    response = browser.post(CODE_PAGE, {"code": totp_code(device), "next": "https://evil.example/admin/"})

    assert response["Location"] == "/admin/"


def test_an_administrator_resets_a_lost_authenticator_and_she_sets_up_a_new_one(boss):
    authenticator_for(boss)
    out = StringIO()

    call_command("two_factor_reset", "Boss@TajikHeritage.local", stdout=out)

    assert "Removed 1 device" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=boss).exists()
    browser = signed_in(boss)
    assert "Set up two-step sign-in" in browser.get(CODE_PAGE).content.decode()


def test_resetting_an_unknown_address_says_so(db):
    with pytest.raises(Exception, match="No account"):
        call_command("two_factor_reset", "nobody@example.org")


def test_staff_signed_in_with_their_code_work_in_the_admin(boss, client):
    staff_login(client, boss)

    assert client.get("/admin/shop/orders/").status_code == 200
