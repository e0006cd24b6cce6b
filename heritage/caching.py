"""What visitors see, cached under one content version.

The version is a random token in the cache. Anything a visitor can see changing — a page
published, moved or deleted, a work approved or archived, an offer's stock taken by a sale,
an order paid or cancelled (it decides "reserved" or "sold"), a registration for an event,
a setting saved — replaces the token, so every cached page and layout piece made under the
old one is never read again (the cache evicts it in its own time). It is coarse on purpose:
one rule that cannot miss a dependency is worth more than fine-grained keys that can, and
on this site reads outnumber changes by thousands to one.

Changes made inside a transaction replace the token at once and again when it commits, so a
request that read the old rows before the commit cannot store them under the new token.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from hashlib import blake2b
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import AbstractSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

CONTENT_VERSION_KEY = "heritage:content-version"

# Models whose rows show on public pages (beyond Wagtail pages, which always count): the
# foundation's and Wagtail's here; each app above adds its own in `AppConfig.ready()`.
PUBLIC_MODELS: set[str] = {
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "heritage.CustomImage",
    "heritage.SiteSettings",
    "taggit.Tag",
}


def public_models_register(*models) -> None:
    """Count a save or delete of these models' rows as a change visitors can see."""
    PUBLIC_MODELS.update(model._meta.label for model in models)


# Fields Wagtail fills in by itself on first use (an image's hash and size, when its first
# rendition is made): saving only these changes nothing a visitor sees.
BOOKKEEPING_FIELDS = frozenset({"file_hash", "file_size"})


# The token as this request first read it (see `content_version_kept`).
_kept_version: ContextVar[str | None] = ContextVar("heritage_content_version", default=None)


def content_version() -> str:
    """The current token, made on first use."""
    kept = _kept_version.get()
    if kept is not None:
        return kept
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, uuid4().hex, None)
        version = cache.get(CONTENT_VERSION_KEY) or ""
    return version


@contextmanager
def content_version_kept() -> Iterator[None]:
    """Read the token once for a whole request, not once per cached piece: one cache round
    trip instead of a dozen, and a page built from one snapshot of the content. A change
    made by the request itself drops the kept token."""
    token = _kept_version.set(content_version())
    try:
        yield
    finally:
        _kept_version.reset(token)


def _replace_version() -> None:
    cache.set(CONTENT_VERSION_KEY, uuid4().hex, None)


def content_changed() -> None:
    """Something public changed: forget every cached page and layout piece, now and (inside a
    transaction) once more when it commits."""
    _kept_version.set(None)
    _replace_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_replace_version)


def cache_key(*parts: Any) -> str:
    """A short cache key for any parts (paths and query strings can be long or odd)."""
    digest = blake2b("\x1f".join(str(part) for part in parts).encode(), digest_size=16).hexdigest()
    return f"heritage:{digest}"


def layout_cached(name: str, parts: tuple, build: Callable[[], Any], *, seconds: int | None = None) -> Any:
    """The value `build()` makes for a piece of the shared layout (menu, footer, language
    links), kept until the content changes or LAYOUT_CACHE_SECONDS pass (or `seconds`, when
    shorter: for what also changes with the clock, such as "upcoming")."""
    longest = getattr(settings, "LAYOUT_CACHE_SECONDS", 3600)
    seconds = min(seconds, longest) if seconds is not None else longest
    if not seconds:
        return build()
    key = cache_key("layout", content_version(), name, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value


def page_translations(page, request) -> dict:
    """A page's live translations (itself included) for the language links and `hreflang`
    alternates: {"urls": {language: address}, "full_urls": {language: absolute address},
    "path": the page's own address}, cached until the content changes."""

    def build():
        translations = list(page.get_translations(inclusive=True).live().select_related("locale"))
        return {
            "urls": {tr.locale.language_code: tr.get_url(request) for tr in translations},
            "full_urls": {tr.locale.language_code: tr.get_full_url(request) for tr in translations},
            "path": page.get_url(request) or "",
        }

    host = request.get_host() if request is not None else ""
    return layout_cached("translations", (host, page.pk), build)


def _on_save_or_delete(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if kwargs.get("created") and isinstance(instance, AbstractSetting):
        return  # made with its defaults on first read: what was shown already
    if sender._meta.label in PUBLIC_MODELS or isinstance(instance, Page):
        content_changed()


def _on_wagtail_change(sender, **kwargs) -> None:
    content_changed()


def register_signal_handlers() -> None:
    post_save.connect(_on_save_or_delete, dispatch_uid="heritage-content-saved")
    post_delete.connect(_on_save_or_delete, dispatch_uid="heritage-content-deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_wagtail_change, dispatch_uid=f"heritage-content-{id(signal)}")
