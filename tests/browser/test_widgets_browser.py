"""The three widgets in a real JupyterLab: mouse, keyboard, sidecar on disk, restart, Check, screenshots."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from tests.browser import _lab
from tests.conftest import SEED_ID

pytestmark = pytest.mark.browser

DOCS_IMG = _lab.REPO / "docs" / "img"
SELECT = '.medialit [role=option][data-sid="{sid}"]'


def notebook(lab, name: str, code: str):
    """Write a one-cell notebook *name* into the lab's root."""
    return _lab.write_notebook(lab.root / name, ["import medialit\n" + code])


def answers_on_disk(lab, exercise: str) -> dict:
    """The sidecar of *exercise* as JSON."""
    return json.loads((lab.root / "answers" / f"{exercise}.json").read_text("utf-8"))


def triples(data: dict) -> set[tuple]:
    """The (sid, label, source or reason) of every answer in a sidecar."""
    return {(a["sid"], a["label"], a["source"] or a["reason"]) for a in data["answers"]}


def wait_answers(lab, exercise: str, expected: set[tuple]) -> dict:
    """Wait until the sidecar holds exactly *expected* answers; return it."""
    path = lab.root / "answers" / f"{exercise}.json"
    return _lab.wait_for_file(path, lambda d: triples(d) == expected)


def focused(page) -> str:
    """Describe the focused element: its sid, class or tag."""
    return page.evaluate("() => { const e = document.activeElement; return e.dataset.sid || e.className || e.tagName; }")


def shoot(page, name: str) -> None:
    """Screenshot the widget to test-artifacts/<name>.png (and docs/img/ with MEDIALIT_UPDATE_DOCS_IMG=1)."""
    _lab.ARTIFACTS.mkdir(exist_ok=True)
    target = _lab.ARTIFACTS / f"{name}.png"
    widget = page.locator(".jp-OutputArea-output .medialit").first
    height = widget.evaluate("(el) => el.getBoundingClientRect().height")
    page.set_viewport_size({"width": 1280, "height": int(height) + 400})  # the whole widget on screen
    widget.scroll_into_view_if_needed()
    widget.screenshot(path=target)
    page.set_viewport_size({"width": 1280, "height": 1000})
    if os.environ.get("MEDIALIT_UPDATE_DOCS_IMG") == "1":  # refresh the README's pictures on purpose only
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, DOCS_IMG / f"{name}.png")


def test_attribution_mouse_keyboard_restart_check(lab, page):
    """Tags made by mouse and keyboard reach the sidecar, survive a kernel restart and get feedback."""
    notebook(lab, "attribution.ipynb", f'w = medialit.SpotAttribution("{SEED_ID}", exercise="attr")\nw')
    _lab.open_notebook(page, lab, "attribution.ipynb")
    _lab.run_all(page)

    # Mouse: select p3s2 and pick its source from the list.
    page.click(SELECT.format(sid="p3s2"))
    page.select_option(".medialit .ml-source", "Igor Konashenkov")
    wait_answers(lab, "attr", {("p3s2", "attribution", "Igor Konashenkov")})

    # Keyboard: Down to p4s1, Enter, Tab to the typed-name box, type, Enter.
    page.keyboard.press("ArrowDown")
    assert focused(page) == "p4s1"
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')")  # the focus ring shows
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert "ml-typed" in focused(page)
    page.keyboard.type("doctors without borders")
    page.keyboard.press("Enter")
    # Keyboard: back to the sentence list, Home to the headline, Space, Tab to "No source", Enter.
    page.focus(SELECT.format(sid="p4s1"))
    page.keyboard.press("Home")
    assert focused(page) == "p1s1"
    page.keyboard.press(" ")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert "ml-unattributed" in focused(page)
    page.keyboard.press("Enter")
    expected = {("p3s2", "attribution", "Igor Konashenkov"), ("p4s1", "attribution", "Doctors Without Borders"),
                ("p1s1", "unattributed", None)}
    data = wait_answers(lab, "attr", expected)
    assert data["task"] == "attribution" and data["articles"] == [SEED_ID]
    badge = page.locator(SELECT.format(sid="p3s2") + " .ml-badge")
    assert badge.text_content().strip() == "[A: Igor Konashenkov]"
    assert page.get_attribute(SELECT.format(sid="p1s1"), "aria-selected") == "true"
    assert "p1s1 tagged [No source: stated as fact]" in page.text_content(".medialit .ml-live")

    # Check: a score and per-sentence feedback with the key's explanation.
    page.click(".medialit .ml-check")
    page.wait_for_function("() => document.querySelector('.medialit .ml-summary').textContent.startsWith('Score')")
    summary = page.text_content(".medialit .ml-summary")
    assert "Score 2.25 of" in summary and "2 found" in summary and "1 wrong source" in summary
    assert page.text_content(SELECT.format(sid="p3s2") + " .ml-fb").strip() == "\u2713 found"
    assert page.text_content(SELECT.format(sid="p2s1") + " .ml-fb").strip() == "\u2717 missed"
    feedback = page.text_content(".medialit .ml-feedback")
    assert "ministry spokesman Igor Konashenkov" in feedback
    page.click(SELECT.format(sid="p1s1"))
    assert "Key: attribution: Russian Defense Ministry" in page.text_content(".medialit .ml-note")
    shoot(page, "attribution")
    # Hint: practice mode points at what to look at in the selected sentence.
    page.click(SELECT.format(sid="p8s1"))
    page.click(".medialit .ml-hint")
    assert page.text_content(".medialit .ml-note").startswith("Hint: ")

    # Restart the kernel, run again: the saved answers come back; nothing is rewritten.
    _lab.restart_kernel(page)
    _lab.clear_outputs(page)
    _lab.run_all(page)
    page.wait_for_function("() => document.querySelector('.medialit [data-sid=\"p3s2\"] .ml-badge').textContent"
                           ".includes('[A: Igor Konashenkov]')")
    assert page.text_content(SELECT.format(sid="p1s1") + " .ml-badge").strip() == "[No source: stated as fact]"
    assert triples(answers_on_disk(lab, "attr")) == expected
    # Delete on a focused sentence removes its tag.
    page.focus(SELECT.format(sid="p4s1"))
    page.keyboard.press("Delete")
    wait_answers(lab, "attr", expected - {("p4s1", "attribution", "Doctors Without Borders")})
    assert page.errors == []


def test_unverifiable_reasons_and_check(lab, page):
    """Reasons picked by mouse and keyboard are saved, and Check explains each sentence."""
    notebook(lab, "unverifiable.ipynb", f'w = medialit.SpotUnverifiable("{SEED_ID}", exercise="unv")\nw')
    _lab.open_notebook(page, lab, "unverifiable.ipynb")
    _lab.run_all(page)
    page.click(SELECT.format(sid="p8s1"))
    page.click('.medialit .ml-reason[data-reason="loaded_language"]')
    wait_answers(lab, "unv", {("p8s1", "unverifiable", "loaded_language")})
    assert page.get_attribute('.medialit .ml-reason[data-reason="loaded_language"]', "aria-pressed") == "true"

    page.focus(SELECT.format(sid="p8s1"))
    page.keyboard.press("ArrowRight")
    assert focused(page) == "p9s1"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.reason") == "evidence_not_shown"
    page.keyboard.press(" ")
    wait_answers(lab, "unv", {("p8s1", "unverifiable", "loaded_language"),
                              ("p9s1", "unverifiable", "evidence_not_shown")})
    assert page.text_content(SELECT.format(sid="p9s1") + " .ml-badge").strip() == "[? evidence not shown]"

    # Python changes show in the browser and reach the sidecar too.
    assert _lab.execute(page, 'w.tag("p10s1", reason="speculation"); w.untag("p9s1")') == "ok"
    page.wait_for_function("() => document.querySelector('.medialit [data-sid=\"p10s1\"] .ml-badge').textContent"
                           ".includes('[? speculation]')")
    assert page.text_content(SELECT.format(sid="p9s1") + " .ml-badge") == ""
    wait_answers(lab, "unv", {("p8s1", "unverifiable", "loaded_language"), ("p10s1", "unverifiable", "speculation")})

    page.click(".medialit .ml-check")
    page.wait_for_function("() => document.querySelector('.medialit .ml-summary').textContent.startsWith('Score')")
    assert page.text_content(SELECT.format(sid="p8s1") + " .ml-fb").strip() in ("\u2713 found", "\u00bd wrong reason")
    assert page.locator(".medialit .ml-feedback li").count() > 5
    page.click(SELECT.format(sid="p8s1"))
    shoot(page, "unverifiable")
    assert page.errors == []


def test_conflicts_across_two_articles(lab, page):
    """Claims from two articles side by side become a group with a topic, saved and checked."""
    notebook(lab, "conflicts.ipynb",
             f'w = medialit.SpotConflicts(["{SEED_ID}", "bridge-test"], exercise="conf")\nw')
    _lab.open_notebook(page, lab, "conflicts.ipynb")
    _lab.run_all(page)
    assert page.locator(".medialit .ml-pane").count() == 2
    assert "Original teaching text \u2014 fictional" in page.text_content(".medialit .ml-pane >> nth=1")

    page.click(SELECT.format(sid="p3s2"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press(" ")
    assert page.get_attribute(SELECT.format(sid="p4s1"), "aria-selected") == "true"
    page.fill(".medialit .ml-topic", "Whether and when the hospital was destroyed")
    page.click(".medialit .ml-make")
    # Across articles: one claim from each, made by keyboard.
    page.focus('.medialit [data-article="bridge-test"][data-sid="p2s1"]')
    page.keyboard.press("Enter")
    page.focus(SELECT.format(sid="p12s3"))
    page.keyboard.press("Enter")
    page.fill(".medialit .ml-topic", "demo: two articles")
    page.keyboard.press("Enter")
    path = lab.root / "answers" / "conf.json"
    data = _lab.wait_for_file(path, lambda d: len(d["conflicts"]) == 2)
    assert [(g["topic"], [(c["article"], c["sid"]) for c in g["claims"]]) for g in data["conflicts"]] == [
        ("Whether and when the hospital was destroyed", [(SEED_ID, "p3s2"), (SEED_ID, "p4s1")]),
        ("demo: two articles", [(SEED_ID, "p12s3"), ("bridge-test", "p2s1")])]
    assert page.text_content(SELECT.format(sid="p4s1") + " .ml-badge").strip() == "[G1]"

    page.click(".medialit .ml-check")
    page.wait_for_function("() => document.querySelector('.medialit .ml-summary').textContent.startsWith('Score')")
    page.eval_on_selector_all(".medialit .ml-article", "els => els.forEach(e => { e.scrollTop = 0; })")
    assert re.match(r"Score 0\.5 of \d+ \(1 found, \d+ missed, 1 extra\)", page.text_content(".medialit .ml-summary"))
    shoot(page, "conflicts")
    page.click('.medialit .ml-ungroup[aria-label="Remove group 2"]')
    _lab.wait_for_file(path, lambda d: len(d["conflicts"]) == 1)
    assert page.errors == []


def test_markup_shows_as_text(lab, page):
    """An article containing <img onerror> and <script> shows those characters and runs nothing."""
    (lab.root / "answers").mkdir(exist_ok=True)
    (lab.root / "answers" / "xss.json").write_text("{ not json", "utf-8")  # a damaged sidecar, reported
    notebook(lab, "xss.ipynb", 'w = medialit.SpotAttribution("xss-test", exercise="xss", mode="assignment")\nw')
    _lab.open_notebook(page, lab, "xss.ipynb")
    _lab.run_all(page)
    widget = page.locator(".jp-OutputArea-output .medialit")
    assert widget.locator("img, script, b").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.text_content(SELECT.format(sid="p1s1"))
    assert '<img src=x onerror="window.__pwned=1">' in page.text_content(SELECT.format(sid="p2s1"))
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".medialit .ml-check").count() == 0  # assignment mode: no Check
    assert "could not be read, so they were kept as xss.damaged-" in page.text_content(".medialit .ml-message")
    assert len(list((lab.root / "answers").glob("xss.damaged-*.json"))) == 1
    page.click(SELECT.format(sid="p2s1"))
    page.fill(".medialit .ml-typed", "Vladimir Putin")
    page.click(".medialit .ml-use-typed")
    page.wait_for_function("() => document.querySelector('.medialit .ml-message').textContent"
                           ".includes(\"'Vladimir Putin' is neither in the source list nor in the article\")")
    assert "kept as xss.damaged-" in page.text_content(".medialit .ml-message")  # the notice stays
    page.fill(".medialit .ml-typed", "Mayor Ana Lind")
    page.click(".medialit .ml-use-typed")
    data = wait_answers(lab, "xss", {("p2s1", "attribution", "Mayor Ana Lind")})
    assert "<img src=x" in data["answers"][0]["text"]
    assert page.evaluate("() => window.__pwned") is None
    assert page.errors == []
