"""What an attacker types, and how to tell it did no harm: shared by the abuse tests."""

import re
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

SCRIPT_TAG = re.compile(r"<script(?![^>]*\btype=\"application/ld\+json\")[^>]*>\s*alert", re.IGNORECASE)
EVENT_HANDLER_IN_TAG = re.compile(r"<[a-z][^<>]*\sonerror\s*=", re.IGNORECASE)


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
    """No script element that runs `alert`, no `onerror=` inside a tag, no template syntax
    evaluated (the literal braces must still be there, or absent, never replaced by data)."""
    assert not SCRIPT_TAG.search(text), f"live <script> in {where}"
    assert not EVENT_HANDLER_IN_TAG.search(text), f"live onerror= in {where}"
