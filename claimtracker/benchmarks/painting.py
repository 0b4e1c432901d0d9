"""Time until the reader's highlights are painted, in a real Chromium.

The site is served over HTTP from a thread of this process (the configured
database, static files included); Debian's Chromium, driven by Playwright,
loads the page and reads `window.claimtrackerPaintedAt`, which the reader
sets once the frame with every highlight is painted: milliseconds from
the start of navigation, so it includes the server, the network, parsing,
and the script's work.
"""

import os
import threading
from dataclasses import dataclass, field

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application

from .harness import median, p95

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Painting:
    url: str
    cold_ms: float = 0.0
    painted_ms: list = field(default_factory=list)
    response_end_ms: list = field(default_factory=list)

    def as_dict(self):
        return {
            "url": self.url,
            "cold_ms": self.cold_ms,
            "painted_median_ms": median(self.painted_ms),
            "painted_p95_ms": p95(self.painted_ms),
            "response_end_median_ms": median(self.response_end_ms),
            "painted_ms": self.painted_ms,
        }


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    """A server on a free port, in a daemon thread; returns (server, base URL)."""
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def load(page, url):
    """(painted, response end) in ms from navigation start, for one fresh load of `url`."""
    page.goto(url)
    page.wait_for_selector("#reader-text[data-painted=true]")
    return page.evaluate(
        "() => [window.claimtrackerPaintedAt, performance.getEntriesByType('navigation')[0].responseEnd]"
    )


def measure_painting(path, repeat, browser=None):
    """Load `path` once cold and `repeat` times, each in a fresh browser context (no HTTP cache)."""
    server, base = serve()
    try:
        if browser is not None:
            return timed_loads(browser, base + path, path, repeat)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return timed_loads(browser, base + path, path, repeat)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def timed_loads(browser, url, path, repeat):
    result = Painting(url=path)
    for index in range(repeat + 1):
        context = browser.new_context()
        painted, response_end = load(context.new_page(), url)
        context.close()
        if index == 0:
            result.cold_ms = painted
        else:
            result.painted_ms.append(painted)
            result.response_end_ms.append(response_end)
    return result
