"""Reads for stories and campaigns: the story index, a campaign's stories and works, and the
artwork and artist cards inside a story's text.

Every read shows only what the public may see — live pages, published works of approved
artists, approved artists — and takes a fixed number of queries however many stories,
works or cards there are: images and their renditions come in bulk. A story not yet
translated into the reader's language is listed in the source language, marked as such,
rather than silently missing.
"""

from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Exists, OuterRef, Prefetch, Q, Value, When
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale

from gallery.selectors.cards import artist_cards_by_id, artwork_cards_by_id
from heritage.caching import layout_cached
from heritage.images.renditions import (
    EXHIBITION_CARD_RENDITIONS,
    EXHIBITION_HERO_RENDITIONS,
    SOCIAL_RENDITION,
)

STORIES_PER_PAGE = 12
CAMPAIGN_STORIES = 12
# Keep in step with templates/cms/story_index_page.html, campaign_page.html and home_page.html
# (story cards) and story_page.html (the hero): renditions the background task makes anyway.
STORY_CARD_RENDITIONS = EXHIBITION_CARD_RENDITIONS
STORY_HERO_RENDITIONS = EXHIBITION_HERO_RENDITIONS


def _source_locale() -> Locale:
    return Locale.get_default()


def story_list_public(*, pages, locale: Locale, campaign=None, cause: str = "", tag: str = ""):
    """Live stories of `pages` (`StoryPage.objects`) for readers of `locale`, newest first:
    its own stories, plus the source-language stories not translated into it yet
    (`in_other_language` is True on those). Narrowed to one campaign (in any of its
    translations), a cause or a tag."""
    source = _source_locale()
    own_translation = pages.live().filter(locale=locale, translation_key=OuterRef("translation_key"))
    wanted = Q(locale=locale)
    if locale.pk != source.pk:
        wanted |= Q(locale=source) & ~Q(Exists(own_translation))
    stories = pages.live().public().filter(wanted)
    if campaign is not None:
        stories = stories.filter(campaign__translation_key=campaign.translation_key)
    if cause:
        stories = stories.filter(campaign__cause=cause)
    if tag:
        stories = stories.filter(tags__slug=tag)
    images = get_image_model().objects.prefetch_renditions(*STORY_CARD_RENDITIONS)
    return (
        stories.select_related("locale", "campaign")
        .prefetch_related(Prefetch("hero_image", queryset=images))
        .annotate(
            in_other_language=Case(
                When(locale=locale, then=Value(False)), default=Value(True), output_field=BooleanField()
            )
        )
        .order_by("-date", "-first_published_at", "-pk")
    )


def campaign_list_public(*, pages, locale: Locale) -> list:
    """Live campaigns of `pages` (`CampaignPage.objects`) for readers of `locale`: their
    translation where it exists, else the source-language campaign; by title."""
    source = _source_locale()
    own_translation = pages.live().filter(locale=locale, translation_key=OuterRef("translation_key"))
    wanted = Q(locale=locale)
    if locale.pk != source.pk:
        wanted |= Q(locale=source) & ~Q(Exists(own_translation))
    return list(pages.live().public().filter(wanted).order_by("title", "pk"))


def story_index_listing(*, index, params, stories, campaigns, causes) -> dict:
    """The story index: one page of `stories` (`StoryPage.objects`), filtered by `campaign`
    (the slug of one of `campaigns`), `cause` (one of `causes`, choices) or `tag`, with the
    filter choices. Unknown filter values are ignored."""
    story_pages, campaigns = stories, campaign_list_public(pages=campaigns, locale=index.locale)
    by_slug = {campaign.slug: campaign for campaign in campaigns}
    campaign = by_slug.get(params.get("campaign", ""))
    cause = params.get("cause", "")
    cause = cause if cause in {value for value, _label in causes} else ""
    tag = slugify(params.get("tag", ""), allow_unicode=True)[:100]
    stories = story_list_public(
        pages=story_pages, locale=index.locale, campaign=campaign, cause=cause, tag=tag
    )
    paginator = Paginator(stories, STORIES_PER_PAGE)
    page = paginator.get_page(params.get("page"))
    page.object_list = list(page.object_list)
    campaign_titles_apply(page.object_list, campaigns)
    return {
        "stories": page,
        "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)),
        "campaigns": campaigns,
        "causes": [(value, str(label)) for value, label in causes],
        "selected": {"campaign": campaign.slug if campaign else "", "cause": cause, "tag": tag},
        "filtered": bool(campaign or cause or tag),
    }


def campaign_titles_apply(stories: list, campaigns: list) -> None:
    """Give each story `campaign_shown`: its campaign in the reader's language when that is
    live, else the campaign it points at when that is live, else None."""
    by_key = {campaign.translation_key: campaign for campaign in campaigns}
    for story in stories:
        campaign = story.campaign
        story.campaign_shown = by_key.get(campaign.translation_key) if campaign else None
        if story.campaign_shown is None and campaign is not None and campaign.live:
            story.campaign_shown = campaign


def stream_chosen_ids(stream, block_type: str, field: str) -> list[int]:
    """Ids chosen in the `block_type` blocks of a StreamField, read from its stored data
    without loading anything."""
    ids = []
    for block in stream.raw_data:
        if block.get("type") == block_type:
            value = block.get("value") or {}
            if isinstance(value.get(field), int):
                ids.append(value[field])
    return ids


def stream_cards(*, stream, request=None) -> dict:
    """The artwork and artist cards of a StreamField, for its block templates:
    `{"public_artworks": {id: work}, "public_artists": {id: card}}`; a work or artist
    that is not public is absent, so its block shows nothing."""
    return {
        "public_artworks": artwork_cards_by_id(
            ids=stream_chosen_ids(stream, "artwork", "artwork"), request=request
        ),
        "public_artists": artist_cards_by_id(
            ids=stream_chosen_ids(stream, "artist", "artist"), request=request
        ),
    }


def campaign_detail(*, page, stories, request=None) -> dict:
    """A campaign's newest `stories` (`StoryPage.objects`; for readers of its language, see
    `story_list_public`) and the works chosen for it that the public may see, in the
    editor's order."""
    stories = list(story_list_public(pages=stories, locale=page.locale, campaign=page)[:CAMPAIGN_STORIES])
    for story in stories:
        story.campaign_shown = page
    chosen = list(page.related_artworks.order_by("sort_order", "pk").values_list("artwork_id", flat=True))
    works = artwork_cards_by_id(ids=chosen, request=request)
    return {
        "stories": stories,
        "artworks": [works[pk] for pk in dict.fromkeys(chosen) if pk in works],
        **stream_cards(stream=page.body, request=request),
    }


def _story_campaign(page):
    """The story's campaign in the story's language (else the original), or "" while it is
    not live ("" rather than None, so that the answer is kept too)."""
    campaign = page.campaign.get_translation_or_none(page.locale) or page.campaign
    return campaign if campaign.live else ""


def story_detail(*, page, request=None) -> dict:
    """What a story's page shows beside its text: the cards in its blocks, its content
    warnings (shown before the text), its tags and its campaign in the reader's language."""
    warnings = [block for block in page.body if block.block_type == "content_warning"]
    campaign = None
    if page.campaign_id:
        campaign = layout_cached("story-campaign", (page.pk,), lambda: _story_campaign(page)) or None
    hero = None
    if page.hero_image_id:
        # The social rendition for the story's structured data (cms.selectors_jsonld).
        images = get_image_model().objects.prefetch_renditions(*STORY_HERO_RENDITIONS, SOCIAL_RENDITION)
        hero = images.filter(pk=page.hero_image_id).first()
    return {
        "content_warnings": warnings,
        "campaign": campaign,
        "tags": list(page.tags.all()),
        "hero": hero,
        **stream_cards(stream=page.body, request=request),
    }
