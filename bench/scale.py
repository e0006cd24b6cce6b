"""Search and listings as the catalogue grows: 5,000 and 100,000 works on PostgreSQL.

`python -m bench.scale` (and the last part of `make bench`) seeds one PostgreSQL database
per size (`seed_demo --scale large --works N`, kept between runs, so only the first run pays
for the seed), reports the seed time and the database's size, counts the SQL queries of each
measured page in-process, then serves the site with gunicorn (2 sync workers, the page
cache and the cache of search answers off: every request searches) and measures each page
twice — one visitor at a time (what one buyer waits) and 16 connections at once — with the
threaded load generator, which keeps every latency and so gives the 95th percentile.

Budget (issue "Search and discovery"): search p95 ≤ 150 ms at 5,000 works and ≤ 300 ms at
100,000, uncached. The table says, per size, whether each search page is within it.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse
from dataclasses import asdict, dataclass, field

import psycopg

from bench.load import LoadResult, load_run
from bench.run import BENCH_DIR, RESULTS, ROOT, _free_port, _get, _gunicorn_start, _gunicorn_stop, _wait_ready

SIZES = (5_000, 100_000)
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heritage_bench_{works}"
# Search words people type: Russian, the craft word in Latin and in Tajik letters, an English
# title phrase, and one with a typing mistake (which takes the typo-tolerant path).
SEARCHES = ("вышивка", "suzani", "сӯзанӣ", "pomegranate garden", "pomegranat")
BUDGET_MS = {5_000: 150, 100_000: 300}


@dataclass
class Measured:
    name: str
    path: str
    search: bool
    queries: int = 0
    status: int = 0
    single: dict = field(default_factory=dict)
    crowd: dict = field(default_factory=dict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--works", default=",".join(map(str, SIZES)), help="Sizes, comma-separated (default 5000,100000)."
    )
    parser.add_argument("--seconds", type=int, default=8, help="Length of each load run (default 8).")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--inspect", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inspect:
        return _inspect()
    sizes = [int(text.replace("_", "")) for text in args.works.split(",") if text.strip()]
    try:
        report = [_size_measure(works, args) for works in sizes]
    except OSError as exc:  # psycopg's OperationalError is not one; see _database_create
        print(f"[bench scale] stopped: {exc}", file=sys.stderr)
        return 1
    text = report_render(report, args)
    print("\n" + text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.md").write_text(text)
    print(f"Written to {(RESULTS / 'scale.md').relative_to(ROOT)}")
    return 0


def _size_measure(works: int, args) -> dict:
    url = os.environ.get("BENCH_SCALE_DATABASE_URL", DATABASE_URL).format(works=works)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "BENCH_DATABASE_URL": url,
        "BENCH_MEDIA_ROOT": str(BENCH_DIR / f"media-scale-{works}"),
        # A Redis database per size: the sizes' content versions never meet.
        "BENCH_REDIS_URL": f"redis://127.0.0.1:6379/{6 + SIZES.index(works) if works in SIZES else 8}",
        # Every request searches: the answers of earlier identical searches are not kept.
        "SEARCH_CACHE_SECONDS": "0",
    }
    _say(f"{works:,} works: database {url.rsplit('/', 1)[-1]}")
    _database_create(url)
    started = time.monotonic()
    _manage(env, "migrate", "--noinput", "-v0")
    _say(f"{works:,} works: seeding (seed_demo --scale large --works {works}; a second run adds nothing)")
    _manage(env, "seed_demo", "--scale", "large", "--works", str(works), "--quiet")
    seed_seconds = time.monotonic() - started
    # Rows went in with bulk_create: the planner's statistics are brought up to date, as
    # autovacuum would do on a live site a minute later.
    _database_analyse(url)
    _manage(env, "collectstatic", "--noinput", "-v0")
    inspected = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bench.scale", "--inspect"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    pages = [Measured(**page) for page in inspected["pages"]]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn_start({**env, "PAGE_CACHE_SECONDS": "0"}, port, log_name=f"gunicorn-scale-{works}.log")
    try:
        _wait_ready(base + "/healthz")
        for page in pages:
            for _ in range(4):
                _get(base + page.path, timeout=120)
        for page in pages:
            _say(f"{works:,} works: {page.name} — one visitor, then {args.connections} connections")
            url = base + page.path
            page.single = asdict(load_run(url, seconds=args.seconds, connections=1, tool="threads"))
            crowd = load_run(url, seconds=args.seconds, connections=args.connections, tool="threads")
            page.crowd = asdict(crowd)
            _get(base + "/healthz", timeout=300)
    finally:
        _gunicorn_stop(server)
    return {
        "works": works,
        "catalogue": inspected["works"],
        "seed_seconds": seed_seconds,
        "database_bytes": inspected["database_bytes"],
        "pages": pages,
    }


def _inspect() -> int:
    """In the size's own process: the pages to measure, each one's SQL queries (warm,
    rendered, not from the page cache), the published works and the database's size."""
    import django  # noqa: PLC0415 - only the --inspect child process sets Django up

    django.setup()
    from django.db import connection  # noqa: PLC0415 - after django.setup()

    from bench.run import SEARCH_WORD, Page, pages_discover, pages_inspect  # noqa: PLC0415 - after django.setup()
    from gallery.models import Artwork  # noqa: PLC0415 - after django.setup()

    pages = pages_discover()
    gallery = next(page.path for page in pages if page.name == "Gallery")
    pages += [
        Page(f"Search “{word}”", gallery + "?q=" + urllib.parse.quote(word))
        for word in SEARCHES
        if word != SEARCH_WORD
    ]
    measured = [Measured(page.name, page.path, page.name.startswith("Search")) for page in pages]
    pages_inspect(pages)
    for m, page in zip(measured, pages, strict=True):
        m.queries, m.status = page.queries, page.status
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    out = {
        "pages": [asdict(m) for m in measured],
        "works": Artwork.objects.published().count(),
        "database_bytes": size,
    }
    print(json.dumps(out))
    return 0


def report_render(sizes: list[dict], args) -> str:
    budget = ", ".join(f"≤ {ms} ms at {n:,} works" for n, ms in BUDGET_MS.items())
    lines = [
        f"# Bench at scale — {time.strftime('%Y-%m-%d %H:%M %Z')}",
        "",
        "PostgreSQL, gunicorn 2 sync workers, the page cache and the cache of search answers off "
        f"(every request searches), threaded load generator, {args.seconds} s per run: one visitor at a "
        f"time, then {args.connections} connections. Search budget p95: {budget}.",
        "",
    ]
    for size in sizes:
        limit = BUDGET_MS.get(size["works"])
        lines += [
            f"## {size['catalogue']:,} published works",
            "",
            f"- Seed and migrate: {size['seed_seconds']:.0f} s (0 when the database was already seeded); "
            f"database size {size['database_bytes'] / 2**20:,.0f} MB",
            "",
            "| Page | SQL queries | 1 visitor: req/s | p50 ms | p95 ms | "
            f"{args.connections} connections: req/s | p50 ms | p95 ms | errors | within budget |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for page in size["pages"]:
            single, crowd = LoadResult(**page.single), LoadResult(**page.crowd)
            verdict = "–"
            if page.search and limit:
                verdict = "yes" if single.p95_ms <= limit else f"no (+{single.p95_ms - limit:.0f} ms)"
            status = "" if page.status == 200 else f" (HTTP {page.status})"
            cells = [
                f"{page.name}{status}",
                str(page.queries),
                *(f"{r.requests_per_s:.1f} | {r.p50_ms:.0f} | {r.p95_ms:.0f}" for r in (single, crowd)),
                str(single.errors + crowd.errors),
                verdict,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(
        "The budget is read against one visitor's p95 (the wait of one buyer on an idle site); with "
        f"{args.connections} connections on 2 workers a request also waits behind the others, so its p95 "
        "is about eight times the service time."
    )
    return "\n".join(lines) + "\n"


def _database_create(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    try:
        conn = psycopg.connect(admin, autocommit=True)
    except psycopg.OperationalError as exc:
        raise OSError(
            f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432} ({exc}). Start it, or set "
            "BENCH_SCALE_DATABASE_URL (e.g. postgres://user@host:5432/heritage_bench_{works}), then run "
            "`python -m bench.scale` again."
        ) from exc
    with conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _database_analyse(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def _manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def _say(text: str) -> None:
    print(f"[bench scale] {text}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
