"""The editorial journey in Chromium: an editor writes a story in the Wagtail admin with an
artwork block and submits it to the Moderation workflow; a senior editor approves it; the
story is live and on the home page."""

import re

from django.contrib.auth.models import Group

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from cms.models import StoryIndexPage, StoryPage
from cms.services_moderation import EDITORS, SENIOR_EDITORS, moderation_workflow_ensure
from gallery.models import GalleryPage
from tests.factories import ArtworkFactory
from tests.two_factor import authenticator_for, totp_code

pytestmark = pytest.mark.e2e

EDITOR = {"email": "writer@tajikheritage.local", "password": "writer-pass-2026"}
SENIOR = {"email": "senior@tajikheritage.local", "password": "senior-pass-2026"}
TITLE = "Pomegranates after the war"


@pytest.fixture
def newsroom(site_pages, django_user_model):
    home = site_pages["home"]["en"]
    index = StoryIndexPage(title="Stories", slug="stories", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    gallery = GalleryPage(title="Gallery", slug="gallery")
    home.add_child(instance=gallery)
    gallery.save_revision().publish()
    artwork = ArtworkFactory(title="Pomegranate garden at dusk")
    moderation_workflow_ensure()
    writer = django_user_model.objects.create_user(**EDITOR)
    writer.groups.add(Group.objects.get(name=EDITORS))
    senior = django_user_model.objects.create_user(**SENIOR)
    senior.groups.add(Group.objects.get(name=SENIOR_EDITORS))
    # Everyone in the admin uses two-step sign-in; these two set it up long ago.
    authenticator_for(writer)
    authenticator_for(senior)
    return {"index": index, "artwork": artwork}


@pytest.fixture
def new_context(browser, live_server):
    contexts = []

    def make(width=1280):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, person):
    page.goto("/admin/login/")
    page.fill("input[name=username]", person["email"])
    page.fill("input[name=password]", person["password"])
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/accounts/two-factor/"))
    page.fill("input[name=code]", totp_code(TOTPDevice.objects.get(user__email=person["email"])))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_an_editor_writes_a_story_a_senior_editor_approves_it_and_it_is_on_the_home_page(
    newsroom, new_context
):
    index, artwork = newsroom["index"], newsroom["artwork"]

    # The editor writes the story, with the artwork as a card in its text.
    writer = new_context()
    sign_in(writer, EDITOR)
    writer.goto(f"/admin/pages/add/cms/storypage/{index.pk}/")
    writer.fill("#id_title", TITLE)
    writer.fill("#id_intro", "Nodira paints the garden her grandmother planted.")
    writer.locator("#body-root button.c-sf-add-button").first.click()
    writer.get_by_role("option", name="Artwork").click()
    writer.get_by_role("button", name="Choose artwork").click()
    writer.locator(".modal").get_by_role("link", name=artwork.title).click()
    expect(writer.locator("#body-root")).to_contain_text(artwork.title)
    writer.locator("footer [data-w-dropdown-target='toggle']").last.click()
    writer.get_by_role("button", name="Submit to Moderation").click()
    expect(writer.locator(".messages")).to_contain_text("submitted")
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live

    # A senior editor approves it from the page's editor; it goes live.
    senior = new_context()
    sign_in(senior, SENIOR)
    senior.goto(f"/admin/pages/{story.pk}/edit/")
    senior.locator("[data-w-dropdown-target='toggle']").last.click()
    senior.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(senior.locator(".messages")).to_contain_text(TITLE)
    story.refresh_from_db()
    assert story.live

    # A visitor on a phone finds it on the home page, with the artwork in the story.
    visitor = new_context(360)
    visitor.goto("/en/")
    link = visitor.locator(".home-stories").get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    link.click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator(".block-artwork")).to_contain_text(artwork.title)
    assert visitor.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
