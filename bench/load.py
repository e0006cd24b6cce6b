"""Load on one URL for a fixed time: `wrk` when it is installed, else a small generator of
keep-alive connections in threads (much weaker than wrk: its own figures are a floor)."""

import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers, socket errors and timeouts
    p95_ms: float | None = None  # the threaded generator keeps every latency; wrk prints no 95th


def load_run(url: str, *, seconds: int, connections: int, tool: str | None = None) -> LoadResult:
    """Load `url`; `tool` forces one ("python-threads" when every latency is wanted)."""
    if (tool or load_tool()) == "wrk":
        return _wrk(url, seconds=seconds, connections=connections)
    return _threads(url, seconds=seconds, connections=connections)


def load_tool() -> str:
    return "wrk" if shutil.which("wrk") else "python-threads"


def _wrk(url: str, *, seconds: int, connections: int) -> LoadResult:
    # One wrk thread drives 16 connections easily and leaves the second core to gunicorn.
    # A long timeout: a connection that gave up would send its next request while the
    # abandoned one still holds a worker, piling up work the next page would wait behind.
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", out, re.M))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return LoadResult(
        requests_per_s=float(rps.group(1)) if rps else 0.0,
        p50_ms=_ms(latency.get("50", "0ms")),
        p99_ms=_ms(latency.get("99", "0ms")),
        requests=int(total.group(1)) if total else 0,
        errors=errors,
    )


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _threads(url: str, *, seconds: int, connections: int) -> LoadResult:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", target)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[n] += 1
            except (OSError, http.client.HTTPException):
                errors[n] += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                continue
            latencies[n].append((time.perf_counter() - started) * 1000)
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    times = sorted(t for per in latencies for t in per)

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(len(times) * p))] if times else 0.0

    return LoadResult(
        requests_per_s=len(times) / elapsed,
        p50_ms=pct(0.50),
        p99_ms=pct(0.99),
        requests=len(times),
        errors=sum(errors),
        p95_ms=pct(0.95),
    )
