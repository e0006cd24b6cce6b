"""`make bench`: build the large catalogue, serve it as production would, measure it.

Steps: migrate and seed (`seed_demo --scale large`) the bench's own database, collect the
static files, render every measured page once in-process (which makes the renditions those
pages show and counts their SQL queries, warm), start gunicorn with two workers, load each
page and the floor with `wrk` for two rounds, weigh three pages in Chromium at 360 px, and
read the workers' memory before and after. One markdown table goes to the terminal and to
bench/results/latest.md.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import LoadResult, load_run, load_tool
from bench.report import report_render

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results"
SETTINGS = "bench.settings"
SEARCH_WORD = "вышивка"
GALLERY_FILTERS = "?medium=hand-embroidery&price=1500-5000"
WORKERS = 2


@dataclass
class Page:
    name: str
    path: str
    queries: int = 0
    html_bytes: int = 0
    status: int = 0
    rounds: list[LoadResult] = field(default_factory=list)
    uncached_rounds: list[LoadResult] = field(default_factory=list)

    @property
    def best(self) -> LoadResult | None:
        return _fastest(self.rounds)

    @property
    def best_uncached(self) -> LoadResult | None:
        return _fastest(self.uncached_rounds)


def _fastest(rounds: list[LoadResult]) -> LoadResult | None:
    return max(rounds, key=lambda r: r.requests_per_s) if rounds else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8, help="Length of each load run (default 8).")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-seed", action="store_true", help="Use the bench database as it is.")
    parser.add_argument("--skip-weight", action="store_true", help="Do not weigh pages in Chromium.")
    parser.add_argument(
        "--scale",
        default="5000,100000",
        help="Then measure search and listings on PostgreSQL at these catalogue sizes (bench/scale.py; "
        "default 5000,100000); 'none' skips it.",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONPATH": str(ROOT)}

    if not args.skip_seed:
        _say("Migrating the bench database")
        _manage(env, "migrate", "--noinput", "-v0")
        _say("Seeding the large catalogue (seed_demo --scale large)")
        _manage(env, "seed_demo", "--scale", "large")
    _say("Collecting static files")
    _manage(env, "collectstatic", "--noinput", "-v0")

    os.environ.update(DJANGO_SETTINGS_MODULE=SETTINGS)
    import django

    django.setup()
    pages = pages_discover()
    catalogue = catalogue_size()
    _say("Rendering each page in-process: makes its renditions and counts its SQL queries (warm)")
    pages_inspect(pages)
    gallery = next(p for p in pages if p.name == "Gallery")
    floor = Page("Floor (fixed HTML)", "/bench/floor/", html_bytes=gallery.html_bytes, status=200)
    env["BENCH_FLOOR_BYTES"] = str(gallery.html_bytes)

    tool = load_tool()
    # First every page rendered afresh for each request (the anonymous page cache off: what
    # a signed-in visitor or a cache miss costs), then as anonymous visitors get them.
    _say("Uncached: gunicorn with the page cache off")
    serve_and_load(
        {**env, "PAGE_CACHE_SECONDS": "0"}, pages, floor, args, tool, lambda page: page.uncached_rounds
    )
    _say("Cached: gunicorn as in production")
    rss, weights = serve_and_load(env, pages, floor, args, tool, lambda page: page.rounds, weigh=True)

    report = report_render(
        pages=pages,
        floor=floor,
        weights=weights,
        rss=rss,
        tool=tool,
        catalogue=catalogue,
        args=args,
        minutes=(time.monotonic() - started) / 60,
        workers=WORKERS,
    )
    print("\n" + report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(report)
    print(f"Written to {(RESULTS / 'latest.md').relative_to(ROOT)}")
    if args.scale != "none":
        from bench import scale  # noqa: PLC0415 - bench.scale imports bench.run: a circle at module level

        return scale.main(["--works", args.scale, "--seconds", str(args.seconds)])
    return 0


def serve_and_load(env, pages, floor, args, tool, rounds_of, *, weigh: bool = False):
    """Start gunicorn with `env`, warm every page, load each for `args.rounds` rounds into
    `rounds_of(page)`, weigh three pages in Chromium when asked; the workers' memory at
    boot, after warm-up and after the load, and the weights."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn_start(env, port)
    weights = []
    try:
        _wait_ready(base + "/healthz")
        rss_boot = workers_rss(server.pid)
        for page in [*pages, floor]:
            for _ in range(2 * WORKERS):
                try:
                    _get(base + page.path)
                except OSError as exc:
                    print(f"  ! {page.name}: {exc}", file=sys.stderr)
        rss_before = workers_rss(server.pid)
        for n in range(args.rounds):
            for page in [*pages, floor]:
                _say(f"Round {n + 1}/{args.rounds}: {page.name} ({tool}, {args.connections} connections)")
                rounds_of(page).append(
                    load_run(base + page.path, seconds=args.seconds, connections=args.connections)
                )
                _drain(base)
        rss_after = workers_rss(server.pid)
        if weigh and not args.skip_weight:
            _say("Weighing home, gallery and an artwork page in Chromium at 360 px")
            from bench.pageweight import pageweight_measure

            wanted = [p for p in pages if p.name in {"Home", "Gallery", "Artwork page"}]
            try:
                weights = pageweight_measure(base, [p.path for p in wanted])
            except Exception as exc:  # noqa: BLE001 - a missing browser must not lose the load figures
                print(f"Page weight not measured: {exc}", file=sys.stderr)
    finally:
        _gunicorn_stop(server)
    return (rss_boot, rss_before, rss_after), weights


def pages_discover() -> list[Page]:
    """The measured pages in English: large-catalogue works, artists and exhibitions where
    they exist; stories and events only if their pages are there."""
    from django.apps import apps
    from django.utils import translation

    from wagtail.models import Locale

    from demo.scale import SLUG_PREFIX

    translation.activate("en")
    english = Locale.get_default()

    def live(app, model):
        return apps.get_model(app, model).objects.live().filter(locale=english).order_by("path")

    gallery_page = live("gallery", "GalleryPage").first()
    artists_page = live("gallery", "ArtistIndexPage").first()
    artwork = (
        apps.get_model("gallery", "Artwork")
        .objects.published()
        .filter(artist__slug__startswith=SLUG_PREFIX, images__sort_order=1, offers__kind="original")
        .select_related("artist")
        .order_by("pk")
        .first()
    )
    gallery = gallery_page.get_url()
    pages = [
        Page("Home", "/en/"),
        Page("Gallery", gallery),
        Page("Gallery, 2 filters", gallery + GALLERY_FILTERS),
        Page(f"Search “{SEARCH_WORD}”", gallery + "?q=" + urllib.request.quote(SEARCH_WORD)),
        Page("Artwork page", gallery_page.artwork_url(artwork)),
        Page("Artist portfolio", artists_page.artist_url(artwork.artist)),
    ]
    exhibitions = live("gallery", "ExhibitionPage")
    exhibition = exhibitions.filter(slug__startswith=SLUG_PREFIX).first() or exhibitions.first()
    if exhibition:
        pages.append(Page("Exhibition", exhibition.get_url()))
    for app, model, name in [("cms", "StoryPage", "Story"), ("cms", "EventIndexPage", "Event index")]:
        try:
            found = live(app, model)
        except LookupError:
            continue
        found = found.filter(slug__startswith=SLUG_PREFIX).first() or found.first()
        if found:
            pages.append(Page(name, found.get_url()))
    return pages


def pages_inspect(pages: list[Page]) -> None:
    """Each page three times in-process: the first makes missing renditions and fills
    caches, the second settles, the third is counted."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for page in pages:
        # Counted as rendered, not as served from the page cache (which reads nothing).
        with override_settings(PAGE_CACHE_SECONDS=0):
            for _ in range(2):
                client.get(page.path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page.path)
        page.status = response.status_code
        page.queries = len(queries)
        page.html_bytes = len(response.content)
        if response.status_code != 200:
            print(f"  ! {page.name} {page.path} answered {response.status_code}", file=sys.stderr)


def catalogue_size() -> dict[str, int]:
    from django.apps import apps

    sizes = {
        "artworks": apps.get_model("gallery", "Artwork").objects.published().count(),
        "artists": apps.get_model("artists", "ArtistProfile").objects.approved().count(),
        "images": apps.get_model("heritage", "CustomImage").objects.count(),
        "offers": apps.get_model("shop", "Offer").objects.count(),
        "exhibitions": apps.get_model("gallery", "ExhibitionPage").objects.live().count(),
    }
    for app, model, name in [("cms", "StoryPage", "stories"), ("cms", "EventPage", "events")]:
        try:
            sizes[name] = apps.get_model(app, model).objects.live().count()
        except LookupError:
            sizes[name] = 0
    return sizes


def workers_rss(master: int) -> dict[int, int]:
    """VmRSS in KB of each gunicorn worker (the master's children)."""
    rss = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip() or 0) == master and "VmRSS" in fields:
            rss[int(status.parent.name)] = int(fields["VmRSS"].split()[0])
    return rss


def _manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _gunicorn_start(env: dict, port: int, *, log_name: str = "gunicorn.log") -> subprocess.Popen:
    RESULTS.mkdir(exist_ok=True)
    log = (RESULTS / log_name).open("w")
    command = [
        sys.executable, "-m", "gunicorn", "heritage.wsgi:application",
        "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
        "--worker-class", "sync", "--timeout", "60", "--keep-alive", "5",
        "--error-logfile", "-", "--log-level", "warning",
    ]  # fmt: skip
    _say(f"Starting gunicorn ({WORKERS} workers) on 127.0.0.1:{port}")
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def _gunicorn_stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(
        f"gunicorn did not answer {url} within {timeout:.0f} s: see bench/results/gunicorn.log"
    )


def _drain(base: str) -> None:
    """Wait until the workers have answered every request the load tool left queued: the
    next page must start on idle workers, not behind the last page's slow requests."""
    _get(base + "/healthz", timeout=300)


def _get(url: str, timeout: float = 30) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own loopback server
        response.read()
        return response.status


def _say(text: str) -> None:
    print(f"[bench] {text}", flush=True)
