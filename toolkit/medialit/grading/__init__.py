"""Grading: a student's answers and an answer key in, scores out.

Names load lazily, so that the widgets' use of ``match`` does not import nbgrader or matplotlib.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "ScoreResult": "match",
    "score_answers": "match",
    "score_conflicts": "match",
    "SidecarGrade": "nbgrader",
    "grade_sidecar": "nbgrader",
    "points_for_sidecar": "nbgrader",
    "autograde_parallel": "parallel",
    "write_report": "report",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit.grading' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
