"""A student in headless Chromium: log in to the hub, fetch, tag in the widget, submit from the Assignments panel."""

from __future__ import annotations

import contextlib
import json
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .workflow import as_instructor

pytestmark = [pytest.mark.slow, pytest.mark.hub, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# What the student tags in the graded widget, and how (the widget's own controls).
SENTENCES = {"p3s1": "Priya Hallam", "p14s1": "Gwen Abara"}
UNATTRIBUTED = "p1s1"


def wait_json(path: Path, predicate, timeout: float = 20.0):
    """Poll *path* (read as root) until it holds JSON for which *predicate* is true."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            last = json.loads(path.read_text())
            if predicate(last):
                return last
        except (FileNotFoundError, json.JSONDecodeError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{path}: condition not met in {timeout} s; last content: {last}")


def tags_of(doc: dict) -> dict:
    return {a["sid"]: a["source"] if a["label"] == "attribution" else a["label"] for a in doc["answers"]}


@pytest.fixture(scope="module")
def student(course_hub, released):
    """The hub's last student, who works only in the browser; the assignment is released."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make chromium`")
    name = course_hub.config.students[-1]
    # Test only: let the page reach JupyterLab's app object (window.jupyterapp) to run commands.
    settings = course_hub.config.home(name) / ".jupyter" / "jupyter_server_config.json"
    config = json.loads(settings.read_text())
    config["LabApp"] = {"expose_app_in_browser": True}
    settings.write_text(json.dumps(config))
    return name


def in_own_thread(fn):
    """Run *fn* in a thread of its own and return its result (or raise its error).

    Playwright's sync API refuses to start in a thread whose asyncio loop is running, as it
    is when tests/browser/ has its own Playwright open for the session.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def with_page(fn):
    """Call ``fn(page)`` with a fresh headless Chromium page; screenshot the end state to test-artifacts/."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            try:
                return fn(page)
            finally:
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / "hub-student-last.png"))
        finally:
            browser.close()


def test_student_fetches_tags_and_submits(course_hub, assignment, student):
    """Log in, fetch in the Assignments panel, tag in the widget, submit; the instructor sees it inbound."""
    try:
        doc = in_own_thread(lambda: with_page(lambda page: student_works(page, course_hub, assignment, student)))
    finally:
        with contextlib.suppress(urllib.error.HTTPError):  # stop the student's server, if it started
            course_hub.api("DELETE", f"/users/{student}/server")

    # The instructor sees the submission in the exchange, with the answers the widget saved.
    inbound = as_instructor(course_hub, ["nbgrader", "list", "--inbound"])
    assert student in inbound.stdout + inbound.stderr
    course = course_hub.config.exchange / course_hub.config.course_id / "inbound"
    (submission,) = [p for p in course.iterdir() if p.name.startswith(f"{student}+{assignment.name}+")]
    assert tags_of(json.loads((submission / assignment.answers_file).read_text())) == tags_of(doc)
    assert (submission / f"{assignment.notebook}.ipynb").stat().st_uid == course_hub.uid(student)
    assert doc["exercise"] == assignment.name


def student_works(page, course_hub, assignment, student) -> dict:
    """What the student does in the browser; returns the answers file the widget wrote."""
    # Log in with the system password; the hub spawns the student's JupyterLab.
    page.goto(f"{course_hub.url}/hub/login")
    page.fill("#username_input", student)
    page.fill("#password_input", course_hub.password(student))
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{student}/lab**", timeout=180_000)
    page.wait_for_selector("#jp-main-dock-panel", timeout=120_000)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.commands.hasCommand("
                           "'nbgrader:open-assignment-list')", timeout=120_000)

    # Assignments panel (nbgrader's lab extension): fetch the released assignment. Students'
    # Nbgrader menu has no instructor tools.
    page.click(".lm-MenuBar-itemLabel:text-is('Nbgrader')")
    items = page.locator(".lm-Menu-itemLabel").all_text_contents()
    assert "Assignment List" in items
    assert not {"Formgrader", "Create assignment", "Course List"} & set(items), items
    page.click(".lm-Menu-itemLabel:text-is('Assignment List')")
    fetch = page.locator("#released_assignments_list button", has_text="Fetch")
    fetch.click()
    page.wait_for_selector(f"#fetched_assignments_list :text('{assignment.name}')")
    folder = course_hub.config.home(student) / assignment.name
    assert folder.stat().st_uid == course_hub.uid(student)

    # Open the notebook, run it, tag sentences in the graded widget.
    page.goto(f"{course_hub.url}/user/{student}/lab/tree/{assignment.name}/{assignment.notebook}.ipynb")
    page.wait_for_function("() => { const k = window.jupyterapp?.shell?.currentWidget?.sessionContext?.session"
                           "?.kernel; return k && k.connectionStatus === 'connected' && k.status === 'idle'; }",
                           timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    widget = page.locator(".jp-OutputArea-output .medialit", has=page.locator('[data-sid="p17s2"]'))
    widget.locator("[role=option]").first.wait_for(timeout=120_000)
    for sid, source in SENTENCES.items():
        widget.locator(f'[role=option][data-sid="{sid}"]').click()
        widget.locator(".ml-source").select_option(source)
    widget.locator(f'[role=option][data-sid="{UNATTRIBUTED}"]').click()
    widget.locator(".ml-unattributed").click()
    expected = {**SENTENCES, UNATTRIBUTED: "unattributed"}
    answers = folder / assignment.answers_file
    doc = wait_json(answers, lambda d: tags_of(d) == expected)
    assert answers.stat().st_uid == course_hub.uid(student)
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    ARTIFACTS.mkdir(exist_ok=True)
    widget.screenshot(path=str(ARTIFACTS / "hub-student-widget.png"))

    # Back to the Assignments panel: submit.
    page.evaluate("() => window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
    page.click("#refresh_assignments_list")
    submit = page.locator("#fetched_assignments_list button", has_text="Submit")
    submit.first.click()
    page.wait_for_selector(f"#submitted_assignments_list :text('{assignment.name}')", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "hub-student-submitted.png"))

    return doc
