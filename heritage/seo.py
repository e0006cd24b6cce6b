"""The addresses search engines are given for a page: its canonical address and its
`hreflang` alternates, one per language it is published in plus `x-default` (the address
for a visitor whose language is none of ours: the default language's, else the first
language the page has). Pages, the sitemap and routable pages all build them here."""

from django.conf import settings

X_DEFAULT = "x-default"


def hreflang_alternates(urls: dict[str, str], suffix: str = "") -> list[tuple[str, str]]:
    """(hreflang, address + `suffix`) for each language in `urls`, then `x-default`."""
    if not urls:
        return []
    pairs = sorted((code, url + suffix) for code, url in urls.items())
    order = [settings.LANGUAGE_CODE] + [code for code, _name in settings.LANGUAGES]
    default = next(code for code in (*order, *sorted(urls)) if code in urls)
    return [*pairs, (X_DEFAULT, urls[default] + suffix)]


def list_page_suffix(request) -> str:
    """`?page=N` when the request asks for page 2 or later of a paged list: such a page is
    its own page for search engines, not a copy of the first. Filters and sorting are
    left out, so every ordering of one list has one address."""
    if request is None:
        return ""
    try:
        number = int(request.GET.get("page", ""))
    except ValueError:
        return ""
    return f"?page={number}" if number > 1 else ""
