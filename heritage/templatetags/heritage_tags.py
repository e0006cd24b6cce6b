from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from heritage.caching import content_version, layout_cached, page_translations
from heritage.jsonld import jsonld_script as _jsonld_script
from heritage.seo import hreflang_alternates, list_page_suffix

register = template.Library()


def home_for_request(request):
    """The home page of the active language for this request's site."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


def home_link(request) -> dict:
    """{"url", "pk"} of the active language's home page for this request's site (cached with
    the layout), so the header and menu need no query for it."""

    def build():
        home = home_for_request(request)
        if home is None:
            return {"url": f"/{translation.get_language()}/", "pk": None}
        return {"url": home.get_url(request), "pk": home.pk}

    return layout_cached("home", (_host(request), translation.get_language()), build)


def _host(request) -> str:
    return request.get_host() if request is not None else ""


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation where one is published,
    the same URL under the other prefix for non-page views, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    page_path = ""
    if isinstance(page, Page) and page.pk:
        known = page_translations(page, request)
        translations, page_path = known["urls"], known["path"]
    # On a routable page (an artist's portfolio under the artist index, say) keep the part
    # of the address after the page itself, and the filters, in every language.
    suffix = ""
    if translations and request is not None:
        if page_path and request.path.startswith(page_path):
            suffix = request.path[len(page_path) :]
        if request.GET:
            suffix += "?" + request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code] + suffix
        elif request is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "active": code == current})
    return {"links": links, "request": request}


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    return home_link(context.get("request"))["url"]


@register.simple_tag(takes_context=True)
def page_alternates(context, page) -> list[tuple[str, str]]:
    """(language, absolute address) of the page in every language it is live in, itself
    included, and the `x-default`, for `hreflang` links; on page 2 and later of a list,
    with its page number."""
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk:
        return []
    urls = dict(page_translations(page, request)["full_urls"])
    if not page.live:  # a preview: the draft's own address too
        urls[page.locale.language_code] = page.get_full_url(request)
    return hreflang_alternates(urls, list_page_suffix(request))


@register.simple_tag(takes_context=True)
def page_canonical_url(context, page) -> str:
    """The page's absolute address, with the page number on page 2 and later of a list."""
    return page.get_full_url(context.get("request")) + list_page_suffix(context.get("request"))


@register.simple_tag
def fragment_cache_parts() -> dict:
    """For `{% cache %}` around a piece every visitor sees alike (an artwork card): how long
    to keep it and the content version that must be part of its key, so that any change to
    public content renews it (heritage/caching.py)."""
    return {"seconds": getattr(settings, "LAYOUT_CACHE_SECONDS", 3600), "version": content_version()}


@register.simple_tag
def jsonld_script(data, element_id: str = ""):
    """`data` (a schema.org dict) as a JSON-LD data block, escaped so nothing in it can end
    the element (heritage/jsonld.py)."""
    if not data:
        return ""
    return _jsonld_script(data, element_id=element_id)


@register.filter
def outlined(stream, level: int = 1):
    """(block, heading level) for each block of a StreamField shown under a heading of
    `level` (the page's `h1` by default), so the outline skips no level: a heading block is
    never more than one level under the heading before it, and a card's title (blocks with
    `outline = "card"`) sits one level under the section it is in. Other blocks get None."""
    current = int(level)
    outline = []
    for block in stream:
        kind = getattr(block.block, "outline", None)
        if kind == "heading":
            wanted = int(str(block.value.get("level", "h2")).lstrip("h") or 2)
            current = max(2, min(wanted, current + 1, 6))
            outline.append((block, current))
        elif kind == "card":
            outline.append((block, min(current + 1, 6)))
        else:
            outline.append((block, None))
    return outline
