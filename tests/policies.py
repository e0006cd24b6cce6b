"""Policy pages for tests: the terms of sale (and others) published under each home page."""

from cms.models import PolicyPage
from tests.factories import _translate, build_site

TITLES = {
    "terms": {"en": "Terms of sale", "ru": "Условия продажи", "tg": "Шартҳои фурӯш"},
    "returns": {
        "en": "Returns and refunds",
        "ru": "Возврат и возмещение",
        "tg": "Баргардонидан ва бозпардохт",
    },
}


def policy_publish(
    home, *, kind: str = "terms", title: str | None = None, slug: str | None = None
) -> PolicyPage:
    """A policy page of `kind` under `home`, published once (version 1)."""
    page = PolicyPage(kind=kind, title=title or TITLES[kind]["en"], slug=slug or kind, intro="The rules.")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def site_with_policies(kinds=("terms", "returns")) -> dict:
    """The three-language site with each policy of `kinds` in English, Russian and Tajik:
    {"home": {...}, "about": {...}, "terms": {code: page}, ...}."""
    pages = build_site()
    for kind in kinds:
        english = policy_publish(pages["home"]["en"], kind=kind)
        pages[kind] = {"en": english}
        for code in ("ru", "tg"):
            pages[kind][code] = _translate(english, pages["home"][code].locale, title=TITLES[kind][code])
    return pages


def policy_republish(page: PolicyPage, **changes) -> PolicyPage:
    """Publish a new version of a policy page."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
