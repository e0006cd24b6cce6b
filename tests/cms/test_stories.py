"""The story index, story pages and campaign pages as readers see them, in three languages."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from artists.models import ArtistProfile
from gallery.models import Artwork
from tests.cms.editorial import (
    artist_block,
    artwork_block,
    campaign_make,
    gallery_make,
    paragraph,
    story_index_make,
    story_make,
    story_translate,
    warning_block,
)
from tests.factories import ArtistFactory, ArtworkFactory, build_site

STORY_TITLES = {"en": "Malika paints again", "ru": "Малика снова пишет", "tg": "Малика боз расм мекашад"}


@pytest.fixture
def site(db):
    return build_site()


@pytest.fixture
def index(site):
    return story_index_make(site)


@pytest.fixture
def translated_story(site, index):
    english = story_make(index["en"], title=STORY_TITLES["en"], slug="malika", tags=None)
    return {
        "en": english,
        **{
            code: story_translate(english, site["home"][code].locale, title=STORY_TITLES[code])
            for code in ("ru", "tg")
        },
    }


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("code", ["en", "ru", "tg"])
def test_a_translated_story_is_served_in_its_language_with_hreflang_alternates(
    client, translated_story, code
):
    html = html_of(client.get(f"/{code}/stories/malika/"))

    assert f'<html lang="{code}">' in html
    assert f"<h1>{STORY_TITLES[code]}</h1>" in html
    for other in ("en", "ru", "tg"):
        assert f'hreflang="{other}" href="http://localhost/{other}/stories/malika/"' in html


def test_a_story_shows_its_reading_time_tags_and_campaign(client, index):
    campaign = campaign_make(index["en"], title="Her own money")
    story = story_make(index["en"], campaign=campaign, body=[paragraph("word " * 450)])
    story.tags.add("embroidery", "Khujand")
    story.save_revision().publish()

    html = html_of(client.get(story.url))

    assert "2 minutes read" in html
    assert '<a href="/en/stories/?tag=embroidery">embroidery</a>' in html
    assert '<a href="/en/stories/her-own-money/">Her own money</a>' in html


def test_the_index_lists_stories_newest_first_and_filters_by_tag(client, index):
    older = story_make(index["en"], title="An older story", date=datetime.date(2025, 1, 1))
    newer = story_make(index["en"], title="A newer story", date=datetime.date(2026, 1, 1))
    newer.tags.add("ceramics")
    newer.save_revision().publish()

    html = html_of(client.get("/en/stories/"))
    assert html.index(newer.title) < html.index(older.title)

    tagged = html_of(client.get("/en/stories/?tag=ceramics"))
    assert newer.title in tagged
    assert older.title not in tagged


def test_the_index_filters_by_campaign_and_cause_and_ignores_unknown_values(client, index):
    careers = campaign_make(index["en"], title="Her own money", cause="careers")
    marriage = campaign_make(index["en"], title="Not before eighteen", cause="early_marriage")
    story_make(index["en"], title="The ceramicist of Istaravshan", campaign=careers)
    story_make(index["en"], title="Married at fifteen", campaign=marriage)

    by_campaign = html_of(client.get("/en/stories/?campaign=her-own-money"))
    assert "The ceramicist of Istaravshan" in by_campaign
    assert "Married at fifteen" not in by_campaign

    by_cause = html_of(client.get("/en/stories/?cause=early_marriage"))
    assert "Married at fifteen" in by_cause
    assert "The ceramicist of Istaravshan" not in by_cause

    anything = html_of(client.get("/en/stories/?cause=%27%3B--&campaign=nope&page=999"))
    assert "Married at fifteen" in anything


def test_the_index_pages_its_stories(client, index):
    for n in range(14):
        story_make(
            index["en"], title=f"Story number {n:02d}", date=datetime.date(2026, 1, 1) + datetime.timedelta(n)
        )

    first = html_of(client.get("/en/stories/"))
    second = html_of(client.get("/en/stories/?page=2"))

    assert "Story number 13" in first and "Story number 01" not in first
    assert "Story number 01" in second and "Story number 13" not in second
    assert 'rel="next"' in first


def test_an_untranslated_story_is_listed_in_english_and_marked_as_such(client, site, index, translated_story):
    story_make(index["en"], title="Only in English", slug="only-english")

    html = html_of(client.get("/ru/stories/"))

    assert STORY_TITLES["ru"] in html
    assert STORY_TITLES["en"] not in html  # its Russian translation stands in for it
    match = re.search(
        r'<a href="(/en/stories/only-english/)" hreflang="en" lang="en">Only in English</a>', html
    )
    assert match, "the untranslated story links to its English page, marked as English"
    assert 'class="card-line story-language"' in html


def test_an_artwork_block_shows_only_a_published_work(client, site, index):
    gallery_make(site)
    shown = ArtworkFactory(title="Pomegranates at dawn")
    hidden = ArtworkFactory(title="Unfinished suzani", status=Artwork.Status.SUBMITTED)
    suspended = ArtworkFactory(
        title="Work of a suspended artist", artist__status=ArtistProfile.Status.SUSPENDED
    )
    story = story_make(
        index["en"], body=[artwork_block(shown), artwork_block(hidden), artwork_block(suspended)]
    )

    html = html_of(client.get(story.url))

    assert "Pomegranates at dawn" in html
    assert f'href="/en/gallery/{shown.artist.slug}/{shown.slug}/"' in html
    assert "Unfinished suzani" not in html
    assert "Work of a suspended artist" not in html


def test_an_artist_block_shows_only_an_approved_artist(client, index):
    approved = ArtistFactory(display_name="Zarina Karimova")
    applied = ArtistFactory(display_name="Nigora Applied", status=ArtistProfile.Status.APPLIED)
    story = story_make(index["en"], body=[artist_block(approved), artist_block(applied)])

    html = html_of(client.get(story.url))

    assert "Zarina Karimova" in html
    assert "Nigora Applied" not in html


def test_content_warnings_come_before_the_story_text(client, index):
    story = story_make(
        index["en"],
        body=[
            paragraph("The first night she left."),
            warning_block("This story describes domestic violence."),
        ],
    )

    html = html_of(client.get(story.url))

    assert html.index("This story describes domestic violence.") < html.index("The first night she left.")
    assert html.count("This story describes domestic violence.") == 1


def test_a_video_loads_nothing_from_its_host_until_the_reader_asks(client, index):
    video = {"video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Her workshop", "caption": ""}
    story = story_make(index["en"], body=[{"type": "video", "value": video}])

    html = html_of(client.get(story.url))

    assert "<iframe" not in html
    assert 'data-video-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert '<a class="video-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "/static/js/video-consent.js" in html
    assert "<script>" not in html


def test_a_campaign_shows_its_stories_and_only_its_public_artworks(client, site, index):
    gallery_make(site)
    public = ArtworkFactory(title="Silk road dawn")
    draft = ArtworkFactory(title="Draft carpet", status=Artwork.Status.DRAFT)
    campaign = campaign_make(index["en"], title="Her own money", artworks=[public, draft])
    story_make(index["en"], title="The weaver of Khorog", campaign=campaign)
    story_make(index["en"], title="Unrelated story")

    html = html_of(client.get(campaign.url))

    assert "The weaver of Khorog" in html
    assert "Unrelated story" not in html
    assert "Silk road dawn" in html
    assert "Draft carpet" not in html


def queries_for(client, url) -> int:
    client.get(url)  # warm the site caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_story_index_takes_the_same_queries_for_ten_or_thirty_stories(client, site, index):
    campaign = campaign_make(index["en"], title="Her own money")

    for n in range(10):
        story_make(index["en"], title=f"Story {n}", campaign=campaign)
    ten = queries_for(client, "/en/stories/")
    for n in range(10, 30):
        story_make(index["en"], title=f"Story {n}", campaign=campaign)
    thirty = queries_for(client, "/en/stories/")

    assert ten == thirty


def test_the_campaign_page_takes_the_same_queries_for_ten_or_thirty_stories(client, site, index):
    gallery_make(site)
    works = [ArtworkFactory() for _ in range(6)]
    campaign = campaign_make(index["en"], title="Her own money", artworks=works[:2])

    for n in range(10):
        story_make(index["en"], title=f"Story {n}", campaign=campaign)
    ten = queries_for(client, campaign.url)
    for n in range(10, 30):
        story_make(index["en"], title=f"Story {n}", campaign=campaign)
    campaign.related_artworks.create(artwork=works[2], sort_order=5)
    for extra, work in enumerate(works[3:]):
        campaign.related_artworks.create(artwork=work, sort_order=6 + extra)
    thirty = queries_for(client, campaign.url)

    assert ten == thirty


def test_a_story_with_a_campaign_tags_and_artwork_blocks_stays_within_12_queries(client, site, index):
    gallery_make(site)
    campaign = campaign_make(index["en"], title="Her own money")
    few = [ArtworkFactory() for _ in range(2)]
    many = [ArtworkFactory() for _ in range(10)]
    small = story_make(index["en"], title="Two", campaign=campaign, body=[artwork_block(w) for w in few])
    large = story_make(index["en"], title="Ten", campaign=campaign, body=[artwork_block(w) for w in many])
    for story in (small, large):
        story.tags.add("felt", "Khujand")
        story.save_revision().publish()

    counts = [queries_for(client, small.url), queries_for(client, large.url)]

    assert counts[0] == counts[1]
    # The whole page, routing (three levels deep) and shared layout included.
    assert counts[1] <= 12
