"""`make prod-smoke`: the production stack started once for the session (tests/prod/stack.py),
and Chromium pointed at its nginx. Every test here is marked `prod_smoke`, which the normal
`make test` run leaves out. On a failure the tails of the nginx, gunicorn and worker logs are
printed under the failing test, with what to do next."""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.fakes.s3_server import ACCESS_KEY, REGION, SECRET_KEY
from tests.prod import stack as st
from tests.prod.services import CheckoutStripe, MailServer

NEXT_STEPS = """\
What to do next:
  - read the log tails above (nginx access/error, gunicorn-a/-b, worker, moto);
  - rerun one check with: .venv/bin/python -m pytest -p no:cacheprovider -s -m prod_smoke tests/prod -k <name>
  - try the configuration by hand: python3 deploy/render.py --out /tmp/th && nginx -t -c <main conf>
    (after a failure the smoke's folder {root} is kept, with the rendered files)."""


# The stack of this session, for the logs shown when a test fails (even while it starts).
STARTED: list = []


@pytest.fixture(scope="session")
def stack():
    """The whole stack, from a fresh database to nginx answering; stopped at the end."""
    root = Path(tempfile.mkdtemp(prefix="heritage-prod-smoke-"))
    stack = st.Stack(root=root)
    stack.logs.mkdir()
    STARTED.append(stack)
    st.say(f"Working folder {root}")
    stack.ports = st.free_ports("https", "http", "loopback", "gunicorn_a", "gunicorn_b", "moto", "smtp")
    stack.cert, key = st.tls_make(root)
    mail = MailServer(stack.ports["smtp"], stack.cert, key).start()
    stripe = CheckoutStripe(api_key=st.STRIPE_KEY, webhook_secret=st.STRIPE_WEBHOOK_SECRET).start()
    stripe.webhook_url = stack.base_url + "/webhooks/stripe/"
    stripe.cafile = stack.cert
    try:
        st.say("PostgreSQL: a fresh database heritage_smoke; Redis: databases 10 and 11 emptied")
        database_url = st.database_fresh()
        st.redis_empty()
        moto_url = f"http://127.0.0.1:{stack.ports['moto']}"
        st.say("The media bucket: moto_server with the production bucket policy")
        stack.env_build(
            database_url=database_url, moto_url=moto_url, stripe_url=stripe.base_url, smtp_port=mail.port
        )
        _bucket_start(stack, moto_url)
        st.say("migrate, with collectstatic beside it; then check --deploy (production settings)")
        static = stack.spawn(
            "collectstatic", [st.sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        )
        stack.manage("migrate", "--noinput", "-v0")
        if static.wait() != 0:
            raise st.StackError("collectstatic failed: see collectstatic.log below")
        stack.processes.pop("collectstatic")
        stack.manage("check", "--deploy", "--fail-level", "WARNING")
        st.say("Seeding a small site (tests/prod/seed.py)")
        seeded = json.loads(stack.python("-m", "tests.prod.seed"))
        st.say("Starting gunicorn A and B, and the task worker")
        stack.worker_start()
        stack.gunicorn_start("a", "b")
        st.say("Rendering deploy/nginx and starting nginx")
        main = st.nginx_render(stack, root / "rendered")
        st.nginx_start(stack, main)
        st.say(f"Ready: {stack.base_url}/en/")
        stack.seeded = seeded
        stack.mail = mail
        stack.stripe = stripe
        stack.nginx_main = main
        yield stack
    finally:
        stack.stop_all()
        stripe.stop()
        mail.stop()
        if not stack.failed:
            shutil.rmtree(root, ignore_errors=True)


def _bucket_start(stack, moto_url: str) -> None:
    import boto3

    from heritage.storage import public_read_policy

    process = stack.spawn(
        "moto",
        [
            str(Path(st.sys.executable).with_name("moto_server")),
            "-H",
            "127.0.0.1",
            "-p",
            str(stack.ports["moto"]),
        ],
    )
    st.wait_http(moto_url + "/", process=process, name="moto_server")
    client = boto3.client(
        "s3",
        endpoint_url=moto_url,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )
    client.create_bucket(Bucket=st.BUCKET)
    client.put_bucket_policy(Bucket=st.BUCKET, Policy=json.dumps(public_read_policy(st.BUCKET)))


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visitor(chromium, stack):
    """A fresh browser context on the site (its own cookies), at phone width."""
    context = chromium.new_context(
        base_url=stack.base_url,
        ignore_https_errors=True,
        viewport={"width": 390, "height": 844},
        locale="en-GB",
    )
    context.set_default_timeout(20_000)
    stack.stripe.route_checkout(context)
    yield context.new_page()
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and STARTED and "tests/prod/" in item.nodeid:
        stack = STARTED[-1]
        stack.failed = True
        report.sections.append(("prod-smoke: logs", stack.logs_tail()))
        report.sections.append(("prod-smoke: next", NEXT_STEPS.format(root=stack.root)))
