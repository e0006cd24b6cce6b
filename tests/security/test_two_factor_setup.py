"""Setting up two-step sign-in cannot be hijacked, and recovery codes replace a lost phone.

The key shown while she sets up her authenticator belongs to the browser that opened the page
and lives only until she confirms it; after that, no other key opens her account. Ten
recovery codes, each good once, let her in when her phone is gone.
"""

import logging
import re
from base64 import b32decode

from django.contrib.auth.models import Group
from django.test import Client

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.services_moderation import EDITORS, editor_groups_ensure
from tests.factories import UserFactory
from tests.two_factor import authenticator_for, code_for_key, key_on_page, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "atlas-Khujand-Loom-1998"
CODE_PAGE = "/en/accounts/two-factor/"
RECOVERY_PAGE = "/en/accounts/two-factor/recovery-codes/"
RECOVERY_CODE = re.compile(r'<li class="recovery-code"><code>([a-z2-7]{4}-[a-z2-7]{4})</code>')


@pytest.fixture
def editor(db):
    editor_groups_ensure()
    user = UserFactory(email="zarina@tajikheritage.local", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def signed_in(user) -> Client:
    """A browser where `user` has typed her password on the admin's sign-in page."""
    browser = Client()
    response = browser.post("/admin/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return browser


def enrolled(user) -> tuple[Client, list[str]]:
    """She sets up her authenticator from the page; returns her browser and the recovery codes
    shown to her afterwards."""
    browser = signed_in(user)
    key = key_on_page(browser.get(CODE_PAGE).content.decode())
    response = browser.post(CODE_PAGE, {"code": code_for_key(key), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(RECOVERY_PAGE)
    codes = RECOVERY_CODE.findall(browser.get(response["Location"]).content.decode())
    return browser, codes


def test_every_staff_member_with_admin_access_must_enrol(editor):
    browser = signed_in(editor)

    response = browser.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(CODE_PAGE)
    assert "Set up two-step sign-in" in browser.get(CODE_PAGE).content.decode()


def test_a_person_without_admin_access_is_not_asked_to_enrol(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(CODE_PAGE).status_code == 404


def test_two_sessions_opening_setup_see_different_keys(editor):
    first = key_on_page(signed_in(editor).get(CODE_PAGE).content.decode())
    second = key_on_page(signed_in(editor).get(CODE_PAGE).content.decode())

    assert first != second


def test_each_visit_to_setup_shows_a_fresh_key_kept_in_that_session_only(editor):
    browser = signed_in(editor)

    first = key_on_page(browser.get(CODE_PAGE).content.decode())
    second = key_on_page(browser.get(CODE_PAGE).content.decode())

    assert first != second
    # No pending device another session could read.
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert browser.post(CODE_PAGE, {"code": code_for_key(first)}).status_code == 400
    assert browser.post(CODE_PAGE, {"code": code_for_key(second)}).status_code == 302


def test_the_first_key_does_not_work_after_the_second_session_confirms(editor):
    intruder = signed_in(editor)
    intruders_key = key_on_page(intruder.get(CODE_PAGE).content.decode())
    owner = signed_in(editor)
    owners_key = key_on_page(owner.get(CODE_PAGE).content.decode())
    assert owner.post(CODE_PAGE, {"code": code_for_key(owners_key)}).status_code == 302

    response = intruder.post(CODE_PAGE, {"code": code_for_key(intruders_key)})

    assert response.status_code == 400
    assert intruder.get("/admin/").status_code == 302
    later = signed_in(editor)
    assert later.post(CODE_PAGE, {"code": code_for_key(intruders_key, offset=1)}).status_code == 400
    assert later.get("/admin/").status_code == 302
    [device] = TOTPDevice.objects.filter(user=editor)
    assert device.confirmed
    assert code_for_key(owners_key, offset=1) == totp_code(device, offset=1)


def test_the_pending_key_is_discarded_on_confirmation(editor):
    browser = signed_in(editor)
    key = key_on_page(browser.get(CODE_PAGE).content.decode())
    key_hex = b32decode(key + "=" * (-len(key) % 8)).hex()

    browser.post(CODE_PAGE, {"code": code_for_key(key)})

    remembered = " ".join(str(value) for value in browser.session.values())
    assert key not in remembered.upper()
    assert key_hex not in remembered.lower()
    # Opening the page again, now that she has an authenticator, shows no key at all.
    assert browser.get(CODE_PAGE).status_code == 302
    assert "otpauth://" not in signed_in(editor).get(CODE_PAGE).content.decode()


def test_enrolment_shows_ten_recovery_codes_once(editor):
    browser, codes = enrolled(editor)

    assert len(codes) == len(set(codes)) == 10
    again = browser.get(RECOVERY_PAGE).content.decode()
    assert not RECOVERY_CODE.findall(again)
    assert "10 recovery codes left" in again


def test_a_recovery_code_signs_her_in_once_and_says_how_many_remain(editor, caplog):
    _browser, codes = enrolled(editor)
    browser = signed_in(editor)

    with caplog.at_level(logging.WARNING, logger="heritage.accounts"):
        response = browser.post(CODE_PAGE, {"code": codes[3].upper(), "next": "/admin/"}, follow=True)

    assert response.redirect_chain[-1][0] == "/admin/"
    assert response.status_code == 200
    assert "9 recovery codes left" in response.content.decode()
    logged = [record.getMessage() for record in caplog.records]
    assert any("recovery code" in line and editor.email in line for line in logged)
    assert signed_in(editor).post(CODE_PAGE, {"code": codes[4].replace("-", "")}).status_code == 302
    replay = signed_in(editor)
    assert replay.post(CODE_PAGE, {"code": codes[3]}).status_code == 400
    assert replay.get("/admin/").status_code == 302


def test_she_makes_new_recovery_codes_after_typing_a_code_and_the_old_ones_stop_working(editor):
    browser, old_codes = enrolled(editor)
    device = TOTPDevice.objects.get(user=editor)

    refused = browser.post(RECOVERY_PAGE, {"code": "zzzz-zzzz"})
    assert refused.status_code == 400
    assert not RECOVERY_CODE.findall(refused.content.decode())

    response = browser.post(RECOVERY_PAGE, {"code": totp_code(device, offset=1)})

    new_codes = RECOVERY_CODE.findall(response.content.decode())
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    assert signed_in(editor).post(CODE_PAGE, {"code": old_codes[0]}).status_code == 400


def test_recovery_codes_page_needs_a_verified_session(editor):
    authenticator_for(editor)
    browser = signed_in(editor)

    response = browser.get(RECOVERY_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith(CODE_PAGE)
