"""Building blocks of the editorial tests: a story index in three languages, campaigns and
stories with the blocks and consents a test needs."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from cms.models import CampaignPage, Cause, StoryConsent, StoryIndexPage, StoryPage
from gallery.models import GalleryPage
from tests.factories import _translate

INDEX_TITLES = {"en": "Stories", "ru": "Истории", "tg": "Ҳикояҳо"}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def story_index_make(site: dict) -> dict:
    """A story index under every home page of `site` (from `build_site`)."""
    english = StoryIndexPage(title=INDEX_TITLES["en"], slug="stories", show_in_menus=True)
    site["home"]["en"].add_child(instance=english)
    publish(english)
    indexes = {"en": english}
    for code, home in site["home"].items():
        if code != "en":
            indexes[code] = _translate(english, home.locale, title=INDEX_TITLES[code])
    return indexes


def gallery_make(site: dict) -> GalleryPage:
    gallery = GalleryPage(title="Gallery", slug="gallery")
    site["home"]["en"].add_child(instance=gallery)
    return publish(gallery)


def campaign_make(index, *, title="Her own money", slug=None, cause=Cause.CAREERS, artworks=(), **fields):
    from cms.models import CampaignArtwork

    campaign = CampaignPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        cause=cause,
        intro=fields.pop("intro", "Women who earn from their art."),
        **fields,
    )
    campaign.related_artworks = [
        CampaignArtwork(artwork=artwork, sort_order=n) for n, artwork in enumerate(artworks)
    ]
    index.add_child(instance=campaign)
    return publish(campaign)


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def artwork_block(artwork, note="") -> dict:
    return {"type": "artwork", "value": {"artwork": artwork.pk, "note": note}}


def artist_block(artist, note="") -> dict:
    return {"type": "artist", "value": {"artist": artist.pk, "note": note}}


def warning_block(text: str) -> dict:
    return {"type": "content_warning", "value": {"text": text, "help_page": None}}


def story_make(
    index, *, title="Malika paints again", slug=None, body=None, campaign=None, live=True, **fields
):
    """A story under `index`, published unless `live` is False. `consents` is a list of names."""
    consents = fields.pop("consents", [])
    story = StoryPage(
        title=title,
        slug=slug or slugify(title),
        intro=fields.pop("intro", "After ten years away she is back at the easel."),
        body=body if body is not None else [paragraph("She paints pomegranates in the morning light.")],
        campaign=campaign,
        date=fields.pop("date", datetime.date(2026, 3, 8)),
        live=live,
        **fields,
    )
    story.consents = [
        StoryConsent(person_name=name, given_at=datetime.date(2026, 3, 1), method="in_person", sort_order=n)
        for n, name in enumerate(consents)
    ]
    index.add_child(instance=story)
    if live:
        return publish(story)
    story.save_revision()
    return story


def story_translate(story, locale, **fields):
    """The story copied into `locale` with its own words, published."""
    return _translate(story, locale, **fields)


def now():
    return timezone.now()
