"""The floor: the cheapest answer the same gunicorn, middleware and Django can give.

Every page's requests per second is reported as a share of this view's, so that the
figures mean the same on a fast laptop and on a busy two-core server.
"""

from functools import cache

from django.conf import settings
from django.http import HttpResponse

HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>'
TAIL = "</body></html>"


@cache
def floor_html(size: int) -> bytes:
    """Fixed HTML of exactly `size` bytes (or the bare frame, if `size` is smaller)."""
    filler = max(0, size - len(HEAD) - len(TAIL))
    line = "<p>Floor.</p>\n"
    body = (line * (filler // len(line) + 1))[:filler]
    return (HEAD + body + TAIL).encode()


def floor(request):
    return HttpResponse(floor_html(settings.BENCH_FLOOR_BYTES), content_type="text/html; charset=utf-8")
