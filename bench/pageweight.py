"""Page weight of a first visit on a phone: Debian's Chromium (driven by Playwright) at
360 CSS px wide, device pixel ratio 2, empty cache. Counts every byte the browser receives
(HTML, CSS, JS, fonts, images; headers included, after compression) from the DevTools
network events, and reads the largest contentful paint from a PerformanceObserver.

Run alone: `python -m bench.pageweight http://127.0.0.1:8000 /en/ /en/gallery/`.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 360, "height": 780}
LCP_SCRIPT = """
window.__lcp = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { window.__lcp = entry.startTime; }
}).observe({type: "largest-contentful-paint", buffered: true});
"""


@dataclass
class PageWeight:
    path: str
    bytes: int
    requests: int
    lcp_ms: float
    by_type: dict[str, int]


def pageweight_measure(base_url: str, paths: list[str]) -> list[PageWeight]:
    """One fresh browser context (empty cache, no cookies) per path."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium")
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for path in paths:
                results.append(_visit(browser, base_url + path, path))
        finally:
            browser.close()
    return results


def _visit(browser, url: str, path: str) -> PageWeight:
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(LCP_SCRIPT)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    types: dict[str, str] = {}
    sizes: dict[str, int] = {}

    def on_response(event):
        types[event["requestId"]] = event.get("type", "Other")

    def on_finished(event):
        sizes[event["requestId"]] = int(event["encodedDataLength"])

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url, wait_until="load", timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=30_000)
    page.wait_for_timeout(500)
    lcp = float(page.evaluate("window.__lcp"))
    context.close()
    by_type: dict[str, int] = {}
    for request_id, size in sizes.items():
        kind = types.get(request_id, "Other")
        by_type[kind] = by_type.get(kind, 0) + size
    return PageWeight(path=path, bytes=sum(sizes.values()), requests=len(sizes), lcp_ms=lcp, by_type=by_type)


if __name__ == "__main__":
    for weight in pageweight_measure(sys.argv[1].rstrip("/"), sys.argv[2:]):
        print(
            f"{weight.path}: {weight.bytes / 1024:.0f} KB in {weight.requests} requests, "
            f"LCP {weight.lcp_ms:.0f} ms"
        )
        print(
            "   ", ", ".join(f"{kind} {size / 1024:.0f} KB" for kind, size in sorted(weight.by_type.items()))
        )
