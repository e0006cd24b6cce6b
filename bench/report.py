"""The bench's markdown report: one table of pages with their speed, weight and queries,
the machine and the catalogue it ran on."""

import os
import platform
from datetime import datetime
from pathlib import Path


def report_render(*, pages, floor, weights, rss, tool, catalogue, args, minutes, workers) -> str:
    floor_rps = floor.best.requests_per_s if floor.best else 0.0
    lines = [
        f"# Bench — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        "",
        f"- Machine: {platform.node()}, {os.cpu_count()} cores, {memory_describe()}, "
        f"Python {platform.python_version()}, {database_describe()}",
        f"- Load: {tool}, {args.connections} connections, {args.rounds} rounds of {args.seconds} s per page; "
        f"gunicorn {workers} sync workers, bench.settings (DEBUG=False, WhiteNoise), "
        f"cache: {cache_describe()}",
        "- Catalogue: " + ", ".join(f"{count:,} {what}" for what, count in catalogue.items()),
        "",
        "| Page | cached req/s (rounds) | p50 ms | p99 ms | % of floor | uncached req/s | p99 ms "
        "| % of floor | SQL queries | HTML KB | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    floor_uncached = floor.best_uncached.requests_per_s if floor.best_uncached else 0.0
    for page in [*pages, floor]:
        best, uncached = page.best, page.best_uncached
        rounds = " / ".join(rate_format(r.requests_per_s) for r in page.rounds)
        share = f"{100 * best.requests_per_s / floor_rps:.1f}%" if best and floor_rps else "–"
        uncached_share = (
            f"{100 * uncached.requests_per_s / floor_uncached:.1f}%" if uncached and floor_uncached else "–"
        )
        queries = "–" if page is floor else str(page.queries)
        status = "" if page.status == 200 else f" (HTTP {page.status})"
        errors = sum(r.errors for r in [*page.rounds, *page.uncached_rounds])
        lines.append(
            f"| {page.name}{status} | {rounds} | {best.p50_ms:.0f} | {best.p99_ms:.0f} | {share} | "
            f"{rate_format(uncached.requests_per_s) if uncached else '–'} | "
            f"{f'{uncached.p99_ms:.0f}' if uncached else '–'} | {uncached_share} | "
            f"{queries} | {page.html_bytes / 1024:.1f} | {errors} |"
        )
    lines += [
        "",
        "Per page: the faster of the rounds for req/s, p50, p99 and the share of the floor. Cached: "
        "anonymous visitors, pages from the page cache; uncached: the same gunicorn with "
        "PAGE_CACHE_SECONDS=0, every request rendered (the layout cache still on), each against "
        "the floor of its own run. SQL queries: one warm render in-process.",
        "",
    ]
    if weights:
        lines += [
            "| First visit at 360 px | transferred KB | requests | LCP ms | of which images KB |",
            "|---|---|---|---|---|",
        ]
        names = {p.path: p.name for p in pages}
        for weight in weights:
            lines.append(
                f"| {names.get(weight.path, weight.path)} | {weight.bytes / 1024:.0f} | {weight.requests} | "
                f"{weight.lcp_ms:.0f} | {weight.by_type.get('Image', 0) / 1024:.0f} |"
            )
        lines.append("")
    boot, before, after = rss
    total_before, total_after = sum(before.values()), sum(after.values())
    growth = f"{100 * (total_after - total_before) / total_before:+.1f}%" if total_before else "–"
    lines += [
        f"Worker RSS (MB, both workers): {sum(boot.values()) / 1024:.0f} at boot, {total_before / 1024:.0f} "
        f"after warm-up, {total_after / 1024:.0f} after the load rounds ({growth} over the run).",
        "",
        f"Whole run: {minutes:.1f} min.",
        "",
    ]
    return "\n".join(lines)


def rate_format(requests_per_s: float) -> str:
    return f"{requests_per_s:.1f}" if requests_per_s < 10 else f"{requests_per_s:.0f}"


def cache_describe() -> str:
    from django.conf import settings

    return "Redis" if "redis" in settings.CACHES["default"]["BACKEND"].lower() else "local memory"


def memory_describe() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    return "RAM unknown"


def database_describe() -> str:
    from django.db import connection

    return f"{connection.vendor} database"
