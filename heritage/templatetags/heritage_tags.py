from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

register = template.Library()


def home_for_request(request):
    """The home page of the active language for this request's site."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation where one is published,
    the same URL under the other prefix for non-page views, else that language's home."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for tr in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[tr.locale.language_code] = tr
    # On a routable page (an artist's portfolio under the artist index, say) keep the part
    # of the address after the page itself, and the filters, in every language.
    suffix = ""
    if translations and request is not None:
        page_path = page.get_url(request) or ""
        if page_path and request.path.startswith(page_path):
            suffix = request.path[len(page_path) :]
        if request.GET:
            suffix += "?" + request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request) + suffix
        elif request is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "active": code == current})
    return {"links": links, "request": request}


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    home = home_for_request(request)
    return home.get_url(request) if home else f"/{translation.get_language()}/"
