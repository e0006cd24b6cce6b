"""Template tags of the editorial pages: the menu and footer from the navigation settings,
the public cards of story blocks and the click-to-load video's player address."""

import re
from urllib.parse import parse_qs, urlsplit

from django import template
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from cms.models import NavigationSettings, PolicyPage
from cms.selectors_policies import policy_links
from gallery.selectors.cards import artist_cards_by_id, artwork_cards_by_id
from heritage.caching import layout_cached
from heritage.models import SiteSettings
from heritage.templatetags.heritage_tags import home_for_request, home_link

register = template.Library()

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def _navigation_settings(request):
    return NavigationSettings.load(request_or_site=request)


def _links(stream, request) -> list[dict]:
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
            pk = page.pk
        else:
            url = value.get("url") or ""
            label = label or value.get("label_en") or url
            pk = None
        if url:
            links.append({"url": url, "title": label, "pk": pk})
    return links


def _marked(links: list[dict], current) -> list[dict]:
    """The links with the one of the page being shown marked active."""
    current_pk = getattr(current, "pk", None)
    return [{**link, "active": current_pk is not None and link["pk"] == current_pk} for link in links]


def _layout_parts(request) -> tuple:
    return (request.get_host(), translation.get_language())


def _menu_links(request) -> list[dict]:
    """The main menu's page links for this site and language (cached with the layout)."""

    def build():
        items = _links(_navigation_settings(request).main_menu, request)
        home = home_for_request(request)
        if not items and home is not None:
            pages = home.get_children().live().in_menu().filter(locale=Locale.get_active())
            items = [{"url": page.get_url(request), "title": page.title, "pk": page.pk} for page in pages]
        return items

    return layout_cached("menu", _layout_parts(request), build)


def _footer(request) -> dict:
    """The footer's text, links (the editors' and then the policies) and contact address for
    this site and language (cached)."""

    def build():
        navigation = _navigation_settings(request)
        links = _links(navigation.footer_links, request)
        # Every live policy is linked from the footer, whether or not an editor listed it.
        linked = {link["pk"] for link in links}
        links += [
            {"url": policy["url"], "title": policy["title"], "pk": policy["pk"]}
            for policy in policy_links(PolicyPage, language=translation.get_language() or "en")
            if policy["pk"] not in linked
        ]
        return {
            "text": navigation.footer_text(),
            "links": links,
            "contact_email": SiteSettings.load(request_or_site=request).contact_email,
        }

    return layout_cached("footer", _layout_parts(request), build)


@register.inclusion_tag("components/navigation_menu.html", takes_context=True)
def navigation_menu(context):
    """The main menu: the links editors set in "Navigation and footer", else the pages
    marked "show in menus" under this language's home page; then search and the account."""
    request = context.get("request")
    current = context.get("page")
    home = home_link(request) if request else {"url": f"/{translation.get_language()}/", "pk": None}
    user = getattr(request, "user", None)
    return {
        "home_url": home["url"],
        "home_active": home["pk"] is not None and getattr(current, "pk", None) == home["pk"],
        "items": _marked(_menu_links(request), current) if request else [],
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
    footer = _footer(request) if request else {"text": "", "links": [], "contact_email": ""}
    return {
        "footer_text": footer["text"],
        "links": _marked(footer["links"], context.get("page")),
        "contact_email": footer["contact_email"],
        "search_url": reverse("cms:search"),
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
    return _card(context, "public_artworks", artwork, artwork_cards_by_id)


@register.simple_tag(takes_context=True)
def public_artist(context, artist):
    """The artist of an artist block as a public card, or None while she is not approved."""
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
