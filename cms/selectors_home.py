"""Reads for the home page: each section is what editors chose, else a sensible default,
so a new site or a busy week never leaves the front door empty.

- featured works: the works chosen on the home page that are public, else the newest
  featured works, topped up with the newest published ones;
- exhibitions: those open now, else the next to open;
- stories: the newest in the reader's language (untranslated ones marked);
- events: the next upcoming ones; nothing at all when none is planned.
"""

from django.db.models import Prefetch
from django.utils import timezone

from wagtail.images import get_image_model

from gallery.models.artwork import Artwork
from gallery.models.exhibition import ExhibitionPage
from gallery.selectors.cards import artwork_cards_by_id, gallery_url_for
from heritage.images.renditions import EXHIBITION_CARD_RENDITIONS

from .models.events import EventPage
from .models.stories import CampaignPage, StoryPage
from .selectors_stories import campaign_list_public, campaign_titles_apply, story_list_public

FEATURED_ARTWORKS = 8
HOME_EXHIBITIONS = 3
HOME_STORIES = 3
HOME_EVENTS = 3


def home_featured_artworks(*, page, request=None, limit: int = FEATURED_ARTWORKS) -> list[Artwork]:
    """The works chosen on this home page, in order, skipping any that is not public; when
    none of them is, the newest featured works, then the newest published ones."""
    chosen = list(page.featured_artworks.order_by("sort_order", "pk").values_list("artwork_id", flat=True))
    if chosen:
        works = artwork_cards_by_id(ids=chosen, request=request)
        shown = [works[pk] for pk in dict.fromkeys(chosen) if pk in works][:limit]
        if shown:
            return shown
    works = list(Artwork.objects.published().cards().order_by("-featured", "-published_at", "-pk")[:limit])
    url_for = gallery_url_for(request)
    for artwork in works:
        artwork.url = url_for(artwork)
    return works


def home_exhibitions(*, locale, today=None) -> list:
    """Exhibitions in this language open today (closing soonest first), else the next ones
    to open."""
    today = today or timezone.localdate()
    images = get_image_model().objects.prefetch_renditions(*EXHIBITION_CARD_RENDITIONS)
    live = (
        ExhibitionPage.objects.live()
        .public()
        .filter(locale=locale)
        .prefetch_related(Prefetch("hero_image", queryset=images))
    )
    current = list(
        live.filter(start_date__lte=today, end_date__gte=today).order_by("end_date", "pk")[:HOME_EXHIBITIONS]
    )
    if current:
        return current
    return list(live.filter(start_date__gt=today).order_by("start_date", "pk")[:HOME_EXHIBITIONS])


def home_stories(*, locale, limit: int = HOME_STORIES) -> list:
    """The newest stories for readers of this language."""
    stories = list(story_list_public(pages=StoryPage.objects, locale=locale)[:limit])
    if stories:
        campaign_titles_apply(stories, campaign_list_public(pages=CampaignPage.objects, locale=locale))
    return stories


def home_events(*, locale, now=None, limit: int = HOME_EVENTS) -> list:
    """The next events in this language that have not ended, soonest first."""
    now = now or timezone.now()
    images = get_image_model().objects.prefetch_renditions(*EXHIBITION_CARD_RENDITIONS)
    return list(
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=now)
        .prefetch_related(Prefetch("hero_image", queryset=images))
        .order_by("start", "pk")[:limit]
    )


def home_sections(*, page, request=None) -> dict:
    """Everything the home page shows below its hero."""
    return {
        "featured_artworks": home_featured_artworks(page=page, request=request),
        "exhibitions": home_exhibitions(locale=page.locale),
        "stories": home_stories(locale=page.locale),
        "events": home_events(locale=page.locale),
    }
