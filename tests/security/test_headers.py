"""Every kind of page answers with the site's security headers, and its HTML needs nothing
the Content-Security-Policy forbids: no inline script code, no on…= handlers, no style
attributes or elements, no javascript: links. One demo seed serves the whole module."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings as django_settings
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from artists.models import ArtistProfile
from cms.models import (
    CampaignPage,
    EventIndexPage,
    EventPage,
    HomePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from gallery.models import ArtistIndexPage, Artwork, ExhibitionIndexPage, ExhibitionPage, GalleryPage
from shop.models import Offer, Order
from tests.demo.test_seed_demo import _seeded_site  # noqa: F401 - fixture
from tests.factories import UserFactory

PUBLIC_KINDS = [
    "home",
    "standard page",
    "gallery",
    "artwork",
    "artist index",
    "portfolio",
    "exhibition index",
    "exhibition",
    "story index",
    "story",
    "campaign",
    "event index",
    "event",
    "search",
    "cart",
    "checkout",
    "order",
    "sign-in",
    "sign-up",
    "password reset",
    "not found",
]
STUDIO_KINDS = [
    "studio",
    "studio profile",
    "studio artworks",
    "studio new artwork",
    "studio artwork",
    "studio offers",
    "studio orders",
    "studio earnings",
    "studio inquiries",
]
PAGE_TYPES = {
    "home": HomePage,
    "standard page": StandardPage,
    "gallery": GalleryPage,
    "artist index": ArtistIndexPage,
    "exhibition index": ExhibitionIndexPage,
    "exhibition": ExhibitionPage,
    "story index": StoryIndexPage,
    "story": StoryPage,
    "campaign": CampaignPage,
    "event index": EventIndexPage,
    "event": EventPage,
}
# Script types a browser treats as data, never runs.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}


def page_url(page_type, language: str = "en") -> str:
    """The address of the first live page of a Wagtail page type in `language`."""
    page = page_type.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo site has no live {page_type.__name__} in {language}"
    return page.url


def studio_artist() -> ArtistProfile:
    """An approved demo artist who has sold something, so her studio has orders and earnings
    to show; demo artists have no account, so she is given one."""
    artist = ArtistProfile.objects.approved().filter(order_lines__isnull=False).order_by("pk").first()
    if artist.user is None:
        artist.user = UserFactory(email_verified_at=timezone.now())
        artist.save(update_fields=["user"])
    return artist


def url_for(kind: str, client) -> str:
    """The address of one page of `kind` on the demo site, preparing the client's cart or
    session where the page needs one."""
    if kind in PAGE_TYPES:
        return page_url(PAGE_TYPES[kind])
    if kind == "artwork":
        artwork = Artwork.objects.filter(status=Artwork.Status.PUBLISHED).first()
        gallery = client.get(page_url(GalleryPage)).content.decode()
        return re.search(rf'href="(/en/gallery/[^"/]+/{re.escape(artwork.slug)}/)"', gallery).group(1)
    if kind == "portfolio":
        return f"/en/artists/{ArtistProfile.objects.approved().first().slug}/"
    if kind == "search":
        return "/en/search/?q=suzani"
    if kind == "cart":
        return reverse("shop:cart")
    if kind == "checkout":
        offer = Offer.objects.buyable().first()
        client.post(reverse("shop:cart-add"), {"offer": offer.pk})
        return reverse("shop:checkout")
    if kind == "order":
        return reverse("shop:order-detail", kwargs={"token": Order.objects.first().token})
    if kind == "sign-in":
        return reverse("accounts:login")
    if kind == "sign-up":
        return reverse("accounts:signup")
    if kind == "password reset":
        return reverse("accounts:password-reset")
    if kind == "not found":
        return "/en/no-such-page/"
    artist = studio_artist()
    client.force_login(artist.user)
    artwork = artist.artworks.order_by("pk").first()
    studio = {
        "studio": reverse("artists:studio"),
        "studio profile": reverse("artists:profile-edit"),
        "studio artworks": reverse("gallery:artwork-list"),
        "studio new artwork": reverse("gallery:artwork-create"),
        "studio artwork": reverse("gallery:artwork-edit", args=[artwork.pk]),
        "studio offers": reverse("shop_studio:offers", args=[artwork.pk]),
        "studio orders": reverse("shop_studio:orders"),
        "studio earnings": reverse("shop_studio:earnings"),
        "studio inquiries": reverse("shop_studio:inquiries"),
    }
    return studio[kind]


@pytest.fixture(scope="module")
def _pages_warm(_seeded_site, django_db_blocker):  # noqa: F811 - the fixture imported above
    """Every page visited once inside the module's seed, so that the renditions they show are
    made once for the module rather than once per test."""
    client = Client()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_seeded_site["media"]):
        for kind in PUBLIC_KINDS + STUDIO_KINDS:
            client.get(url_for(kind, client))
    return _seeded_site


@pytest.fixture
def seeded(_pages_warm, db, settings):
    settings.MEDIA_ROOT = _pages_warm["media"]


def csp_directives(header: str) -> dict[str, list[str]]:
    """`default-src 'self'; img-src 'self' data:` → {"default-src": ["'self'"], …}."""
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


class InlineCodeFinder(HTMLParser):
    """Collects what a strict Content-Security-Policy would refuse to run or apply."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> handler")
            elif name == "style":
                self.found.append(f'<{tag} style="{value}">')
            elif name in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            self._in_inline_script = kind not in DATA_SCRIPT_TYPES

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.found.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def test_the_scan_finds_inline_code_handlers_styles_and_script_links():
    html = """
      <script>alert(1)</script><script src="/static/js/ok.js"></script>
      <script type="application/ld+json">{"@type": "VisualArtwork"}</script>
      <button onclick="go()">Go</button><p style="color: red">Red</p><style>p {}</style>
      <a href=" JavaScript:alert(1)">x</a><a href="/en/gallery/">Gallery</a>
    """

    found = inline_code(html)

    assert found == [
        "inline <script>: alert(1)",
        "<button onclick=…> handler",
        '<p style="color: red">',
        "<style> element",
        "<a href=' JavaScript:alert(1)'>",
    ]


def test_no_site_template_holds_inline_code():
    """Read as written, so that pages the demo walk does not reach (errors, "try again later",
    account e-mails' landing pages) are held to the policy too. The Wagtail admin's own
    screens are outside the policy, and e-mails are not pages."""
    templates = Path(django_settings.BASE_DIR) / "templates"
    found = {}
    for path in sorted(templates.rglob("*.html")):
        if {"admin", "email"} & set(path.relative_to(templates).parts):
            continue
        if problems := inline_code(path.read_text(encoding="utf-8")):
            found[str(path.relative_to(templates))] = problems

    assert found == {}


def assert_security_headers(response, where: str) -> None:
    csp = response.headers.get("Content-Security-Policy")
    assert csp, f"{where}: no Content-Security-Policy"
    directives = csp_directives(csp)
    assert directives["default-src"] == ["'self'"], where
    assert directives["script-src"] == ["'self'"], where
    assert directives["style-src"] == ["'self'"], where
    assert directives["object-src"] == ["'none'"], where
    assert directives["frame-ancestors"] == ["'none'"], where
    assert directives["base-uri"] == ["'self'"], where
    assert directives["form-action"][0] == "'self'", where
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(csp.split()), where
    assert "nonce-" not in csp, f"{where}: a nonce cannot live in a shared page cache"
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, f"{where}: {feature} is not switched off"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", where
    assert response.headers.get("X-Frame-Options") == "DENY", where


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PUBLIC_KINDS + STUDIO_KINDS)
def test_every_kind_of_page_sends_the_security_headers(seeded, client, kind):
    url = url_for(kind, client)

    response = client.get(url)

    assert response.status_code == (404 if kind == "not found" else 200), url
    assert_security_headers(response, url)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PUBLIC_KINDS + STUDIO_KINDS)
def test_no_page_needs_inline_script_handlers_or_style_attributes(seeded, client, kind):
    url = url_for(kind, client)

    html = client.get(url).content.decode()

    assert inline_code(html) == [], url


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_translated_pages_are_as_clean_as_english_ones(seeded, client, language):
    for page_type in (HomePage, StoryPage, EventPage, ExhibitionPage):
        url = page_url(page_type, language)
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
        assert inline_code(response.content.decode()) == [], url
