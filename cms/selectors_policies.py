"""Reads of the policy pages: which version is live, and the links to every policy in a
language (for the footer, the checkout and the order emails)."""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import Locale, Page, PageLogEntry

PUBLISH_ACTION = "wagtail.publish"


@dataclass(frozen=True)
class PolicyVersion:
    """One publication of a policy page: the revision that went live, its number (the page's
    first publication is version 1) and when it was published."""

    page_id: int
    revision_id: int
    version: int
    published_at: datetime
    title: str
    url: str
    full_url: str


def policy_version_of(page: Page) -> PolicyVersion | None:
    """The live version of a policy page, or None while it is not live."""
    if not page.live or page.live_revision_id is None:
        return None
    version = PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH_ACTION).count()
    return PolicyVersion(
        page_id=page.pk,
        revision_id=page.live_revision_id,
        version=max(version, 1),
        published_at=page.last_published_at or page.first_published_at,
        title=page.title,
        url=page.get_url() or "",
        full_url=page.get_full_url() or "",
    )


def _default_locale() -> Locale | None:
    """The default language's locale, or None on a site with no languages set up yet."""
    try:
        return Locale.get_default()
    except Locale.DoesNotExist:
        return None


def _policies(model, language: str):
    locale = Locale.objects.filter(language_code=language).first() or _default_locale()
    return model.objects.live().filter(locale=locale) if locale is not None else model.objects.none()


def policy_current(model, *, kind: str, language: str) -> PolicyVersion | None:
    """The live version of the policy of `kind` in `language` (else the default language's)."""
    page = _policies(model, language).filter(kind=kind).first()
    default = _default_locale()
    if page is None and default is not None:
        page = model.objects.live().filter(kind=kind, locale=default).first()
    return policy_version_of(page) if page is not None else None


def policy_links(model, *, language: str) -> list[dict]:
    """Every live policy in `language`, in the order of their kinds: kind, page id, title,
    URL and full URL."""
    order = {kind: index for index, kind in enumerate(model.Kind.values)}
    pages = sorted(_policies(model, language), key=lambda page: order.get(page.kind, 99))
    return [
        {
            "kind": page.kind,
            "pk": page.pk,
            "title": page.title,
            "url": page.get_url() or "",
            "full_url": page.get_full_url() or "",
        }
        for page in pages
    ]
