"""Template tags of the editorial pages: the menu and footer from the navigation settings,
the public cards of story blocks and the click-to-load video's player address."""

import re
from urllib.parse import parse_qs, urlsplit

from django import template
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from heritage.templatetags.heritage_tags import home_for_request

register = template.Library()

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def _navigation_settings(request):
    from cms.models import NavigationSettings

    return NavigationSettings.load(request_or_site=request)


def _links(stream, request, current) -> list[dict]:
    """The links of a navigation stream for the active language: pages through their live
    translation (skipped when not live), labels in the active language or the page title."""
    language = (translation.get_language() or "en")[:2]
    links = []
    for block in stream:
        value = block.value
        page = value.get("page")
        label = value.get(f"label_{language}") or ""
        if page is not None:
            page = page.localized
            if not page.live:
                continue
            url = page.get_url(request)
            label = label or page.title
            active = current is not None and getattr(current, "pk", None) == page.pk
        else:
            url = value.get("url") or ""
            label = label or value.get("label_en") or url
            active = False
        if url:
            links.append({"url": url, "title": label, "active": active})
    return links


@register.inclusion_tag("components/navigation_menu.html", takes_context=True)
def navigation_menu(context):
    """The main menu: the links editors set in "Navigation and footer", else the pages
    marked "show in menus" under this language's home page; then search and the account."""
    request = context.get("request")
    current = context.get("page")
    home = home_for_request(request)
    items = _links(_navigation_settings(request).main_menu, request, current) if request else []
    if not items and home is not None:
        pages = home.get_children().live().in_menu().filter(locale=Locale.get_active())
        items = [
            {
                "url": page.get_url(request),
                "title": page.title,
                "active": getattr(current, "pk", None) == page.pk,
            }
            for page in pages
        ]
    user = getattr(request, "user", None)
    return {
        "home": home,
        "home_url": home.get_url(request) if home else f"/{translation.get_language()}/",
        "home_active": home is not None and getattr(current, "pk", None) == home.pk,
        "items": items,
        "search_url": reverse("cms:search"),
        "request": request,
        "has_artist_profile": bool(
            user is not None and user.is_authenticated and hasattr(user, "artist_profile")
        ),
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    """The footer's text and links from "Navigation and footer", in the active language."""
    request = context.get("request")
    settings = _navigation_settings(request) if request else None
    return {
        "footer_text": settings.footer_text() if settings else "",
        "links": _links(settings.footer_links, request, context.get("page")) if settings else [],
        "search_url": reverse("cms:search"),
        "settings": context.get("settings"),
        "request": request,
    }


def _card(context, key, obj, fetch):
    if obj is None:
        return None
    known = context.get(key)
    if known is None:
        known = fetch(ids=[obj.pk], request=context.get("request"))
    return known.get(obj.pk)


@register.simple_tag(takes_context=True)
def public_artwork(context, artwork):
    """The work of an artwork block as a public card, or None while it is not public. Uses
    the cards the page fetched in bulk (`public_artworks`) when there are any."""
    from cms.selectors_stories import artwork_cards_by_id

    return _card(context, "public_artworks", artwork, artwork_cards_by_id)


@register.simple_tag(takes_context=True)
def public_artist(context, artist):
    """The artist of an artist block as a public card, or None while she is not approved."""
    from cms.selectors_stories import artist_cards_by_id

    return _card(context, "public_artists", artist, artist_cards_by_id)


@register.filter
def video_player_src(url: str) -> str:
    """The privacy-enhanced player address of a YouTube or Vimeo link (played on request),
    or "" for anything else, which is then only linked to."""
    parts = urlsplit(str(url or ""))
    host = (parts.hostname or "").lower()
    video_id = ""
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host in VIMEO_HOSTS:
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return ""


@register.filter
def language_name(code: str) -> str:
    """A language's name in the reader's language ("English", "английский")."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code
