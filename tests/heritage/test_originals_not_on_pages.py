"""No public page of the demo site, in any language, leads to an original: every address in
src, srcset, href, og:image and JSON-LD is fetched, as a visitor would, and none of them
answers with an original's bytes."""

import hashlib
import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.http import Http404
from django.test import Client, RequestFactory
from django.views.static import serve

import pytest

from cms.models import EventPage, HomePage, StoryPage
from gallery.models import ArtistIndexPage, Artwork, ExhibitionPage, GalleryPage
from heritage.models import CustomImage
from tests.demo.test_seed_demo import _seeded_site  # noqa: F401 - fixture

LANGUAGES = ("en", "ru", "tg")
PAGE_TYPES = (HomePage, GalleryPage, ArtistIndexPage, ExhibitionPage, StoryPage, EventPage)
URL_ATTRIBUTES = {"src", "href", "content", "poster", "data-src", "data-full"}


class AddressCollector(HTMLParser):
    """Every address a page names: attributes, srcset candidates and strings in JSON-LD."""

    def __init__(self):
        super().__init__()
        self.urls: set[str] = set()
        self._json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if not value:
                continue
            if name in URL_ATTRIBUTES:
                self.urls.add(value)
            elif name in {"srcset", "imagesrcset"}:
                self.urls.update(part.split()[0] for part in value.split(",") if part.strip())
        self._json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._json_ld:
            self.urls.update(_json_strings(json.loads(data)))

    def handle_endtag(self, tag):
        self._json_ld = False


def _json_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif isinstance(value, str) and (value.startswith("/") or value.startswith("http")):
        yield value


def page_addresses(html: str) -> set[str]:
    collector = AddressCollector()
    collector.feed(html)
    return collector.urls


def fetch(client, url: str, settings) -> tuple[int, bytes]:
    """What a visitor gets at `url`: media from the public media folder as the web server
    publishes it, anything else from the site, without signing in."""
    path = urlsplit(url).path
    if path.startswith(settings.MEDIA_URL):
        try:
            response = serve(RequestFactory().get(path), path[len(settings.MEDIA_URL) :], settings.MEDIA_ROOT)
        except Http404:
            return 404, b""
    else:
        response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, content


def public_page_urls() -> list[str]:
    urls = []
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            page = page_type.objects.live().filter(locale__language_code=language).order_by("path").first()
            assert page is not None, f"no live {page_type.__name__} in {language}"
            urls.append(page.url)
        artist = ArtistIndexPage.objects.live().filter(locale__language_code=language).first()
        artwork = Artwork.objects.filter(status=Artwork.Status.PUBLISHED).order_by("pk").first()
        urls.append(f"{artist.url}{artwork.artist.slug}/")
        gallery = GalleryPage.objects.live().filter(locale__language_code=language).first()
        urls.append(f"{gallery.url}{artwork.artist.slug}/{artwork.slug}/")
    return urls


def is_own(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in {"", "http", "https"}
        and parts.netloc in {"", "testserver"}
        and parts.path.startswith("/")
    )


@pytest.mark.django_db
def test_no_address_on_a_public_page_serves_an_original(_seeded_site, settings):  # noqa: F811
    settings.MEDIA_ROOT = _seeded_site["media"]
    originals = {}
    for image in CustomImage.objects.all():
        with image.open_file() as f:
            originals[hashlib.sha256(f.read()).hexdigest()] = image.file.name
    assert originals, "the demo site has images"

    client = Client()
    pages = public_page_urls()
    addresses: set[str] = set()
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        addresses |= {a for a in page_addresses(response.content.decode()) if is_own(a)}
    media = {a for a in addresses if urlsplit(a).path.startswith(settings.MEDIA_URL)}
    assert len(media) > 20, "the pages show renditions"
    assert any("og:image" in client.get(url).content.decode() for url in pages[:1])

    leaks = []
    for address in sorted(addresses - set(pages)):
        if urlsplit(address).path.startswith(("/static/", "/admin/")):
            continue
        status, content = fetch(client, address, settings)
        digest = hashlib.sha256(content).hexdigest()
        if status == 200 and digest in originals:
            leaks.append((address, originals[digest]))
    assert leaks == []
    assert not any("original_images" in a for a in addresses)

    # The guess: a rendition's name shows its original's; the original is not there to take.
    rendition_names = {urlsplit(a).path[len(settings.MEDIA_URL) :] for a in media}
    guessed = CustomImage.objects.filter(renditions__file__in=rendition_names).distinct()
    assert guessed.exists()
    for image in guessed:
        assert fetch(client, settings.MEDIA_URL + image.file.name, settings)[0] == 404, image.file.name
