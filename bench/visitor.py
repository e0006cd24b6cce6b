"""The soak's virtual visitors: each keeps her own cookies (session, CSRF), follows redirects
like a browser, and has every request she sends timed into a shared `Tally`.

Only the standard library: one new connection per request, as gunicorn's sync workers close
the connection after each answer anyway.
"""

import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
OFFER_FORM = re.compile(r'<form class="offer-form"[^>]*>(.*?)</form>', re.S)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OFFER_FIELD = re.compile(r'name="offer" value="(\d+)"')


def is_error(status: int | None) -> bool:
    """What the soak may never see: no answer at all (refused, reset, timed out) or a 5xx."""
    return status is None or status >= 500


def percentile(values: list[float], p: float) -> float:
    """The `p`-th percentile (0–100) of `values` by the nearest-rank method; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil without floats
    return ordered[int(rank) - 1]


def offer_form_fields(html: str) -> dict[str, str] | None:
    """The fields an "Add to cart" button posts (CSRF token and offer), from an artwork page;
    None when the work has nothing for sale."""
    form = OFFER_FORM.search(html)
    if not form:
        return None
    token, offer = CSRF_FIELD.search(form.group(1)), OFFER_FIELD.search(form.group(1))
    if not (token and offer):
        return None
    return {"csrfmiddlewaretoken": token.group(1), "offer": offer.group(1)}


@dataclass
class ActionStats:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    refused: int = 0  # 4xx: not a failure of the site, but a sign the visitor went wrong


@dataclass
class Failure:
    action: str
    method: str
    path: str
    what: str  # "HTTP 502" or the exception


class Tally:
    """Every request of every visitor, by action; safe to share between threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.actions: dict[str, ActionStats] = {}
        self.failures: list[Failure] = []

    def record(self, action: str, status: int | None, ms: float, *, method="GET", path="", error="") -> None:
        with self._lock:
            stats = self.actions.setdefault(action, ActionStats())
            stats.latencies_ms.append(ms)
            key = str(status) if status is not None else "no answer"
            stats.statuses[key] = stats.statuses.get(key, 0) + 1
            if is_error(status):
                stats.errors += 1
                self.failures.append(Failure(action, method, path, error or f"HTTP {status}"))
            elif status >= 400:
                stats.refused += 1
                self.failures.append(Failure(action, method, path, f"HTTP {status}"))

    @property
    def errors(self) -> int:
        return sum(stats.errors for stats in self.actions.values())

    @property
    def requests(self) -> int:
        return sum(len(stats.latencies_ms) for stats in self.actions.values())

    def latencies(self) -> list[float]:
        return [ms for stats in self.actions.values() for ms in stats.latencies_ms]


@dataclass
class Answer:
    status: int | None
    path: str
    body: str = ""


class Visitor:
    """One person's browser: her cookies, redirects followed, each request timed."""

    def __init__(self, host: str, port: int, tally: Tally, *, timeout: float = 30):
        self.host, self.port, self.tally, self.timeout = host, port, tally, timeout
        self.cookies: dict[str, str] = {}
        self.cart_items = 0

    def get(self, path: str, action: str) -> Answer:
        return self._follow("GET", path, action, body=None)

    def post(self, path: str, data: dict, action: str, *, referer: str) -> Answer:
        return self._follow("POST", path, action, body=urlencode(data), referer=referer)

    def _follow(self, method, path, action, *, body, referer="") -> Answer:
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, text = self._send(method, path, action, body=body, referer=referer)
            if status not in REDIRECTS:
                return Answer(status, path, text)
            referer, location = path, urlsplit(headers.get("Location", "/"))
            path = location.path + (f"?{location.query}" if location.query else "")
            if status in {301, 302, 303}:
                method, body = "GET", None
        return Answer(status, path, text)

    def _send(self, method, path, action, *, body, referer):
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "heritage-soak/1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if referer:
            headers["Referer"] = f"http://{self.host}:{self.port}{referer}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            ms = (time.perf_counter() - started) * 1000
            self.tally.record(
                action, None, ms, method=method, path=path, error=f"{type(exc).__name__}: {exc}"
            )
            return None, {}, ""
        finally:
            connection.close()
        self.tally.record(
            action, response.status, (time.perf_counter() - started) * 1000, method=method, path=path
        )
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return response.status, response.headers, text

    def _keep_cookies(self, lines: list[str]) -> None:
        for line in lines:
            cookie = SimpleCookie()
            cookie.load(line)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
