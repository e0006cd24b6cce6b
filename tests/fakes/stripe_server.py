"""A fake Stripe for the test suite: a real HTTP server on 127.0.0.1 that answers the calls
the shop makes through stripe-python (Checkout sessions, refunds, transfers), serves a tiny
hosted payment page, and signs webhook events exactly as Stripe does.

Use the `fake_stripe` fixture (re-exported by tests/shop/conftest.py; browser journeys import
it from here). It points `settings.STRIPE_API_BASE` at the fake and yields a `FakeStripe`:

    order = order_place((offer, 1))
    start = gateway_for(order).start(order, success_url=..., cancel_url=...)
    session_id = order.stripe_session_id
    fake_stripe.sessions[session_id]["params"]          # what the shop sent, nested
    fake_stripe.sessions[session_id]["idempotency_key"]
    response = fake_stripe.deliver(fake_stripe.complete(session_id), client=client)

For a browser journey set `fake_stripe.webhook_url = live_server.url + "/webhooks/stripe/"`:
pressing "Pay" on the hosted page then completes the session, posts the signed
`checkout.session.completed` event to the site over HTTP and redirects to the success URL.

`fake_stripe.fail("transfers", "Your destination account is restricted.")` makes every
later call to that endpoint answer with Stripe's error JSON (until `failures.clear()`);
`fake_stripe.slow("checkout/sessions", 2.0)` makes each call wait that long before it is
handled (until `delays.clear()`), as Stripe does on a bad day.

`fake_stripe.drop("transfers", after=True)` makes the next call to that endpoint do its work
and then close the connection without an answer (a read timeout after Stripe acted);
`after=False` closes it before anything is done (a timeout before Stripe acted). The client
sees a connection error at once, so tests of lost answers need not wait for a timeout.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import html
import json
import re
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

import pytest

# Stripe refuses a Checkout session that expires sooner than this after it is created.
SESSION_MIN_LIFETIME = 30 * 60
SESSION_MAX_LIFETIME = 24 * 60 * 60
# Session keys that describe the request, not the Stripe object; never sent back.
PRIVATE_KEYS = ("params", "idempotency_key")


def new_id(prefix: str) -> str:
    return f"{prefix}_test_{secrets.token_hex(12)}"


def form_decode(body: str) -> dict:
    """Stripe's form encoding back into nested dicts and lists:
    `line_items[0][price_data][unit_amount]=25000` → {"line_items": [{"price_data": {...}}]}."""
    root: dict = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _listify(root)


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    node = {key: _listify(value) for key, value in node.items()}
    if node and all(key.isdigit() for key in node):
        return [node[key] for key in sorted(node, key=int)]
    return node


class SignedEvent(NamedTuple):
    """A webhook as Stripe would post it: the JSON body and its `Stripe-Signature` header."""

    payload: bytes
    signature: str

    @property
    def data(self) -> dict:
        return json.loads(self.payload)

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass
class Delivery:
    """What the site answered to a webhook posted over HTTP."""

    status_code: int
    content: bytes


class StripeError(Exception):
    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", code: str = ""):
        self.status = status
        self.body = {"error": {"type": type, "message": message, **({"code": code} if code else {})}}
        super().__init__(message)


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """`Stripe-Signature` for `payload`: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.payload")>."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class FakeStripe:
    def __init__(self, *, api_key: str = "", webhook_secret: str | None = None):
        self.api_key = api_key
        self._webhook_secret = webhook_secret
        self.sessions: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.transfers: dict[str, dict] = {}
        self.charges: dict[str, dict] = {}  # by payment intent id
        self.requests: list[dict] = []
        self.events: list[SignedEvent] = []
        self.failures: dict[str, StripeError] = {}
        self.delays: dict[str, float] = {}
        self.drops: dict[str, list[bool]] = {}
        self.webhook_url: str | None = None
        self.deliveries: list[Delivery] = []
        self._idempotent: dict[tuple[str, str], tuple[str, int, dict]] = {}
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeStripe:
        fake = self

        class Handler(_Handler):
            stripe = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        host, port = self._server.server_address[:2]
        self.base_url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-stripe", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def webhook_secret(self) -> str:
        if self._webhook_secret is not None:
            return self._webhook_secret
        from django.conf import settings

        return settings.STRIPE_WEBHOOK_SECRET

    def fail(self, endpoint: str, message: str = "Something went wrong.", *, status=400, code=""):
        """Answer every later call to `endpoint` ("transfers", "refunds", "checkout/sessions",
        "checkout/sessions/expire") with a Stripe error."""
        self.failures[endpoint] = StripeError(status, message, code=code)

    def drop(self, endpoint: str, *, after: bool, times: int = 1) -> None:
        """Lose the answer of the next `times` calls to `endpoint`: after doing the work
        (`after=True`) or before (`after=False`)."""
        with self._lock:
            self.drops.setdefault(endpoint, []).extend([after] * times)

    def _drop_next(self, endpoint: str) -> bool | None:
        with self._lock:
            queue = self.drops.get(endpoint)
            return queue.pop(0) if queue else None

    def slow(self, endpoint: str, seconds: float) -> None:
        """Wait `seconds` before handling each later call to `endpoint` (names as for `fail`).
        The call still takes effect afterwards, as a slow Stripe's would."""
        self.delays[endpoint] = seconds

    def requests_to(self, method: str, path_prefix: str) -> list[dict]:
        return [r for r in self.requests if r["method"] == method and r["path"].startswith(path_prefix)]

    # -- the objects -----------------------------------------------------------------------

    def session(self, session_id: str) -> dict:
        """The session as Stripe would send it (without the recorded request)."""
        with self._lock:
            return _public(self.sessions[session_id])

    def complete(self, session_id: str, *, payment_status: str = "paid", amount_total=None, currency=None):
        """The buyer paid: the session becomes complete with a payment intent and a charge.
        Returns the signed `checkout.session.completed` event (not yet delivered).
        `amount_total`/`currency` override what the event reports (to test a mismatch)."""
        with self._lock:
            session = self.sessions[session_id]
            if session["status"] == "open":
                session["status"] = "complete"
                session["payment_status"] = payment_status
                intent = new_id("pi")
                session["payment_intent"] = intent
                self.charges[intent] = {
                    "id": new_id("ch"),
                    "object": "charge",
                    "amount": session["amount_total"],
                    "amount_refunded": 0,
                    "currency": session["currency"],
                    "payment_intent": intent,
                    "refunded": False,
                    "status": "succeeded",
                    "paid": True,
                }
            obj = _public(session)
        if amount_total is not None:
            obj["amount_total"] = amount_total
        if currency is not None:
            obj["currency"] = currency
        return self.event("checkout.session.completed", obj)

    def expire(self, session_id: str) -> SignedEvent:
        """The session ran out (or was expired): returns the signed `checkout.session.expired`
        event. A session already complete stays complete; the event then reports it as it is."""
        with self._lock:
            session = self.sessions[session_id]
            if session["status"] == "open":
                session["status"] = "expired"
            obj = _public(session)
            obj["status"] = "expired" if obj["status"] == "open" else obj["status"]
        return self.event("checkout.session.expired", obj)

    def refund_event(self, payment_intent: str, amount: int | None = None) -> SignedEvent:
        """A `charge.refunded` event for the payment. `amount` adds a refund made outside the
        shop (the Stripe dashboard); without it the event reports the refunds made so far."""
        with self._lock:
            charge = self.charges[payment_intent]
            if amount is not None:
                charge["amount_refunded"] += amount
                refund = {
                    "id": new_id("re"),
                    "object": "refund",
                    "amount": amount,
                    "charge": charge["id"],
                    "currency": charge["currency"],
                    "payment_intent": payment_intent,
                    "metadata": {},
                    "status": "succeeded",
                    "created": int(time.time()),
                }
                self.refunds[refund["id"]] = refund
            charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
            obj = dict(charge)
        return self.event("charge.refunded", obj)

    def event(self, type: str, obj: dict, *, timestamp: int | None = None, event_id: str = "") -> SignedEvent:
        """A Stripe event of `type` about `obj`, signed with STRIPE_WEBHOOK_SECRET."""
        created = int(time.time()) if timestamp is None else int(timestamp)
        body = {
            "id": event_id or new_id("evt"),
            "object": "event",
            "api_version": "2025-09-30.clover",
            "created": created,
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": type,
            "data": {"object": obj},
        }
        payload = json.dumps(body).encode()
        signed = SignedEvent(payload, sign(payload, self.webhook_secret, created))
        self.events.append(signed)
        return signed

    def deliver(self, event: SignedEvent | tuple, client=None):
        """Post a signed event to the site: through a Django test `client` if given (returns
        its response), else over HTTP to `webhook_url` (returns a `Delivery`), else through a
        fresh Django test client."""
        payload, signature = event
        if client is None and self.webhook_url:
            return self._post_http(self.webhook_url, payload, signature)
        if client is None:
            from django.test import Client

            client = Client()
        from django.urls import reverse

        return client.post(
            reverse("shop_webhooks:stripe"),
            data=payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature,
        )

    send_event = deliver

    def _post_http(self, url: str, payload: bytes, signature: str) -> Delivery:
        request = urllib.request.Request(  # noqa: S310 - the test's own local URL
            url,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signature},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local test URL
                delivery = Delivery(response.status, response.read())
        except urllib.error.HTTPError as error:
            delivery = Delivery(error.code, error.read())
        self.deliveries.append(delivery)
        return delivery

    # -- the API ---------------------------------------------------------------------------

    def api(self, method: str, path: str, params: dict, headers: dict) -> tuple[int, dict]:
        """Answer one API call: (HTTP status, JSON body)."""
        if not headers.get("authorization", "").startswith("Bearer sk_"):
            raise StripeError(401, "Invalid API Key provided.", type="invalid_request_error")
        key = headers.get("idempotency-key", "")
        if method == "POST" and key:
            with self._lock:
                seen = self._idempotent.get((path, key))
            if seen is not None:
                seen_params, status, body = seen
                if seen_params != json.dumps(params, sort_keys=True):
                    raise StripeError(
                        400,
                        "Keys for idempotent requests can only be used with the same parameters "
                        "they were first used with.",
                        type="idempotency_error",
                    )
                return status, body
        endpoint = _endpoint_name(path)
        drop = self._drop_next(endpoint) if method == "POST" else None
        if drop is False:
            raise _Dropped()
        status, body = self._route(method, path, params, key)
        if method == "POST" and key:
            with self._lock:
                self._idempotent[(path, key)] = (json.dumps(params, sort_keys=True), status, body)
        if drop is True:
            raise _Dropped()
        return status, body

    def _check_failure(self, endpoint: str) -> None:
        delay = self.delays.get(endpoint)
        if delay:
            time.sleep(delay)
        failure = self.failures.get(endpoint)
        if failure is not None:
            raise failure

    def _route(self, method: str, path: str, params: dict, key: str) -> tuple[int, dict]:
        if method == "GET" and path in LISTS:
            return 200, self._list(path, params)
        if method == "POST" and path == "/v1/checkout/sessions":
            self._check_failure("checkout/sessions")
            return 200, self._session_create(params, key)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire)?", path)
        if match:
            session_id, expire = match.groups()
            with self._lock:
                if session_id not in self.sessions:
                    raise StripeError(
                        404, f"No such checkout.session: '{session_id}'", code="resource_missing"
                    )
                if method == "GET" and not expire:
                    return 200, _public(self.sessions[session_id])
                if method == "POST" and expire:
                    self._check_failure("checkout/sessions/expire")
                    session = self.sessions[session_id]
                    if session["status"] != "open":
                        raise StripeError(
                            400,
                            'Only Checkout Sessions with a status in ["open"] can be expired. This '
                            f'Checkout Session has a status of "{session["status"]}".',
                        )
                    session["status"] = "expired"
                    return 200, _public(session)
        if method == "POST" and path == "/v1/refunds":
            self._check_failure("refunds")
            return 200, self._refund_create(params)
        if method == "POST" and path == "/v1/transfers":
            self._check_failure("transfers")
            return 200, self._transfer_create(params)
        raise StripeError(404, f"Unrecognized request URL ({method}: {path}).")

    def _list(self, path: str, params: dict) -> dict:
        """A list answer (one page holds everything: the shop asks for narrow sets)."""
        with self._lock:
            if path == "/v1/checkout/sessions":
                created = params.get("created") or {}
                since, until = int(created.get("gte", 0)), int(created.get("lte", 2**62))
                items = [_public(s) for s in self.sessions.values() if since <= s["created"] <= until]
            elif path == "/v1/refunds":
                intent = params.get("payment_intent")
                items = [
                    dict(r) for r in self.refunds.values() if not intent or r["payment_intent"] == intent
                ]
            else:
                group = params.get("transfer_group")
                items = [
                    dict(t) for t in self.transfers.values() if not group or t["transfer_group"] == group
                ]
        items.sort(key=lambda item: item.get("created", 0), reverse=True)
        return {"object": "list", "url": path, "has_more": False, "data": items}

    def _session_create(self, params: dict, key: str) -> dict:
        line_items = params.get("line_items") or []
        if not line_items:
            raise StripeError(400, "Missing required param: line_items.", code="parameter_missing")
        currencies = set()
        total = 0
        for item in line_items:
            price = item.get("price_data") or {}
            if "unit_amount" not in price or "currency" not in price:
                raise StripeError(400, "Missing required param: line_items[price_data].")
            currencies.add(price["currency"])
            total += int(price["unit_amount"]) * int(item.get("quantity", 1))
        if len(currencies) != 1 or any(c != c.lower() for c in currencies):
            raise StripeError(400, "All line items must use the same lowercase currency.")
        now = int(time.time())
        expires_at = int(params.get("expires_at") or now + SESSION_MAX_LIFETIME)
        if not now + SESSION_MIN_LIFETIME - 5 <= expires_at <= now + SESSION_MAX_LIFETIME:
            raise StripeError(
                400,
                "The `expires_at` timestamp must be between 30 minutes and 24 hours after "
                "Checkout Session creation.",
                code="parameter_invalid_integer",
            )
        if params.get("mode") != "payment":
            raise StripeError(400, "Missing required param: mode.", code="parameter_missing")
        session_id = new_id("cs")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_subtotal": total,
            "amount_total": total,
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "created": now,
            "currency": currencies.pop(),
            "customer_email": params.get("customer_email"),
            "expires_at": expires_at,
            "livemode": False,
            "locale": params.get("locale"),
            "metadata": params.get("metadata") or {},
            "mode": "payment",
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": params.get("success_url"),
            "url": f"{self.base_url}/pay/{session_id}",
            "params": params,
            "idempotency_key": key,
        }
        with self._lock:
            self.sessions[session_id] = session
            return _public(session)

    def _refund_create(self, params: dict) -> dict:
        intent = params.get("payment_intent") or ""
        with self._lock:
            charge = self.charges.get(intent)
            if charge is None:
                raise StripeError(404, f"No such payment_intent: '{intent}'", code="resource_missing")
            left = charge["amount"] - charge["amount_refunded"]
            amount = int(params.get("amount") or left)
            if amount <= 0 or amount > left:
                raise StripeError(
                    400,
                    f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
                    code="amount_too_large",
                )
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
            refund = {
                "id": new_id("re"),
                "object": "refund",
                "amount": amount,
                "charge": charge["id"],
                "currency": charge["currency"],
                "payment_intent": intent,
                "metadata": params.get("metadata") or {},
                "reason": params.get("reason"),
                "status": "succeeded",
                "created": int(time.time()),
            }
            self.refunds[refund["id"]] = refund
            return dict(refund)

    def _transfer_create(self, params: dict) -> dict:
        destination = params.get("destination") or ""
        if not destination.startswith("acct_"):
            raise StripeError(400, f"No such destination: '{destination}'", code="resource_missing")
        amount = int(params.get("amount") or 0)
        if amount <= 0:
            raise StripeError(400, "Invalid positive integer", code="parameter_invalid_integer")
        transfer = {
            "id": new_id("tr"),
            "object": "transfer",
            "amount": amount,
            "currency": params.get("currency"),
            "destination": destination,
            "metadata": params.get("metadata") or {},
            "transfer_group": params.get("transfer_group"),
            "description": params.get("description"),
            "created": int(time.time()),
            "reversed": False,
        }
        with self._lock:
            self.transfers[transfer["id"]] = transfer
        return dict(transfer)

    # -- the hosted payment page -----------------------------------------------------------

    def pay_page(self, session_id: str) -> tuple[int, str]:
        with self._lock:
            session = self.sessions.get(session_id)
            if session is None:
                return 404, _page("Not found", "<p>This payment page does not exist.</p>")
            session = dict(session)
        if session["status"] != "open":
            closed = f"<p id='closed'>This checkout is {html.escape(session['status'])}.</p>"
            return 410, _page("Closed", closed)
        amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
        body = (
            f"<p id='amount'>{html.escape(amount)}</p>"
            f"<p id='email'>{html.escape(session.get('customer_email') or '')}</p>"
            f"<form method='post' action='/pay/{html.escape(session_id)}'>"
            "<button type='submit' id='pay'>Pay</button></form>"
            f"<p><a id='cancel' href='{html.escape(session.get('cancel_url') or '')}'>Cancel</a></p>"
        )
        return 200, _page("Pay", body)

    def pay(self, session_id: str) -> tuple[int, str]:
        """Pressing "Pay": complete, deliver the webhook (if `webhook_url`), then the redirect."""
        with self._lock:
            session = self.sessions.get(session_id)
            if session is None or session["status"] != "open":
                return 410, ""
        event = self.complete(session_id)
        if self.webhook_url:
            self._post_http(self.webhook_url, *event)
        success = (session.get("success_url") or "").replace("{CHECKOUT_SESSION_ID}", session_id)
        return 303, success


LISTS = ("/v1/checkout/sessions", "/v1/refunds", "/v1/transfers")


class _Dropped(Exception):
    """The connection is closed without an answer."""


def _endpoint_name(path: str) -> str:
    """/v1/checkout/sessions/cs_1/expire → "checkout/sessions/expire" (names as for `fail`)."""
    parts = path.removeprefix("/v1/").split("/")
    if parts[:2] == ["checkout", "sessions"]:
        return "checkout/sessions/expire" if parts[-1] == "expire" else "checkout/sessions"
    return parts[0]


def _public(session: dict) -> dict:
    return {key: value for key, value in session.items() if key not in PRIVATE_KEYS}


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} – fake Stripe Checkout</title></head><body><main>{body}</main></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    stripe: FakeStripe
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        return

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode() if length else ""

    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up waiting (a timeout test)

    def _handle(self, method: str) -> None:
        url = urlsplit(self.path)
        raw = self._body()
        if url.path.startswith("/pay/"):
            session_id = url.path.removeprefix("/pay/").strip("/")
            if method == "GET":
                status, page = self.stripe.pay_page(session_id)
                self._send(status, page.encode(), "text/html; charset=utf-8")
            else:
                status, location = self.stripe.pay(session_id)
                if status == 303:
                    self._send(303, b"", "text/plain", {"Location": location})
                else:
                    page = _page("Closed", "<p>This checkout is closed.</p>")
                    self._send(status, page.encode(), "text/html; charset=utf-8")
            return
        params = form_decode(raw if method == "POST" else url.query)
        headers = {name.lower(): value for name, value in self.headers.items()}
        record = {"method": method, "path": url.path, "params": params, "headers": headers}
        with self.stripe._lock:
            self.stripe.requests.append(record)
        try:
            status, body = self.stripe.api(method, url.path, params, headers)
        except StripeError as error:
            status, body = error.status, error.body
        except _Dropped:
            record["status"] = "dropped"
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(2)
            return
        record["status"] = status
        extra = {"Request-Id": new_id("req")}
        if headers.get("idempotency-key"):
            extra["Idempotency-Key"] = headers["idempotency-key"]
        self._send(status, json.dumps(body).encode(), "application/json", extra)

    def do_GET(self):  # noqa: N802
        self._handle("GET")

    def do_POST(self):  # noqa: N802
        self._handle("POST")

    def do_DELETE(self):  # noqa: N802
        self._handle("DELETE")


@pytest.fixture
def fake_stripe(settings):
    """A running fake Stripe; `settings.STRIPE_API_BASE` points at it for the test."""
    server = FakeStripe(api_key=settings.STRIPE_SECRET_KEY).start()
    settings.STRIPE_API_BASE = server.base_url
    # Its payment page stands in for Stripe Checkout, where the checkout form's redirect leads.
    policy = settings.SECURE_CSP
    settings.SECURE_CSP = {**policy, "form-action": [*policy["form-action"], server.base_url]}
    settings.STRIPE_ENABLED = True
    try:
        yield server
    finally:
        server.stop()
