"""The outside services of the production smoke, run in the test process: a mail server that
can be taken down and brought back, and the fake Stripe with its Checkout page at Stripe's
own address (so the site's Content-Security-Policy is tested as it is in production)."""

from __future__ import annotations

import email
import email.policy
import logging
import ssl
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.fakes.stripe_server import Delivery, FakeStripe

STRIPE_CHECKOUT = "https://checkout.stripe.com"
# aiosmtpd logs every connection at INFO.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class MailServer:
    """An SMTP server on 127.0.0.1 with STARTTLS (the site's smtp:// URLs ask for it) that
    keeps every message it receives. `stop()` takes it down; `start()` brings it back on the
    same port."""

    def __init__(self, port: int, cert: Path, key: Path):
        self.port = port
        self.messages: list[email.message.EmailMessage] = []
        self._lock = threading.Lock()
        self._tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._tls.load_cert_chain(str(cert), str(key))
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=email.policy.default
        )
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def start(self) -> MailServer:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=self._tls)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self._lock:
            return [m for m in self.messages if address in str(m.get("To", ""))]

    def wait_for(self, address: str, *, timeout: float) -> list[email.message.EmailMessage]:
        """The messages to `address`, once at least one has come (an empty list after `timeout`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.to(address)
            if found:
                return found
            time.sleep(0.5)
        return []


class CheckoutStripe(FakeStripe):
    """The fake Stripe whose hosted payment page is addressed as Stripe's: the browser is
    sent to https://checkout.stripe.com/pay/<session>, and the test routes that address to
    the fake (`route_checkout`). Webhooks go to the site over HTTPS, trusting `cafile`."""

    cafile: Path | None = None

    def _post_http(self, url: str, payload: bytes, signature: str) -> Delivery:
        context = ssl.create_default_context(cafile=str(self.cafile)) if self.cafile else None
        request = urllib.request.Request(  # noqa: S310 - the smoke's own nginx
            url,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signature},
        )
        try:
            with urllib.request.urlopen(request, timeout=30, context=context) as response:  # noqa: S310
                delivery = Delivery(response.status, response.read())
        except urllib.error.HTTPError as error:
            delivery = Delivery(error.code, error.read())
        self.deliveries.append(delivery)
        return delivery

    def _session_create(self, params: dict, key: str) -> dict:
        public = super()._session_create(params, key)
        url = f"{STRIPE_CHECKOUT}/pay/{public['id']}"
        with self._lock:
            self.sessions[public["id"]]["url"] = url
        return {**public, "url": url}

    def route_checkout(self, context) -> None:
        """Serve Stripe Checkout's address in this browser context from the fake."""

        def forward(route):
            path = route.request.url.removeprefix(STRIPE_CHECKOUT)
            response = route.fetch(url=self.base_url + path, max_redirects=0)
            route.fulfill(response=response)

        context.route(f"{STRIPE_CHECKOUT}/**", forward)
