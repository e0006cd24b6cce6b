"""What an attacker types, and how to tell it did no harm: shared by the abuse tests."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

# Addresses a `next=` must never lead a visitor to.
OFF_SITE_NEXTS = [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    " //evil.example",
]

# Text meant to run as script, or to be read as a template, wherever it is shown.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "{{ request.user.email }}{% debug %}",
]


class _LiveMarkup(HTMLParser):
    """Reads a page as a browser would and notes what a payload would have made of it: an
    element with an `on…` handler that calls `alert`, the `<img src=x>` a payload brings, or
    a script element (other than JSON-LD data) whose code calls `alert`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        if tag == "script":
            self._script_type = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_type = None

    def handle_data(self, data):
        if self._script_type and "ld+json" not in self._script_type and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def location_is_off_site(location: str, host: str = "testserver") -> bool:
    """Whether a browser following `location` would leave `host` or run a script.

    Browsers read a backslash as a slash and skip leading blanks and control characters, so
    the address is normalised the way they would before it is judged.
    """
    url = location.strip(" \t\r\n\x00").replace("\\", "/")
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return True
    return bool(parts.netloc) and parts.netloc != host


def assert_no_live_payload(text: str, where: str = "") -> None:
    """No payload became markup: no script calling `alert`, no `onerror` handler, no
    injected image."""
    parser = _LiveMarkup()
    parser.feed(text)
    parser.close()
    assert not parser.found, f"live payload in {where}: {parser.found}"
