"""`make soak`: visitors browse, search, open works, fill carts and start checkouts against
gunicorn for a long time (10 minutes unless `--duration` says otherwise). Nothing may fail:
the error count (5xx answers and requests with no answer) must be 0.

It uses the bench's database, settings and gunicorn start-up (bench/README.md): migrate and
seed unless `--skip-seed`, collect static files, render each URL the visitors will ask for
once in-process (so renditions exist before the clock starts), start gunicorn, ask for every
URL once per worker, read the workers' memory, then let `--users` visitors loose. Each has
her own cookies, takes the CSRF token from the "Add to cart" form, and after a handful of
steps leaves and a new visitor takes her place. The workers' memory is read every 15 s.
A table goes to the terminal and to bench/results/soak.md.
"""

import argparse
import os
import platform
import random
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime

from bench.run import (
    GALLERY_FILTERS,
    RESULTS,
    ROOT,
    SETTINGS,
    WORKERS,
    _free_port,
    _gunicorn_start,
    _gunicorn_stop,
    _manage,
    _say,
    _wait_ready,
    workers_rss,
)
from bench.visitor import Tally, Visitor, offer_form_fields, percentile

SEARCH_WORDS = ["вышивка", "suzani", "ikat", "гранат", "adras", "ceramics"]
SCENARIOS = {"browse": 30, "search": 15, "artwork": 25, "add to cart": 18, "checkout start": 12}
ARTWORKS = 40
BROWSED_PAGES = [
    ("gallery", "ExhibitionIndexPage"),
    ("gallery", "ExhibitionPage"),
    ("cms", "StoryIndexPage"),
    ("cms", "StoryPage"),
    ("cms", "EventIndexPage"),
    ("cms", "EventPage"),
]
RSS_EVERY_S = 15
HOST = "127.0.0.1"


@dataclass
class Targets:
    """The URLs the visitors ask for."""

    browse: list[str]
    artworks: list[str]  # works with something for sale
    portfolios: list[str]
    gallery: str

    def all(self) -> list[str]:
        searches = [self.gallery + "?q=" + urllib.parse.quote(w) for w in SEARCH_WORDS]
        searches += ["/en/search/?q=" + urllib.parse.quote(w) for w in SEARCH_WORDS]
        return [*self.browse, *self.artworks, *self.portfolios, *searches]


@dataclass
class Memory:
    """Total VmRSS of the workers over time, and which workers there were."""

    samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds in, KB)
    pids_start: set[int] = field(default_factory=set)
    pids_end: set[int] = field(default_factory=set)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=600, help="Seconds of load (default 600).")
    parser.add_argument("--users", type=int, default=8, help="Visitors at once (default 8).")
    parser.add_argument("--think", type=float, default=0.3, help="Mean pause between steps, s (0.3).")
    parser.add_argument("--scale", choices=["demo", "large"], default="large", help="Catalogue to seed.")
    parser.add_argument("--skip-seed", action="store_true", help="Use the bench database as it is.")
    parser.add_argument("--random-seed", type=int, default=2026)
    args = parser.parse_args(argv)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONPATH": str(ROOT)}
    if not args.skip_seed:
        _say("Migrating and seeding the bench database")
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "seed_demo", "--scale", args.scale)
    _manage(env, "collectstatic", "--noinput", "-v0")

    os.environ.update(DJANGO_SETTINGS_MODULE=SETTINGS)
    import django

    django.setup()
    targets = targets_discover()
    _say(f"Rendering the {len(targets.all())} URLs once in-process (makes their renditions)")
    warm_in_process(targets.all())

    port = _free_port()
    server = _gunicorn_start(env, port, log_name="soak-gunicorn.log")
    warmup, tally, memory = Tally(), Tally(), Memory()
    try:
        _wait_ready(f"http://{HOST}:{port}/healthz")
        _say("Asking for every URL once per worker")
        for path in targets.all() * WORKERS:
            Visitor(HOST, port, warmup).get(path, "warm-up")
        rss = workers_rss(server.pid)
        memory.pids_start, memory.samples = set(rss), [(0.0, sum(rss.values()))]
        _say(f"{args.users} visitors for {args.duration} s")
        elapsed = load_run(port, targets, tally, memory, server.pid, args)
        memory.pids_end = set(workers_rss(server.pid))
    finally:
        _gunicorn_stop(server)

    report = report_render(tally=tally, warmup=warmup, memory=memory, args=args, elapsed=elapsed)
    print("\n" + report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "soak.md").write_text(report)
    print(f"Written to {(RESULTS / 'soak.md').relative_to(ROOT)}")
    return 0 if tally.errors == 0 and warmup.errors == 0 else 1


def targets_discover() -> Targets:
    """English pages of every kind that exists, works with an offer on sale (spread over the
    catalogue) and their artists' portfolios."""
    from django.apps import apps

    from shop.models import Offer

    def live(app, model):
        return apps.get_model(app, model).objects.live().filter(locale__language_code="en").order_by("path")

    gallery = live("gallery", "GalleryPage").get()
    artists = live("gallery", "ArtistIndexPage").get()
    browse = ["/en/", gallery.url, gallery.url + GALLERY_FILTERS, gallery.url + "?page=2"]
    browse.append(gallery.url + "?price=under-500&sort=price")
    for app, model in BROWSED_PAGES:
        browse += [page.url for page in live(app, model)[:2]]
    offers = Offer.objects.buyable().select_related("artwork__artist").order_by("artwork_id")
    works = list({offer.artwork_id: offer.artwork for offer in offers[:2000]}.values())
    works = works[:: max(1, len(works) // ARTWORKS)][:ARTWORKS]
    return Targets(
        browse=browse,
        artworks=[gallery.artwork_url(work) for work in works],
        portfolios=list(dict.fromkeys(artists.artist_url(work.artist) for work in works)),
        gallery=gallery.url,
    )


def warm_in_process(paths: list[str]) -> None:
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    for path in paths:
        status = client.get(path).status_code
        if status != 200:
            print(f"  ! {path} answered {status}", file=sys.stderr)


def load_run(port: int, targets: Targets, tally: Tally, memory: Memory, master: int, args) -> float:
    """`args.users` visitor threads until the duration is over; the workers' memory is read
    meanwhile. Returns the seconds the load lasted."""
    started = time.monotonic()
    deadline = started + args.duration
    threads = [
        threading.Thread(target=visitor_loop, args=(port, targets, tally, deadline, args, n), daemon=True)
        for n in range(args.users)
    ]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        for thread in threads:
            thread.join(timeout=RSS_EVERY_S / len(threads))
        now = time.monotonic()
        if now - started - memory.samples[-1][0] >= RSS_EVERY_S:
            memory.samples.append((now - started, sum(workers_rss(master).values())))
    memory.samples.append((time.monotonic() - started, sum(workers_rss(master).values())))
    return time.monotonic() - started


def visitor_loop(port: int, targets: Targets, tally: Tally, deadline: float, args, n: int) -> None:
    rng = random.Random(args.random_seed + n)
    names, weights = list(SCENARIOS), list(SCENARIOS.values())
    while time.monotonic() < deadline:
        visitor = Visitor(HOST, port, tally)
        for _ in range(rng.randint(4, 12)):
            if time.monotonic() >= deadline:
                return
            SCENARIO_STEPS[rng.choices(names, weights)[0]](visitor, targets, rng)
            time.sleep(rng.uniform(0, 2 * args.think))


def browse(visitor: Visitor, targets: Targets, rng: random.Random) -> None:
    for path in rng.sample(targets.browse, k=min(3, len(targets.browse))):
        visitor.get(path, "browse")


def search(visitor: Visitor, targets: Targets, rng: random.Random) -> None:
    word = urllib.parse.quote(rng.choice(SEARCH_WORDS))
    visitor.get(f"{targets.gallery}?q={word}", "search")
    visitor.get(f"/en/search/?q={word}", "search")


def artwork(visitor: Visitor, targets: Targets, rng: random.Random) -> None:
    visitor.get(rng.choice(targets.artworks), "artwork")
    visitor.get(rng.choice(targets.portfolios), "artwork")


def cart_add(visitor: Visitor, targets: Targets, rng: random.Random) -> None:
    """Open a work and press "Add to cart" with the form's CSRF token; look at the cart."""
    path = rng.choice(targets.artworks)
    page = visitor.get(path, "add to cart")
    fields = offer_form_fields(page.body)
    if fields is None:
        return
    answer = visitor.post("/en/shop/cart/add/", fields, "add to cart", referer=path)
    if answer.status == 200:
        visitor.cart_items += 1
        visitor.get("/en/shop/cart/?country=" + rng.choice(["TJ", "KZ", "DE"]), "add to cart")


def checkout_start(visitor: Visitor, targets: Targets, rng: random.Random) -> None:
    """The checkout form with the order priced; a visitor with an empty cart fills it first."""
    if not visitor.cart_items:
        cart_add(visitor, targets, rng)
    visitor.get("/en/shop/checkout/", "checkout start")


SCENARIO_STEPS = {
    "browse": browse,
    "search": search,
    "artwork": artwork,
    "add to cart": cart_add,
    "checkout start": checkout_start,
}


def report_render(*, tally: Tally, warmup: Tally, memory: Memory, args, elapsed: float) -> str:
    """The soak's figures as markdown: per action and overall, errors, workers' memory."""
    verdict = "PASS" if tally.errors == 0 and warmup.errors == 0 else "FAIL"
    lines = [
        f"# Soak — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        f"- Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        f"- gunicorn {WORKERS} sync workers, bench.settings (DEBUG=False, WhiteNoise), on {HOST}",
        f"- {args.users} visitors, pause 0–{2 * args.think:.1f} s between steps, {elapsed:.0f} s of load; "
        f"scenario weights: " + ", ".join(f"{name} {weight}" for name, weight in SCENARIOS.items()),
        "",
        "| Action | requests | errors | 4xx | p50 ms | p95 ms | max ms | answers |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, stats in sorted(tally.actions.items()):
        times = stats.latencies_ms
        lines.append(
            f"| {name} | {len(times)} | {stats.errors} | {stats.refused} | {percentile(times, 50):.0f} | "
            f"{percentile(times, 95):.0f} | {max(times, default=0):.0f} | "
            + ", ".join(f"{status}×{count}" for status, count in sorted(stats.statuses.items()))
            + " |"
        )
    everything = tally.latencies()
    refused = sum(stats.refused for stats in tally.actions.values())
    lines += [
        f"| **all** | {tally.requests} | {tally.errors} | {refused} | {percentile(everything, 50):.0f} | "
        f"{percentile(everything, 95):.0f} | {max(everything, default=0):.0f} | |",
        "",
        f"**Errors (5xx or no answer): {tally.errors}** — {verdict}. "
        f"Warm-up: {warmup.requests} requests, {warmup.errors} errors. "
        f"Throughput: {tally.requests / elapsed if elapsed else 0:.1f} requests/s.",
        "",
    ]
    lines += memory_lines(memory)
    if tally.failures or warmup.failures:
        lines += ["", "First failures:", ""]
        lines += [
            f"- {f.action}: {f.method} {f.path} → {f.what}" for f in (warmup.failures + tally.failures)[:10]
        ]
    return "\n".join(lines) + "\n"


def memory_lines(memory: Memory) -> list[str]:
    if not memory.samples:
        return []
    start, end = memory.samples[0][1], memory.samples[-1][1]
    peak = max(kb for _t, kb in memory.samples)
    growth = f"{100 * (end - start) / start:+.1f}%" if start else "–"
    restarted = memory.pids_end != memory.pids_start
    return [
        f"Worker RSS (MB, {WORKERS} workers together): {start / 1024:.0f} at the start, {end / 1024:.0f} "
        f"at the end ({growth}), peak {peak / 1024:.0f}; "
        + ("workers were replaced during the run." if restarted else "the same workers throughout."),
    ]


if __name__ == "__main__":
    sys.exit(main())
