"""Grading: a student's answers and an answer key in, scores out.

Names load lazily, so that the widgets' use of ``match`` does not import nbgrader or matplotlib.
"""

from __future__ import annotations

from medialit._lazy import lazy_exports

_EXPORTS = {
    "ScoreResult": "medialit.grading.match",
    "score_answers": "medialit.grading.match",
    "score_conflicts": "medialit.grading.match",
    "SidecarGrade": "medialit.grading.nbgrader",
    "grade_sidecar": "medialit.grading.nbgrader",
    "points_for_sidecar": "medialit.grading.nbgrader",
    "autograde_parallel": "medialit.grading.parallel",
    "write_report": "medialit.grading.report",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
