"""An editor's two-step sign-in in Chromium: she sets up her authenticator from the page (the
test computes the code from the key shown, as her app would), is shown her recovery codes, signs
out, signs in again with her password and a recovery code, and downloads a private document —
which her password alone did not open."""

import re

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

import pytest
from playwright.sync_api import expect

from cms.services_moderation import EDITORS, editor_groups_ensure
from tests.factories import build_site, root_collection
from tests.two_factor import code_for_key

pytestmark = pytest.mark.e2e

EDITOR = {"email": "dilnoza@tajikheritage.local", "password": "gulkori-Istaravshan-2026"}
SLIP = b"%PDF-1.4 payout to Malika, bank slip 2026-11"


@pytest.fixture
def private_slip(transactional_db, django_user_model):
    """An editor without two-step sign-in yet, and a bank slip in a private collection."""
    cache.clear()
    build_site(("en",))
    editor_groups_ensure()
    editor = django_user_model.objects.create_user(**EDITOR)
    editor.groups.add(Group.objects.get(name=EDITORS))
    finance = root_collection().add_child(name="Finance")
    CollectionViewRestriction.objects.create(
        collection=finance, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Bank slip", file=ContentFile(SLIP, name="slip.pdf"), collection=finance
    )


def password_sign_in(page) -> None:
    page.goto("/admin/login/")
    page.fill("input[name=username]", EDITOR["email"])
    page.fill("input[name=password]", EDITOR["password"])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/two-factor/"))


def test_an_editor_enrols_signs_in_with_a_recovery_code_and_downloads_a_private_document(
    browser, live_server, private_slip
):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()

    # First sign-in: the admin asks her to set up an authenticator app.
    password_sign_in(page)
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    key = page.locator(".two-factor-secret").inner_text().replace(" ", "")
    # Her password alone does not open the private document.
    refused = page.request.get(private_slip.url, max_redirects=0)
    assert refused.status == 302
    assert "/accounts/two-factor/" in refused.headers["location"]
    assert SLIP not in refused.body()
    page.fill("input[name=code]", code_for_key(key))
    page.get_by_role("button", name="Continue").click()

    # She is shown ten recovery codes, once.
    page.wait_for_url(re.compile(r"/accounts/two-factor/recovery-codes/"))
    codes = page.locator(".recovery-code code").all_inner_texts()
    assert len(set(codes)) == 10
    page.get_by_role("link", name="I have saved them — continue").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # She signs out, then in again with her password and a recovery code (her phone is away).
    page.goto("/en/accounts/")
    page.locator("#main").get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    password_sign_in(page)
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("9 recovery codes left")).to_be_visible()

    # The private document now downloads.
    download = page.request.get(private_slip.url)
    assert download.status == 200
    assert download.body() == SLIP
    context.close()
