"""The editorial part of `manage.py seed_demo`: the story index in three languages, two
campaigns with four stories (each translated into Russian and Tajik, each showing a
published demo work), the Moderation workflow, and the footer's words and links.

Pages are found again by slug under the index (translations through their translation
key), so a second run adds only what is missing and leaves an editor's changes alone.
Nothing is emailed: every consent stands, so no editor is told anything.
"""

import datetime

from django.utils import timezone

from cms.models import CampaignPage, NavigationSettings, StoryConsent, StoryPage
from cms.services_moderation import moderation_workflow_ensure
from demo.content import LANGUAGES, SOURCE_LANGUAGE
from demo.content.stories import CAMPAIGNS, FOOTER_TEXT, STORIES, STORY_INDEX, DemoCampaign, DemoStory
from demo.context import SeedContext
from demo.steps.pages import menu_page_create
from gallery.models import Artwork


def stories_create(ctx: SeedContext) -> None:
    """The story index under each home page, the two campaigns and four stories in every
    language, all published, and the Moderation workflow over the stories (and events)."""
    menu_page_create(ctx, STORY_INDEX)
    campaigns = {spec.slug: _campaign_source(ctx, spec) for spec in CAMPAIGNS}
    for spec in CAMPAIGNS:
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _campaign_translate(ctx, spec, campaigns[spec.slug], language)
    works = _works_pick(len(STORIES))
    for n, spec in enumerate(STORIES):
        english = _story_source(ctx, spec, campaigns[spec.campaign], works[n] if n < len(works) else None)
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _story_translate(ctx, spec, english, language)
    moderation_workflow_ensure()
    ctx.report("The Moderation workflow covers the story and event indexes.")


def navigation_create(ctx: SeedContext) -> None:
    """The footer's text in three languages and its links (about us, contact), set only
    where an editor has not written anything yet."""
    settings = NavigationSettings.load()
    changed = False
    for language, text in FOOTER_TEXT.items():
        if not getattr(settings, f"footer_text_{language}"):
            setattr(settings, f"footer_text_{language}", text)
            changed = True
    if not settings.footer_links:
        links = []
        for key in ("about", "contact"):
            page = ctx.pages.get((key, SOURCE_LANGUAGE))
            if page is not None:
                links.append(
                    ("link", {"page": page, "url": "", "label_en": "", "label_ru": "", "label_tg": ""})
                )
        settings.footer_links = links
        changed = True
    if changed:
        settings.save()
        ctx.report("Wrote the footer's text and links.")


def _index(ctx, language):
    return ctx.page(STORY_INDEX.key, language)


def _publish(ctx: SeedContext, page, language: str):
    page.save_revision().publish()
    page.refresh_from_db()
    ctx.made["pages"] += 1
    ctx.pages[(page.slug, language)] = page
    ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")
    return page


def _campaign_source(ctx: SeedContext, spec: DemoCampaign) -> CampaignPage:
    index = _index(ctx, SOURCE_LANGUAGE)
    page = CampaignPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    page = CampaignPage(slug=spec.slug, cause=spec.cause, locale=ctx.locales[SOURCE_LANGUAGE], live=False)
    _words(page, spec.text[SOURCE_LANGUAGE])
    index.add_child(instance=page)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _campaign_translate(ctx: SeedContext, spec: DemoCampaign, english: CampaignPage, language: str):
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    _words(page, spec.text[language])
    _publish(ctx, page, language)


def _words(page, words: dict) -> None:
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]


def _story_source(
    ctx: SeedContext, spec: DemoStory, campaign: CampaignPage, artwork_pk: int | None
) -> StoryPage:
    index = _index(ctx, SOURCE_LANGUAGE)
    page = StoryPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    page = StoryPage(
        slug=spec.slug,
        locale=ctx.locales[SOURCE_LANGUAGE],
        live=False,
        campaign=campaign,
        date=timezone.localdate() - datetime.timedelta(days=spec.days_ago),
    )
    _story_words(page, spec, SOURCE_LANGUAGE, artwork_pk)
    page.consents = [
        StoryConsent(
            person_name=spec.person,
            given_at=timezone.localdate() - datetime.timedelta(days=spec.days_ago + 7),
            method=StoryConsent.Method.IN_PERSON,
            note="Demo: she agreed to her first name and her work being shown.",
        )
    ]
    index.add_child(instance=page)
    page.tags.add(*spec.tags)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _story_translate(ctx: SeedContext, spec: DemoStory, english: StoryPage, language: str) -> None:
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    artwork = next((b.value["artwork"] for b in english.body if b.block_type == "artwork"), None)
    _story_words(page, spec, language, artwork.pk if artwork else None)
    if english.campaign is not None:
        page.campaign = english.campaign.get_translation_or_none(locale) or english.campaign
    _publish(ctx, page, language)


def _story_words(page: StoryPage, spec: DemoStory, language: str, artwork_pk: int | None) -> None:
    words = spec.text[language]
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]
    body = []
    if spec.warning:
        body.append({"type": "content_warning", "value": {"text": spec.warning[language], "help_page": None}})
    first, *rest = words["paragraphs"]
    body.append({"type": "paragraph", "value": f"<p>{first}</p>"})
    if artwork_pk is not None:
        body.append({"type": "artwork", "value": {"artwork": artwork_pk, "note": ""}})
    body.extend({"type": "paragraph", "value": f"<p>{text}</p>"} for text in rest)
    page.body = body


def _works_pick(count: int) -> list[int]:
    """Published demo works for the stories' artwork blocks, featured first, one artist each."""
    picked, artists = [], set()
    for pk, artist in (
        Artwork.objects.published().order_by("-featured", "published_at", "pk").values_list("pk", "artist_id")
    ):
        if artist not in artists:
            picked.append(pk)
            artists.add(artist)
        if len(picked) == count:
            break
    return picked
