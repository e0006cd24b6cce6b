"""Structured data for search engines: schema.org objects written as JSON-LD data blocks.

A `<script type="application/ld+json">` is data the browser never runs, so the strict CSP
(no inline scripts) allows it; what goes in it comes from artists and editors, so `<`, `>`
and `&` are written as JSON escapes and no title can close the element or open another.
The pages build plain dicts; `{% jsonld_script %}` (heritage_tags) writes them out.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Site

SCHEMA = "https://schema.org"
SITE_NAME = "TajikHeritage"
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def jsonld_dumps(data: dict) -> SafeString:
    """`data` as JSON safe inside a script element."""
    text = json.dumps(data, ensure_ascii=False, cls=_Encoder).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308 -- <, > and & escaped above


def jsonld_script(data: dict, *, element_id: str = "") -> SafeString:
    """The whole `<script type="application/ld+json">` element for `data`."""
    if element_id:
        return format_html(
            '<script type="application/ld+json" id="{}">{}</script>', element_id, jsonld_dumps(data)
        )
    return format_html('<script type="application/ld+json">{}</script>', jsonld_dumps(data))


def organization(request) -> dict:
    """The organisation behind the site, as publisher or organizer."""
    site = Site.find_for_request(request) if request is not None else None
    data = {"@type": "Organization", "name": SITE_NAME}
    if site is not None:
        data["url"] = site.root_url + "/"
    return data


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if hasattr(o, "isoformat"):
            return o.isoformat()
        return str(o)  # lazy translations
