"""The student release holds no part of a graded item's key: no explanation, source, reason or topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medialit.course.lessons import lessons_from_folder
from medialit.course.notebook import TASK_CATEGORIES
from medialit.keys.load import load_key
from medialit.keys.schema import REASONS

from .conftest import COURSE, REPO

# Markers of nbgrader regions and of the grading code that must never reach students.
GRADING_MARKERS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "points_for_sidecar", "KEY =",
                   ".tag(", ".group(", "reason="]


def _graded_secrets() -> list[tuple[str, str]]:
    """(what, text) for every explanation, source, reason, conflict topic and model answer of graded work."""
    secrets = []
    for lesson in lessons_from_folder(COURSE / "lessons"):
        for part in lesson.graded:
            key = load_key(COURSE / "keys" / f"{part.key}.yaml")
            items = key.items[key.items["category"].isin(TASK_CATEGORIES[part.task])]
            for item in items.to_dict("records"):
                secrets.append((f"{part.key} {item['sid']} explanation", item["explanation"]))
                for source in [item["source"], *item["other_sources"]]:
                    if isinstance(source, str):
                        secrets.append((f"{part.key} {item['sid']} source", source))
            if part.task == "conflicts":
                for group in key.groups:
                    secrets += [(f"{part.key} conflict topic", group["topic"]),
                                (f"{part.key} conflict explanation", group["explanation"])]
                    secrets += [(f"{part.key} conflict source", c["source"]) for c in group["claims"]]
        secrets += [(f"{lesson.assignment} model answer", w.answer.strip()[:60]) for w in lesson.written]
    return secrets


def _release_text(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files, f"nothing released in {folder}"
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.fixture(scope="module")
def secrets():
    """Every secret of graded work, from the lessons and course/keys."""
    found = _graded_secrets()
    assert len(found) > 100
    return found


@pytest.mark.parametrize("where", ["fresh", "committed"])
def test_no_key_in_release(built, secrets, where):
    """No explanation, source name, conflict topic or model answer of a graded item is in the student release."""
    text = _release_text(built["exercises"] if where == "fresh" else REPO / "exercises")
    leaked = [what for what, secret in secrets if re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", text)]
    assert not leaked, f"the release shows: {leaked[:10]}"


@pytest.mark.parametrize("where", ["fresh", "committed"])
def test_no_grading_code_in_release(built, where):
    """The release has no solution or hidden-test region, no tagging call and no reason code."""
    text = _release_text(built["exercises"] if where == "fresh" else REPO / "exercises")
    # Reason codes as code would write them (plain words like "other" are fine in the lesson text).
    codes = [r for r in REASONS if "_" in r] + [f'"{r}"' for r in REASONS] + [f"'{r}'" for r in REASONS]
    found = [m for m in [*GRADING_MARKERS, *codes] if m in text]
    assert not found, f"the release contains {found}"


def test_source_does_hold_the_keys(built, secrets):
    """The check above can fail: the instructor's source notebooks do contain the secrets."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (built["course"] / "source").rglob("*.ipynb"))
    assert sum(secret in text for _, secret in secrets) > len(secrets) // 2
