"""How search engines find every language of a page: the sitemap's `xhtml:link` alternates,
`hreflang` links with an `x-default` on every page, canonical addresses that keep a list's
page number, and calendar files served only under their own language."""

import re
from xml.etree import ElementTree

import pytest

from cms.models import EventIndexPage
from tests.factories import _translate
from tests.gallery.gallery_fixtures import gallery_pages_build, work_make
from tests.gallery.portfolio_fixtures import artist_make

from .events_fixtures import event_make
from .events_fixtures import translate as event_translate

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def gallery():
    """The three-language site (home, about, artists, gallery) with one artist and her work."""
    pages = gallery_pages_build()
    artist = artist_make(display_name="Zarina Karimova", slug="zarina")
    work_make(artist, title="Pomegranate garden", slug="pomegranate-garden")
    return pages


def sitemap_alternates(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: address}} from /sitemap.xml, read as XML with its namespaces."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap
    found = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        found[location] = {link.get("hreflang"): link.get("href") for link in links}
    return found


def hreflang_links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def canonical_of(html: str) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)


def test_the_sitemap_links_every_page_to_its_translations_and_an_x_default(client, gallery):
    found = sitemap_alternates(client)

    base = "http://localhost"
    for code in ("en", "ru", "tg"):
        assert found[f"{base}/{code}/"] == {
            "en": f"{base}/en/",
            "ru": f"{base}/ru/",
            "tg": f"{base}/tg/",
            "x-default": f"{base}/en/",
        }
        work = f"{base}/{code}/gallery/zarina/pomegranate-garden/"
        assert found[work] == {
            "en": f"{base}/en/gallery/zarina/pomegranate-garden/",
            "ru": f"{base}/ru/gallery/zarina/pomegranate-garden/",
            "tg": f"{base}/tg/gallery/zarina/pomegranate-garden/",
            "x-default": f"{base}/en/gallery/zarina/pomegranate-garden/",
        }
        assert found[f"{base}/{code}/artists/zarina/"]["x-default"] == f"{base}/en/artists/zarina/"
    # Every address listed names all three languages and the default, each one listed too.
    for location, alternates in found.items():
        assert set(alternates) == {"en", "ru", "tg", "x-default"}, location
        assert location in alternates.values()
        assert set(alternates.values()) <= set(found)


def test_a_page_without_translations_lists_only_itself_and_the_x_default(client, gallery):
    events = EventIndexPage(title="Events", slug="events")
    gallery["en"].get_parent().add_child(instance=events)
    events.save_revision().publish()

    found = sitemap_alternates(client)

    assert found["http://localhost/en/events/"] == {
        "en": "http://localhost/en/events/",
        "x-default": "http://localhost/en/events/",
    }


@pytest.mark.parametrize(
    "path",
    ["/tg/", "/ru/gallery/", "/tg/artists/", "/tg/gallery/zarina/pomegranate-garden/", "/ru/artists/zarina/"],
)
def test_every_page_names_its_languages_and_an_x_default(client, gallery, path):
    html = client.get(path).content.decode()
    links = hreflang_links(html)

    assert set(links) == {"en", "ru", "tg", "x-default"}
    assert links["x-default"] == links["en"]
    assert links["tg"].startswith("http://localhost/tg/")


def test_the_canonical_address_of_a_list_keeps_its_page_number(client, gallery, settings):
    artist = artist_make(display_name="Malika", slug="malika")
    for n in range(30):
        work_make(artist, title=f"Study {n}", slug=f"study-{n}")

    second = client.get("/en/gallery/?page=2&sort=newest").content.decode()
    first = client.get("/en/gallery/?page=1").content.decode()
    plain = client.get("/en/gallery/").content.decode()

    assert canonical_of(second) == "http://localhost/en/gallery/?page=2"
    assert hreflang_links(second)["tg"] == "http://localhost/tg/gallery/?page=2"
    assert hreflang_links(second)["x-default"] == "http://localhost/en/gallery/?page=2"
    assert canonical_of(first) == canonical_of(plain) == "http://localhost/en/gallery/"


def test_an_event_calendar_file_is_served_only_under_its_own_language(client, gallery):
    home = gallery["en"].get_parent()
    events = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=events)
    events.save_revision().publish()
    tajik_home = gallery["tg"].get_parent()
    tajik_events = _translate(events, tajik_home.locale, title="Чорабиниҳо")
    event = event_make(events, title="Suzani for beginners", slug="suzani")
    tajik = event_translate(event, tajik_events, title="Сӯзанӣ барои навомӯзон")

    own = client.get(f"/en/events/{event.pk}.ics")
    other = client.get(f"/en/events/{tajik.pk}.ics")
    tajik_own = client.get(f"/tg/events/{tajik.pk}.ics")

    assert own.status_code == 200 and "SUMMARY:Suzani for beginners" in own.content.decode()
    assert other.status_code in (301, 302, 404)
    if other.status_code != 404:
        assert other["Location"] == f"/tg/events/{tajik.pk}.ics"
    assert tajik_own.status_code == 200 and "Сӯзанӣ барои навомӯзон" in tajik_own.content.decode()
