"""Pages built from blocks keep an outline without gaps: after the page's `h1` comes an `h2`,
never an `h3`, whatever order the editor put headings and artwork or artist cards in. Screen
reader users move by headings, and search engines read the outline."""

import re

import pytest

from tests.factories import build_site
from tests.gallery.gallery_fixtures import work_make
from tests.gallery.portfolio_fixtures import artist_make

from .editorial import artist_block, artwork_block, gallery_make, paragraph, story_index_make, story_make

pytestmark = pytest.mark.django_db


def heading_levels(html: str) -> list[int]:
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


def assert_no_skipped_level(levels: list[int]) -> None:
    assert levels[0] == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} followed by h{after} in {levels}"


def heading(text: str, level: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def test_a_story_opening_with_a_card_and_a_subsection_skips_no_level(client):
    site = build_site(locales=("en",))
    gallery_make(site)
    artist = artist_make(display_name="Zarina Karimova", slug="zarina")
    work = work_make(artist, title="Pomegranate garden", slug="pomegranate-garden")
    story = story_make(
        story_index_make(site)["en"],
        title="Zarina's garden",
        body=[
            artwork_block(work, note="Her first suzani."),
            heading("The loom", "h3"),
            paragraph("She learnt from her grandmother."),
            heading("Threads", "h2"),
            artist_block(artist),
            heading("Colours", "h3"),
            artwork_block(work),
        ],
    )
    story.tags.add("suzani")
    story.save_revision().publish()

    html = client.get(story.url).content.decode()
    levels = heading_levels(html)

    assert_no_skipped_level(levels)
    assert levels.count(1) == 1
    assert "The loom" in html and "Colours" in html
