"""Median time from a click in the browser to the answer being in the sidecar on disk (target < 100 ms).

Starts a real JupyterLab and headless Chromium (the browser tests' helpers), shows SpotUnverifiable,
and for each of ``CLICKS`` sentences selects it, then clicks a reason button. The click's time is taken
in the page (capture listener, ``performance.timeOrigin + performance.now()``); the arrival time is
when the sidecar first holds that answer (polled with ``os.stat`` every 0.5 ms, parsed on change).
Both clocks are the machine's wall clock. Writes benchmarks/results/click_to_disk.json.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.browser import _lab

CLICKS = 60
WARMUP = 5
TARGET_MS = 100.0
SEED_ID = "tass-2016-05-04-aleppo-hospital"
RESULT = Path(__file__).resolve().parent / "results" / "click_to_disk.json"
REASONS = ["loaded_language", "vague_source", "evidence_not_shown", "speculation"]


def _arrival(path: Path, sid: str, reason: str, timeout: float = 10.0) -> float:
    """Wall-clock time (s) at which *path* first holds sid tagged with reason."""
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            stat = None
        if stat is not None and (stat.st_ino, stat.st_mtime_ns) != seen:
            now = time.time()
            seen = (stat.st_ino, stat.st_mtime_ns)
            try:
                answers = json.loads(path.read_text("utf-8"))["answers"]
            except (FileNotFoundError, json.JSONDecodeError):
                seen = None
                continue
            if any(a["sid"] == sid and a["reason"] == reason for a in answers):
                return now
        time.sleep(0.0005)
    raise TimeoutError(f"{path}: {sid} ({reason}) never arrived")


def measure(page, lab, clicks: int = CLICKS) -> list[float]:
    """Click-to-disk latencies in milliseconds for *clicks* clicks (after a warm-up)."""
    _lab.write_notebook(lab.root / "bench.ipynb", [
        f'import medialit\nw = medialit.SpotUnverifiable("{SEED_ID}", exercise="bench", mode="assignment")\nw'])
    _lab.open_notebook(page, lab, "bench.ipynb")
    _lab.run_all(page)
    page.evaluate("""() => { window.__clicks = [];
        document.addEventListener('click', () => window.__clicks.push(performance.timeOrigin + performance.now()), true); }""")
    sids = page.eval_on_selector_all(".medialit [role=option]", "els => els.map(e => e.dataset.sid)")
    path = lab.root / "answers" / "bench.json"
    latencies = []
    for i in range(clicks + WARMUP):
        sid, reason = sids[i % len(sids)], REASONS[(i // len(sids) + i) % len(REASONS)]
        page.click(f'.medialit [role=option][data-sid="{sid}"]')
        page.wait_for_selector(f'.medialit [role=option][data-sid="{sid}"][aria-selected="true"]')
        page.click(f'.medialit .ml-reason[data-reason="{reason}"]')
        arrived = _arrival(path, sid, reason)
        clicked = page.evaluate("() => window.__clicks[window.__clicks.length - 1]") / 1000.0
        if i >= WARMUP:
            latencies.append((arrived - clicked) * 1000.0)
    return latencies


def summarize(latencies: list[float]) -> dict:
    """Median, 90th percentile and spread of the latencies, with the machine's description."""
    ordered = sorted(latencies)
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(ordered[max(0, int(round(0.9 * len(ordered))) - 1)], 2),
        "min_ms": round(ordered[0], 2), "max_ms": round(ordered[-1], 2), "n": len(ordered),
        "target_ms": TARGET_MS, "cores": os.cpu_count(), "machine": platform.platform(),
        "python": platform.python_version(),
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }


def main() -> dict:
    """Run the benchmark, print and save the summary (benchmarks/results/click_to_disk.json)."""
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    lab = _lab.start_lab(root)
    try:
        with sync_playwright() as playwright:
            browser = _lab.launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            latencies = measure(page, lab)
            browser.close()
    finally:
        _lab.stop_lab(lab)
        shutil.rmtree(root, ignore_errors=True)
    result = summarize(latencies)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    verdict = "within" if result["median_ms"] < TARGET_MS else "OVER"
    print(f"click to disk: median {result['median_ms']} ms, p90 {result['p90_ms']} ms over {result['n']} clicks "
          f"({verdict} the {TARGET_MS:.0f} ms target) -> {RESULT}")
    return result


if __name__ == "__main__":
    main()
