"""Stored cross-site scripting: markup, script-closing text and template syntax typed into
every field an artist or a buyer controls — her name, bio, statement, a work's title,
description and materials, a photo's description, a buyer's name, address and note, a
question to an artist, an event registration — is shown as text on every page that shows
it: the public site, the studio, the Wagtail admin screens editors use, CSV exports (no
cell a spreadsheet would run as a formula) and emails (plain text, one-line subjects)."""

import csv
import io

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from wagtail.search.index import insert_or_update_object

import pytest

from cms.events.services import registration_create
from cms.models import EventIndexPage
from shop.services.inquiries import inquiry_create
from shop.services.ledger import ledger_release
from tests.cms.events_fixtures import event_make
from tests.factories import ArtistFactory, ArtworkFactory, OfferFactory, UserFactory, order_paid
from tests.gallery.gallery_fixtures import gallery_pages_build
from tests.two_factor import staff_login

from .abuse import assert_no_live_payload

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CLOSE = "</script><script>alert(1)</script>"
TEMPLATE = "{{ request.user.email }}{% debug %}"
FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def world(db):
    """An approved artist and a published work with a payload in every field she fills, a
    paid order, a question and an event registration with a payload in every field a buyer
    or visitor fills."""
    mail.outbox.clear()
    pages = gallery_pages_build()
    home = pages["en"].get_parent()
    artist = ArtistFactory(
        display_name=f"Zarina{IMG}"[:80],
        slug="zarina",
        bio=f"{SCRIPT} {TEMPLATE}",
        statement=f"{IMG} {CLOSE}",
        payout_method="manual",
        payout_details=f"{FORMULA} {SCRIPT}",
        user__language="en",
    )
    work = ArtworkFactory(
        artist=artist,
        title=f"Suzani{CLOSE}",
        slug="suzani",
        description=f"{SCRIPT}\n{IMG}\n{TEMPLATE}",
        materials=f"Silk{IMG}",
    )
    image = work.images.get().image
    image.alt_text = f"Red{IMG}"
    image.save()
    insert_or_update_object(work)
    offer = OfferFactory(artwork=work)
    events = home.add_child(instance=EventIndexPage(title="Events", slug="whats-on"))
    events.save_revision().publish()
    event = event_make(events, title="Suzani workshop", slug="suzani-workshop", capacity=10)
    buyer = UserFactory(email="buyer@example.com")
    with TestCase.captureOnCommitCallbacks(execute=True):
        order = order_paid(
            (offer, 1),
            name=f"{FORMULA}{IMG}"[:120],
            address_line1=f"{SCRIPT}",
            address_line2=f"{IMG}",
            city=f"Dushanbe{SCRIPT}"[:100],
            region=f"{TEMPLATE}",
            note=f"{SCRIPT}\n{IMG}\n{TEMPLATE}",
            phone="+992 900 000 000",
        )
        order.user = buyer
        order.save(update_fields=["user"])
        # Her share is ready to pay, so the balances export has her row and bank details.
        ledger_release(order)
        inquiry = inquiry_create(
            artwork=work, name=f"Madina{IMG}", email="asker@example.com", body=f"{SCRIPT}\n{IMG}\n{TEMPLATE}"
        )
        registration = registration_create(event=event, name=f"{FORMULA}{IMG}"[:120], email="v@example.com")
    return {
        "artist": artist,
        "work": work,
        "offer": offer,
        "order": order,
        "inquiry": inquiry,
        "event": event,
        "registration": registration,
        "buyer": buyer,
    }


def live_payloads(client, paths) -> list:
    """The pages (of `paths`) that did not answer 200 or showed a payload as markup."""
    found = []
    for path in paths:
        response = client.get(path)
        text = response.content.decode()
        try:
            assert response.status_code == 200, response.status_code
            assert_no_live_payload(text, path)
        except AssertionError as error:
            found.append((path, str(error).splitlines()[0]))
    return found


def test_public_pages_show_every_payload_as_text(client, world):
    paths = [
        "/en/",
        "/en/gallery/",
        "/en/gallery/?q=suzani",
        "/en/gallery/zarina/suzani/",
        "/en/artists/",
        "/en/artists/zarina/",
        "/en/search/?q=suzani",
        f"/en/shop/ask/{world['work'].pk}/",
        f"/en/shop/orders/{world['order'].token}/",
        f"/en/shop/inquiries/{world['inquiry'].token}/",
        f"/en/events/registrations/{world['registration'].token}/cancel/",
        "/en/whats-on/suzani-workshop/",
    ]
    assert live_payloads(client, paths) == []
    client.force_login(world["buyer"])
    client.post(f"/en/saved/artworks/{world['work'].pk}/save/")
    client.post(f"/en/saved/artists/{world['artist'].pk}/follow/")
    assert live_payloads(client, ["/en/saved/", "/en/shop/orders/", "/en/shop/cart/"]) == []


def test_the_artwork_page_keeps_template_syntax_as_text_and_json_ld_closed(client, world):
    text = client.get("/en/gallery/zarina/suzani/").content.decode()
    assert "{{ request.user.email }}{% debug %}" in text
    jsonld = text.split('<script type="application/ld+json" id="artwork-jsonld">', 1)[1].split(
        "</script>", 1
    )[0]
    assert "<" not in jsonld and ">" not in jsonld
    assert "Suzani\\u003c/script\\u003e" in jsonld


def test_the_studio_shows_every_payload_as_text(client, world):
    work, order, inquiry = world["work"], world["order"], world["inquiry"]
    client.force_login(world["artist"].user)
    paths = [
        "/en/studio/",
        "/en/studio/profile/",
        "/en/studio/artworks/",
        f"/en/studio/artworks/{work.pk}/",
        f"/en/studio/shop/artworks/{work.pk}/offers/",
        f"/en/studio/shop/artworks/{work.pk}/offers/{world['offer'].pk}/",
        "/en/studio/shop/orders/",
        f"/en/studio/shop/orders/{order.pk}/",
        "/en/studio/shop/earnings/",
        "/en/studio/shop/inquiries/",
        f"/en/studio/shop/inquiries/{inquiry.pk}/",
    ]
    assert live_payloads(client, paths) == []


def test_a_javascript_link_is_refused_as_her_website(client, world):
    artist = world["artist"]
    client.force_login(artist.user)
    for link in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"):
        client.post(
            "/en/studio/profile/",
            {"display_name": "Zarina", "bio": "", "statement": "", "region": "sughd", "website": link},
        )
        artist.refresh_from_db()
        assert not artist.website.lower().startswith(("javascript", "data")), link
    portfolio = client.get("/en/artists/zarina/").content.decode()
    assert 'href="javascript' not in portfolio.lower()


def test_the_admin_screens_editors_use_show_every_payload_as_text(client, world):
    artist, work, order, event = world["artist"], world["work"], world["order"], world["event"]
    staff_login(client, UserFactory(email="editor@example.org", is_staff=True, is_superuser=True))
    paths = [
        reverse("artists_admin:list"),
        reverse("artists_admin:edit", args=[artist.pk]),
        reverse("artists_admin:review", args=[artist.pk]),
        reverse("artworks_admin:list"),
        reverse("artworks_admin:edit", args=[work.pk]),
        reverse("artworks_admin:review", args=[work.pk]),
        reverse("shop_orders:index"),
        reverse("shop_orders:inspect", args=[order.pk]),
        reverse("shop_balances:index"),
        "/admin/shop/ledger/",
        "/admin/shop/offers/",
        reverse("event_registrations:index"),
        reverse("event_registrations:event", args=[event.pk]),
        f"/admin/pages/{event.pk}/edit/",
        "/admin/images/",
        f"/admin/images/{work.images.get().image_id}/",
    ]
    assert live_payloads(client, paths) == []


def test_csv_exports_neutralise_formulas(client, world):
    staff_login(client, UserFactory(email="editor@example.org", is_staff=True, is_superuser=True))
    exports = [
        reverse("event_registrations:csv", args=[world["event"].pk]),
        reverse("shop_balances:csv"),
    ]
    cells = []
    for path in exports:
        response = client.get(path)
        assert response.status_code == 200, path
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) > 1, f"{path} exports the payload's row"
        cells += [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells), "the registrant's name is exported"


def test_each_page_shows_the_payload_as_visible_text(client, world):
    """The checks above see the fields at all: each page carries its payload, escaped."""
    escaped_script = "&lt;script&gt;alert(1)&lt;/script&gt;"
    escaped_img = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
    public = {
        "/en/artists/zarina/": escaped_script,
        "/en/gallery/zarina/suzani/": escaped_script,
        f"/en/shop/inquiries/{world['inquiry'].token}/": escaped_script,
        f"/en/shop/orders/{world['order'].token}/": escaped_img,
    }
    for path, expected in public.items():
        assert expected in client.get(path).content.decode(), path
    artwork_page = client.get("/en/gallery/zarina/suzani/").content.decode()
    for field in ("Red" + escaped_img, "Silk" + escaped_img, "Zarina" + escaped_img, "Suzani&lt;/script&gt;"):
        assert field in artwork_page, field
    client.force_login(world["artist"].user)
    studio = {
        f"/en/studio/shop/orders/{world['order'].pk}/": escaped_script,
        f"/en/studio/shop/inquiries/{world['inquiry'].pk}/": escaped_script,
        f"/en/studio/artworks/{world['work'].pk}/": escaped_script,
    }
    for path, expected in studio.items():
        assert expected in client.get(path).content.decode(), path
    staff_login(client, UserFactory(email="editor@example.org", is_staff=True, is_superuser=True))
    admin = {
        reverse("shop_orders:inspect", args=[world["order"].pk]): escaped_script,
        reverse("artists_admin:review", args=[world["artist"].pk]): escaped_script,
        reverse("event_registrations:event", args=[world["event"].pk]): "HYPERLINK",
    }
    for path, expected in admin.items():
        assert expected in client.get(path).content.decode(), path


def test_emails_are_plain_text_with_one_line_subjects(world):
    assert mail.outbox, "the order, the question and the registration each send mail"
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", None), message.subject
        assert "\n" not in message.subject and "\r" not in message.subject


def test_the_checker_itself_catches_live_payloads_and_passes_escaped_ones():
    jsonld_broken_out = f'<script type="application/ld+json">{{"name": "{CLOSE}"}}</script>'
    for raw in (SCRIPT, f"<p>{IMG}</p>", jsonld_broken_out):
        with pytest.raises(AssertionError):
            assert_no_live_payload(raw)
    for escaped in (
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        '<img alt="Red&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" src="/media/red.jpg">',
        '<script type="application/ld+json">{"name": "\\u003c/script\\u003e"}</script>',
    ):
        assert_no_live_payload(escaped)


def test_emails_show_what_people_typed_as_they_typed_it(world):
    """Plain text is not HTML: a name like O'Brien or a title with <angle brackets> reaches
    the inbox as typed, not as HTML entities."""
    bodies = "\n".join(message.body for message in mail.outbox)
    for entity in ("&lt;", "&gt;", "&#x27;", "&quot;", "&amp;"):
        assert entity not in bodies


def test_a_portfolio_never_links_to_a_script_whatever_her_links_hold(client, world):
    """Forms refuse such links; a value that got in another way (an import, an old row) still
    gives no `javascript:` link."""
    from artists.models import ArtistProfile

    ArtistProfile.objects.filter(pk=world["artist"].pk).update(
        website="javascript:alert(1)",
        instagram="javascript:alert(1)",
        telegram='https://t.me/x" onclick=alert(1)',
    )
    text = client.get("/en/artists/zarina/").content.decode()
    assert_no_live_payload(text, "portfolio")
    assert 'href="javascript' not in text.lower()


@pytest.mark.parametrize("payload", [SCRIPT, IMG, CLOSE, f"/{IMG}"])
def test_what_a_visitor_types_into_an_address_comes_back_as_text(client, world, payload):
    """Reflected XSS: the search boxes, filters, `next=` and the 404 page repeat what was
    typed, escaped."""
    paths = [
        f"/en/gallery/?q={payload}&sort={payload}&medium={payload}",
        f"/en/search/?q={payload}",
        f"/en/artists/?region={payload}",
        f"/en/accounts/login/?next={payload}",
        f"/en/accounts/signup/?next={payload}",
        f"/en/shop/cart/?country={payload}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_live_payload(response.content.decode(), path)
    missing = client.get(f"/en/no-such-page-{payload}/")
    assert missing.status_code == 404
    assert_no_live_payload(missing.content.decode(), "404 page")


def test_stories_and_campaigns_that_show_her_work_show_the_payloads_as_text(client, world):
    from cms.models import StoryIndexPage
    from tests.cms.editorial import artist_block, artwork_block, campaign_make, paragraph, publish, story_make

    home = world["event"].get_parent().get_parent()
    index = home.add_child(instance=StoryIndexPage(title="Stories", slug="stories"))
    publish(index)
    campaign = campaign_make(index, title="Her own money", slug="her-own-money", artworks=[world["work"]])
    story_make(
        index,
        title="Zarina embroiders again",
        slug="zarina-embroiders-again",
        body=[paragraph("Her words."), artist_block(world["artist"]), artwork_block(world["work"])],
        campaign=campaign,
    )
    paths = ["/en/stories/", "/en/stories/her-own-money/", "/en/stories/zarina-embroiders-again/"]
    assert live_payloads(client, paths) == []
    story = client.get("/en/stories/zarina-embroiders-again/").content.decode()
    assert "Zarina&quot;&gt;&lt;img" in story
