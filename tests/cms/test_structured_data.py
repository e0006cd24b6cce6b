"""What search engines are told about each kind of page: schema.org JSON-LD in data blocks
(`<script type="application/ld+json">`, which the strict CSP allows because browsers never run
them), read back here with an HTML parser and checked field by field."""

import json
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

from django.utils import timezone

import pytest

from cms.models import EventIndexPage
from gallery.models import (
    ArtistIndexPage,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionSection,
    GalleryPage,
)
from tests.factories import ImageFactory, OfferFactory, build_site, order_paid
from tests.gallery.gallery_fixtures import work_make
from tests.gallery.portfolio_fixtures import artist_make

from .editorial import publish, story_index_make, story_make
from .events_fixtures import dushanbe, event_make

pytestmark = pytest.mark.django_db

CLOSE = "</script><script>alert(1)</script>"


class _JsonLdReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def jsonld_on(client, url: str) -> dict[str, dict]:
    """The page's JSON-LD objects by `@type` (the page must answer 200)."""
    response = client.get(url)
    assert response.status_code == 200, url
    reader = _JsonLdReader()
    reader.feed(response.content.decode())
    found = {}
    for block in reader.blocks:
        data = json.loads(block)
        assert data["@context"] == "https://schema.org"
        found[data["@type"]] = data
    return found


@pytest.fixture
def site():
    pages = build_site(locales=("en",))
    home = pages["home"]["en"]
    return {
        "pages": pages,
        "home": home,
        "artists": publish(home.add_child(instance=ArtistIndexPage(title="Artists", slug="artists"))),
        "gallery": publish(home.add_child(instance=GalleryPage(title="Gallery", slug="gallery"))),
    }


@pytest.fixture
def zarina():
    return artist_make(
        display_name="Zarina Karimova",
        slug="zarina",
        bio="She embroiders suzani in Istaravshan.",
        instagram="@zarina.suzani",
        telegram="https://t.me/zarina_art",
        website="https://zarina.example.org/",
        phone="+992 93 555 12 34",
    )


def test_an_artwork_for_sale_offers_its_price_in_somoni_and_is_in_stock(client, site, zarina):
    work = work_make(zarina, title="Pomegranate garden", slug="pomegranate-garden")
    OfferFactory(artwork=work, price_amount=150_050)
    OfferFactory(artwork=work, price_amount=900_000, kind="print", edition_size=10, stock=10)

    artwork = jsonld_on(client, "/en/gallery/zarina/pomegranate-garden/")["VisualArtwork"]

    offer = artwork["offers"]
    assert offer["@type"] == "Offer"
    assert offer["price"] == "1500.50"
    assert offer["priceCurrency"] == "TJS"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"] == artwork["url"] == "http://localhost/en/gallery/zarina/pomegranate-garden/"


def test_a_sold_artwork_says_sold_out_and_one_not_for_sale_offers_nothing(client, site, zarina):
    sold = work_make(zarina, title="Sold", slug="sold")
    order_paid((OfferFactory(artwork=sold, price_amount=200_000), 1), payment_method="bank_transfer")
    work_make(zarina, title="Kept", slug="kept")

    offer = jsonld_on(client, "/en/gallery/zarina/sold/")["VisualArtwork"]["offers"]
    kept = jsonld_on(client, "/en/gallery/zarina/kept/")["VisualArtwork"]

    assert offer["availability"] == "https://schema.org/SoldOut"
    assert offer["price"] == "2000.00" and offer["priceCurrency"] == "TJS"
    assert "offers" not in kept


def test_a_portfolio_describes_the_person_with_her_public_links_only(client, site, zarina):
    person = jsonld_on(client, "/en/artists/zarina/")["Person"]

    assert person["name"] == "Zarina Karimova"
    assert person["url"] == "http://localhost/en/artists/zarina/"
    assert person["description"] == "She embroiders suzani in Istaravshan."
    assert sorted(person["sameAs"]) == [
        "https://t.me/zarina_art",
        "https://www.instagram.com/zarina.suzani",
        "https://zarina.example.org/",
    ]
    text = json.dumps(person)
    assert "555" not in text and "@example" not in text and "email" not in text


def test_an_event_gives_its_time_with_offset_its_place_and_organizer(client, site):
    events = site["home"].add_child(instance=_event_index())
    publish(events)
    event = event_make(
        events,
        title="Suzani for beginners",
        slug="suzani",
        start=dushanbe(2031, 3, 8, 15),
        venue="Bactria Cultural Centre",
        address="Rudaki Avenue 40",
        city="Dushanbe",
    )

    data = jsonld_on(client, event.url)["Event"]

    start = datetime.fromisoformat(data["startDate"])
    assert start.utcoffset() is not None and start == event.start
    assert data["startDate"] == "2031-03-08T15:00:00+05:00"
    assert datetime.fromisoformat(data["endDate"]) == event.end
    assert data["name"] == "Suzani for beginners"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["isAccessibleForFree"] is True
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Bactria Cultural Centre"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Rudaki Avenue 40",
        "addressLocality": "Dushanbe",
        "addressCountry": "TJ",
    }
    assert data["organizer"]["@type"] == "Organization"
    assert data["organizer"]["name"] == "TajikHeritage"
    assert data["organizer"]["url"].startswith("http")


def test_an_online_event_never_gives_away_its_private_link(client, site):
    events = site["home"].add_child(instance=_event_index())
    publish(events)
    event = event_make(
        events, slug="online", is_online=True, online_url="https://meet.example.org/secret-room"
    )

    response = client.get(event.url)
    data = jsonld_on(client, event.url)["Event"]

    assert "secret-room" not in response.content.decode()
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": event.full_url}


def test_a_story_is_an_article_whose_title_cannot_close_the_script(client, site):
    index = story_index_make(site["pages"])["en"]
    story = story_make(index, title=f"Malika paints again {CLOSE}", slug="malika", date=date(2026, 3, 8))

    response = client.get(story.url)
    article = jsonld_on(client, story.url)["Article"]

    assert CLOSE not in response.content.decode()
    assert article["headline"] == f"Malika paints again {CLOSE}"
    assert article["datePublished"] == "2026-03-08"
    assert article["url"] == story.full_url
    assert article["inLanguage"] == "en"
    assert article["publisher"]["name"] == "TajikHeritage"
    assert article["description"] == "After ten years away she is back at the easel."


def test_an_exhibition_is_an_exhibition_event_with_its_dates_and_works(client, site, zarina):
    work = work_make(zarina, title="Pomegranate garden", slug="pomegranate-garden")
    index = ExhibitionIndexPage(title="Exhibitions", slug="exhibitions")
    publish(site["home"].add_child(instance=index))
    today = timezone.localdate()
    page = ExhibitionPage(
        title="Threads of the valley",
        slug="threads",
        start_date=today - timedelta(days=1),
        end_date=today + timedelta(days=30),
        venue="National Museum, Dushanbe",
        hero_image=ImageFactory(),
    )
    page.sections = [ExhibitionSection(title="Suzani", artworks=[("artwork", work)])]
    index.add_child(instance=page)
    publish(page)

    data = jsonld_on(client, page.url)["ExhibitionEvent"]

    assert data["name"] == "Threads of the valley"
    assert data["startDate"] == str(today - timedelta(days=1))
    assert data["endDate"] == str(today + timedelta(days=30))
    assert data["location"] == {"@type": "Place", "name": "National Museum, Dushanbe"}
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["name"] == "TajikHeritage"
    assert data["workFeatured"] == [{"@type": "VisualArtwork", "name": "Pomegranate garden"}]


def _event_index():
    return EventIndexPage(title="Events", slug="events")
