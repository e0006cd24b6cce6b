"""Production, end to end: the repository's nginx configuration in front of two gunicorn
instances and the task worker, with the production settings, driven in Chromium.

The tests run in this order and share one stack (tests/prod/conftest.py); the last one reads
nginx's access log for any 5xx answer of the whole run.
"""

import gzip
import json
import re
import socket
import ssl
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.prod.people import ARTIST, EDITOR

pytestmark = pytest.mark.prod_smoke

BUYER = {"email": "zebo@example.org", "name": "Zebo Saidova"}
CARD_BUYER = {"email": "aigerim@example.org", "name": "Aigerim Sadykova"}
MAIL_RETRY_WAIT = 100  # the worker retries a failed email after 60 s (heritage.tasks.RETRY_DELAYS)


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body


def fetch(
    url: str, *, stack, headers: dict | None = None, method: str = "GET", data: bytes | None = None
) -> Answer:
    """One request without following redirects, trusting the smoke's certificate."""
    context = ssl.create_default_context(cafile=str(stack.cert))

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), NoRedirect)
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)  # noqa: S310
    try:
        with opener.open(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def direct(stack, instance: str, path: str, **kwargs) -> Answer:
    """`path` asked of one gunicorn instance, as nginx would ask it."""
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **kwargs.pop("headers", {})}
    return fetch(stack.instance_url(instance) + path, stack=stack, headers=headers, **kwargs)


def checkout(page, work_url: str, buyer: dict, method: str) -> None:
    """Put the work's original in the cart and place the order with `method`."""
    page.goto(work_url)
    page.locator("form.offer-form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/en/shop/cart/"))
    page.get_by_role("link", name="Go to checkout").click()
    page.fill("input[name=email]", buyer["email"])
    page.fill("input[name=name]", buyer["name"])
    page.fill("input[name=address_line1]", "Rudaki Avenue 40, apt 2")
    page.fill("input[name=city]", "Dushanbe")
    page.fill("input[name=postal_code]", "734025")
    page.select_option("select[name=country]", "TJ")
    page.check(f"input[name=payment_method][value={method}]")
    page.check("input[name=terms_accepted]")
    page.get_by_role("button", name="Place the order").click()


def test_pages_come_over_http2_with_the_production_headers(stack, visitor):
    response = visitor.goto("/en/")
    assert response.status == 200
    assert visitor.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol") == "h2"
    headers = response.headers
    assert "max-age=31536000" in headers["strict-transport-security"]
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    cookies = {c["name"]: c for c in visitor.context.cookies()}
    assert all(c["secure"] and c["httpOnly"] for c in cookies.values()), cookies


def test_plain_http_is_sent_to_https_except_on_the_loopback_listener(stack):
    answer = fetch(f"http://127.0.0.1:{stack.ports['http']}/en/", stack=stack, headers={"Host": "127.0.0.1"})
    assert answer.status == 301
    assert answer.headers["Location"] == "https://127.0.0.1/en/"
    # Programs on the machine itself are served over plain HTTP, as if it were HTTPS.
    local = fetch(stack.loopback_url + "/healthz", stack=stack)
    assert local.status == 200 and b'"ok"' in local.body


def test_a_request_over_the_upload_limit_is_refused_by_nginx_itself(stack):
    """30 MB at most (an image of 25 MB plus the form): nginx refuses more before gunicorn
    reads a byte of it."""
    with socket.create_connection(("127.0.0.1", stack.ports["loopback"]), timeout=10) as sock:
        sock.sendall(
            b"POST /en/studio/artworks/new/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + f"Content-Length: {31 * 1024 * 1024}\r\n\r\n".encode()
        )
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"


def test_static_files_are_compressed_and_cached_for_a_year(stack):
    home = fetch(stack.base_url + "/en/", stack=stack).body.decode()
    stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', home)
    assert stylesheets, "the home page links no stylesheet"
    for path in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", path), f"{path} has no hashed name"
        answer = fetch(stack.base_url + path, stack=stack, headers={"Accept-Encoding": "gzip"})
        assert answer.status == 200
        assert answer.headers["Content-Encoding"] == "gzip"
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert b"{" in gzip.decompress(answer.body)
    # The unhashed name is served too, but briefly cached: its content may change.
    plain = re.sub(r"\.[0-9a-f]{12}\.css$", ".css", stylesheets[0])
    answer = fetch(stack.base_url + plain, stack=stack)
    assert answer.status == 200 and "immutable" not in answer.headers["Cache-Control"]


def test_a_buyer_orders_by_bank_transfer_while_the_mail_server_is_down(stack, visitor):
    stack.mail.stop()
    checkout(visitor, stack.seeded["works"]["bank"], BUYER, "bank_transfer")
    expect(visitor).to_have_url(re.compile(r"/en/shop/orders/[^/]+/$"))
    expect(visitor.locator(".payment-reference")).to_be_visible()
    # The worker tried to send the confirmation, failed, and queued it again.
    retried = re.compile(
        rf"Email 'Order \S+ received' to \['{re.escape(BUYER['email'])}'\] failed .*; attempt 2"
    )
    deadline = time.monotonic() + 30
    while not retried.search((stack.logs / "worker.log").read_text()) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert retried.search((stack.logs / "worker.log").read_text()), "the worker never tried to send the email"
    assert stack.mail.to(BUYER["email"]) == []
    stack.mail.start()
    stack.bank_order_placed_at = time.monotonic()


def test_a_work_reserved_through_nginx_is_reserved_on_both_instances_at_once(stack):
    path = stack.seeded["works"]["bank"]
    for instance in ("a", "b"):
        page = direct(stack, instance, path).body.decode()
        assert "offer-status-reserved" in page, f"gunicorn {instance} still offers the work"


def test_a_buyer_pays_by_card_and_stripe_s_webhook_comes_through_nginx(stack, visitor):
    checkout(visitor, stack.seeded["works"]["card"], CARD_BUYER, "card")
    # Stripe Checkout's own address (the fake answers it): the CSP's form-action let her go.
    expect(visitor.locator("#amount")).to_be_visible()
    assert visitor.url.startswith("https://checkout.stripe.com/pay/")
    visitor.locator("#pay").click()
    expect(visitor).to_have_url(re.compile(r"/en/shop/orders/[^/]+/(\?paid=1)?$"))
    expect(visitor.locator("main")).to_contain_text("Paid")
    assert [d.status_code for d in stack.stripe.deliveries] == [200]
    # Stripe's signed event came over HTTPS through nginx, and was accepted.
    webhook = re.compile(r'"POST /webhooks/stripe/ HTTP/[0-9.]+" 200 ')
    assert any(webhook.search(line) for line in stack.access_log())


def test_a_work_sold_through_one_instance_is_sold_on_the_other_at_once(stack):
    webhook = next(line for line in stack.access_log() if "POST /webhooks/stripe/" in line)
    booked_by = re.search(r"upstream=(\S+)", webhook).group(1)
    assert booked_by in {f"127.0.0.1:{stack.ports['gunicorn_a']}", f"127.0.0.1:{stack.ports['gunicorn_b']}"}
    path = stack.seeded["works"]["card"]
    for instance in ("a", "b"):
        page = direct(stack, instance, path).body.decode()
        assert "offer-status-sold" in page, f"gunicorn {instance} does not know the work was sold"


def test_rate_limit_counters_are_shared_by_both_instances(stack):
    """Ten password-reset requests an hour from one address: asked alternately of A and B,
    the eleventh is refused, wherever it lands."""
    form = direct(stack, "a", "/en/accounts/password-reset/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body.decode()).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", form.headers["Set-Cookie"]).group(1)
    headers = {
        "Cookie": f"csrftoken={cookie}",
        "Origin": "https://127.0.0.1",
        "X-Forwarded-For": "203.0.113.77",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    statuses = []
    for n in range(11):
        body = f"csrfmiddlewaretoken={token}&email=nobody{n}%40example.org".encode()
        answer = direct(
            stack, "ab"[n % 2], "/en/accounts/password-reset/", method="POST", data=body, headers=headers
        )
        statuses.append(answer.status)
    assert statuses[:10] == [302] * 10, statuses
    assert statuses[10] == 429, statuses


def sign_in(page, email: str, password: str, path: str = "/en/accounts/login/") -> None:
    page.goto(path)
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit], form.form button[type=submit]").first.click()


def test_an_artist_s_studio_upload_goes_to_the_bucket_and_only_its_renditions_are_public(
    stack, visitor, tmp_path
):
    from PIL import Image

    photo = tmp_path / "IMG_2026.jpg"
    Image.new("RGB", (1600, 1200), "#b0413e").save(photo, "JPEG", quality=85)
    before = set(stack.bucket_keys("original_images/"))
    sign_in(visitor, ARTIST["email"], ARTIST["password"])
    expect(visitor).not_to_have_url(re.compile(r"/accounts/login/"))
    visitor.goto(stack.seeded["draft_edit_url"])
    visitor.set_input_files("#upload_file", str(photo))
    visitor.fill("#upload_alt_text", "A pomegranate red square, a test photo")
    visitor.click("#upload-form button[type=submit]")
    expect(visitor.locator(".upload-status")).to_have_text("Photo added.")

    added = sorted(set(stack.bucket_keys("original_images/")) - before)
    assert len(added) == 1, added
    original = added[0]
    stem = original.removeprefix("original_images/").rsplit(".", 1)[0]
    status, _, _ = stack.bucket_anonymous_get(original)
    assert status == 403, "the original's bucket address must be refused to anyone"
    # The worker makes the renditions after the upload; they are public and cached for a year.
    deadline = time.monotonic() + 60
    renditions = []
    while not renditions and time.monotonic() < deadline:
        renditions = [k for k in stack.bucket_keys("images/") if k.startswith(f"images/{stem}.")]
        time.sleep(1)
    assert renditions, "no rendition of the upload was made by the worker"
    status, headers, body = stack.bucket_anonymous_get(renditions[0])
    assert status == 200 and body
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_editor_signs_in_to_the_admin_with_a_two_step_code(stack, visitor):
    from tests.two_factor import code_for_key

    sign_in(visitor, EDITOR["email"], EDITOR["password"], path="/admin/login/")
    visitor.wait_for_url(re.compile(r"/accounts/two-factor/"))
    key = visitor.locator(".two-factor-secret").inner_text().replace(" ", "")
    visitor.fill("input[name=code]", code_for_key(key))
    visitor.get_by_role("button", name="Continue").click()
    visitor.wait_for_url(re.compile(r"/accounts/two-factor/recovery-codes/"))
    assert len(visitor.locator(".recovery-code code").all_inner_texts()) == 10
    visitor.get_by_role("link", name="I have saved them — continue").click()
    visitor.wait_for_url(re.compile(r"/admin/$"))
    expect(visitor.locator("main, #main").first).to_be_visible()


def test_a_scheduled_page_goes_live_when_publish_scheduled_runs(stack):
    url = stack.base_url + stack.seeded["scheduled_url"]
    assert fetch(url, stack=stack).status == 404
    time.sleep(stack.seeded["scheduled_in"])
    stack.manage("publish_scheduled")
    answer = fetch(url, stack=stack)
    assert answer.status == 200
    assert "About the weavers" in answer.body.decode()


def test_an_original_on_disk_is_sent_by_nginx_only_to_its_signed_in_owner(stack, visitor):
    """Media on this disk (no bucket): the app checks who asks and hands the sending to nginx."""
    on_disk = stack.without_bucket()
    stack.restart_instances(on_disk)
    try:
        made = json.loads(stack.python("-m", "tests.prod.seed", "original", env=on_disk))
        name = made["name"]
        assert fetch(f"{stack.base_url}/originals/{name}", stack=stack).status == 404  # anyone
        assert fetch(f"{stack.base_url}/_private_media/{name}", stack=stack).status == 404  # internal only
        assert fetch(f"{stack.base_url}/media/{name}", stack=stack).status == 403  # an old copy, refused

        sign_in(visitor, ARTIST["email"], ARTIST["password"])
        expect(visitor).not_to_have_url(re.compile(r"/accounts/login/"))
        answer = visitor.request.get(f"/originals/{name}")
        assert answer.status == 200
        assert len(answer.body()) == made["size"]
        assert {"private", "no-store"} <= {
            part.strip() for part in answer.headers["cache-control"].split(",")
        }
        assert "x-accel-redirect" not in answer.headers
        # Asked directly, the app sends no file, only the address nginx sends it from.
        session = next(c for c in visitor.context.cookies() if c["name"] == "sessionid")
        app = direct(stack, "a", f"/originals/{name}", headers={"Cookie": f"sessionid={session['value']}"})
        assert app.status == 200 and app.body == b""
        assert app.headers["X-Accel-Redirect"] == f"/_private_media/{name}"
    finally:
        stack.restart_instances(stack.env)


def test_the_email_held_back_by_the_mail_outage_is_delivered_by_the_worker(stack):
    """The bank-transfer order's confirmation failed while the mail server was down; the
    worker's retry a minute later delivers it, once, with a link to the order on the site."""
    waited = time.monotonic() - stack.bank_order_placed_at
    messages = stack.mail.wait_for(BUYER["email"], timeout=max(MAIL_RETRY_WAIT - waited, 5))
    assert messages, f"no email reached {BUYER['email']} within {MAIL_RETRY_WAIT} s of the order"
    assert len(messages) == 1
    assert re.fullmatch(r"Order \S+ received", messages[0]["Subject"])
    assert f"{stack.base_url}/en/shop/orders/" in messages[0].get_content()


def test_nginx_answered_no_request_with_a_server_error(stack):
    log = stack.access_log()
    assert len(log) > 20
    upstreams = " ".join(log)
    for instance in ("a", "b"):
        upstream = f"upstream=127.0.0.1:{stack.ports['gunicorn_' + instance]}"
        assert upstream in upstreams, f"nginx sent nothing to gunicorn {instance}"
    assert stack.five_xx() == [], "\n".join(stack.five_xx())
