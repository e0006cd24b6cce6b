"""The soak's own parts, without gunicorn: what counts as an error, the percentiles, the
"Add to cart" form read from a page, a visitor's cookies and redirects, and the report."""

import argparse
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.soak import Memory, report_render
from bench.visitor import Tally, Visitor, is_error, offer_form_fields, percentile

ARTWORK_HTML = """
<form class="gallery-filters" method="get"><input name="q"></form>
<form class="offer-form" method="post" action="/en/shop/cart/add/">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok3n-ABC">
  <input type="hidden" name="offer" value="42">
  <button class="button" type="submit">Add to cart</button>
</form>
"""


def args(**overrides):
    return argparse.Namespace(**{"users": 8, "think": 0.3, "duration": 600, **overrides})


def test_server_errors_and_requests_without_an_answer_are_errors_and_nothing_else_is():
    assert [is_error(s) for s in (None, 500, 502, 503)] == [True] * 4
    assert [is_error(s) for s in (200, 302, 404, 429)] == [False] * 4


def test_percentiles_use_the_nearest_rank():
    values = list(range(1, 101))

    assert percentile(values, 95) == 95
    assert percentile(values, 50) == 50
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 95) == 0.0


def test_the_add_to_cart_form_gives_its_csrf_token_and_offer():
    assert offer_form_fields(ARTWORK_HTML) == {"csrfmiddlewaretoken": "tok3n-ABC", "offer": "42"}
    assert offer_form_fields("<p>Not for sale</p>") is None


def test_the_tally_counts_errors_and_refusals_apart_by_action():
    tally = Tally()
    tally.record("browse", 200, 12.0)
    tally.record("browse", 503, 40.0, path="/en/")
    tally.record(
        "add to cart", None, 30_000.0, method="POST", path="/en/shop/cart/add/", error="TimeoutError"
    )
    tally.record("checkout start", 429, 8.0)

    assert tally.errors == 2
    assert tally.requests == 4
    assert tally.actions["browse"].errors == 1
    assert tally.actions["checkout start"].refused == 1
    assert tally.actions["checkout start"].errors == 0
    assert [f.what for f in tally.failures] == ["HTTP 503", "TimeoutError", "HTTP 429"]


def test_the_report_has_a_row_per_action_the_error_count_p95_and_worker_memory():
    tally = Tally()
    for ms in range(1, 101):
        tally.record("browse", 200, float(ms))
    tally.record("search", 200, 500.0)
    memory = Memory(samples=[(0.0, 200 * 1024), (300.0, 230 * 1024), (600.0, 220 * 1024)])
    memory.pids_start = memory.pids_end = {11, 12}

    report = report_render(tally=tally, warmup=Tally(), memory=memory, args=args(), elapsed=600.0)

    assert "| browse | 100 | 0 | 0 | 50 | 95 | 100 | 200×100 |" in report
    assert "| search | 1 | 0 | 0 | 500 | 500 | 500 | 200×1 |" in report
    assert "| **all** | 101 | 0 | 0 |" in report
    assert "**Errors (5xx or no answer): 0** — PASS" in report
    assert "200 at the start, 220 at the end (+10.0%), peak 230" in report
    assert "the same workers throughout" in report


def test_a_report_with_one_server_error_fails_and_names_it():
    tally = Tally()
    tally.record("artwork", 200, 10.0)
    tally.record("artwork", 500, 10.0, path="/en/gallery/a/b/")

    report = report_render(tally=tally, warmup=Tally(), memory=Memory(), args=args(), elapsed=10.0)

    assert "**Errors (5xx or no answer): 1** — FAIL" in report
    assert "- artwork: GET /en/gallery/a/b/ → HTTP 500" in report


class ShopHandler(BaseHTTPRequestHandler):
    """A tiny shop: /add sets a cookie and redirects to /cart, which echoes the cookie."""

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(303)
        self.send_header("Location", "/cart/")
        self.send_header("Set-Cookie", "sessionid=s1; Path=/; HttpOnly")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        body = f"cookie={self.headers.get('Cookie', '')}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def shop_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ShopHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_visitor_keeps_her_cookies_and_follows_the_redirect_after_a_post(shop_server):
    tally = Tally()
    visitor = Visitor("127.0.0.1", shop_server, tally)

    answer = visitor.post("/add/", {"offer": "42"}, "add to cart", referer="/work/")

    assert (answer.status, answer.path, answer.body) == (200, "/cart/", "cookie=sessionid=s1")
    assert tally.actions["add to cart"].statuses == {"303": 1, "200": 1}
    assert tally.errors == 0


def test_a_server_that_does_not_answer_counts_as_an_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    tally = Tally()

    Visitor("127.0.0.1", port, tally, timeout=2).get("/", "browse")  # nothing listens there now

    assert tally.errors == 1
    assert tally.actions["browse"].statuses == {"no answer": 1}
