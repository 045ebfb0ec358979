"""The HTML report in a real headless Chromium: loads offline, no console errors, charts drawn.

Talks to Chromium over the DevTools protocol (websocket-client) so console messages, CSP
violations and uncaught exceptions are all seen. Skipped, with the reason, without chromium.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from replylint.audit.readers import ReadOptions
from replylint.audit.runner import AuditOptions, run_audit

websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,1800",
]


class Page:
    """A minimal DevTools client for one page: commands in, events collected."""

    def __init__(self, ws_url: str) -> None:
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            assert time.monotonic() < deadline, f"no {method} within {timeout}s"
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def errors(self) -> list[str]:
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(params["entry"]["text"])
        return found

    def open(self, url: str) -> None:
        self.events.clear()
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        time.sleep(0.3)  # let late console messages arrive
        self.evaluate("1")  # drains pending events into self.events

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.exists() or not port_file.read_text().strip():
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail("chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            targets = json.load(reply)
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        yield page
        page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    run_audit(
        AuditOptions(
            paths=[str(REPO / "examples" / "transcripts" / "sample.csv")],
            read=ReadOptions(),
            jobs=1,
            html_path=str(out),
        )
    )
    return out


def test_report_loads_without_errors_and_renders_charts(
    browser: Page, report: Path, tmp_path: Path
) -> None:
    browser.open(report.as_uri())
    assert browser.errors() == []
    assert browser.evaluate("document.body.dataset.ready") == "1"  # the inline script ran
    charts = browser.evaluate(
        "Array.from(document.querySelectorAll('svg.chart')).map(function (s) {"
        " var b = s.getBoundingClientRect();"
        " return [s.closest('section').id, s.querySelectorAll('rect,circle,polyline').length, b.width, b.height]; })"
    )
    sections = {section: (marks, width, height) for section, marks, width, height in charts}
    assert set(sections) == {"categories", "trend", "agents"}
    for marks, width, height in sections.values():
        assert marks >= 1 and width > 100 and height > 50
    assert browser.evaluate("document.querySelectorAll('mark').length") >= 1
    # Sorting works: click "findings" twice (descending, then ascending).
    first_agent = "document.querySelector('#agents-table tbody tr td').textContent"
    header = "document.querySelectorAll('#agents-table th')[3]"
    browser.evaluate(f"{header}.click()")
    top = browser.evaluate(first_agent)
    browser.evaluate(f"{header}.click()")
    assert browser.evaluate(first_agent) != top
    shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    (tmp_path / "report.png").write_bytes(png)
    artifacts = os.environ.get("REPLYLINT_ARTIFACTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        (Path(artifacts) / "audit-report.png").write_bytes(png)


def test_harness_sees_blocked_external_assets(browser: Page, report: Path, tmp_path: Path) -> None:
    """Proof the check above can fail: an external image is blocked by the CSP and reported."""
    broken = tmp_path / "broken.html"
    html = report.read_text(encoding="utf-8")
    broken.write_text(
        html.replace("</main>", '<img src="https://example.invalid/x.png"></main>'),
        encoding="utf-8",
    )
    browser.open(broken.as_uri())
    assert any("Content Security Policy" in e or "example.invalid" in e for e in browser.errors())
