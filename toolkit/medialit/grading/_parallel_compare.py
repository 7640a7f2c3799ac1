"""A gradebook's contents keyed by names instead of random row ids, to check parallel against sequential autograde.

``gradebook_records`` returns a dict of sorted row lists: ``courses``, ``students``,
``submissions`` (assignment, student, timestamp, extension), ``notebooks`` (flagged,
late_submission_penalty), ``grades`` (auto_score, manual_score, extra_credit,
needs_manual_grade), ``comments`` (auto_comment, manual_comment) and ``totals`` (score,
max_score, needs_manual_grade, total_seconds_late, late penalty, as nbgrader computes them).
"""

from __future__ import annotations

import sqlite3
import warnings
from contextlib import closing
from pathlib import Path

_SUBMISSION = """
    FROM submitted_assignment sa
    JOIN assignment a ON a.id = sa.assignment_id"""
_NOTEBOOK = _SUBMISSION + """
    JOIN submitted_notebook sn ON sn.assignment_id = sa.id
    JOIN notebook n ON n.id = sn.notebook_id"""

QUERIES = {
    "courses": "SELECT * FROM course",
    "students": "SELECT * FROM student",
    "submissions": "SELECT a.name, sa.student_id, sa.timestamp, sa.extension" + _SUBMISSION,
    "notebooks": "SELECT a.name, sa.student_id, n.name, sn.flagged, sn.late_submission_penalty" + _NOTEBOOK,
    "grades": ("SELECT a.name, sa.student_id, n.name, c.name, g.auto_score, g.manual_score, g.extra_credit, "
               "g.needs_manual_grade" + _NOTEBOOK + " JOIN grade g ON g.notebook_id = sn.id "
               "JOIN base_cell c ON c.id = g.cell_id"),
    "comments": ("SELECT a.name, sa.student_id, n.name, c.name, m.auto_comment, m.manual_comment" + _NOTEBOOK
                 + " JOIN comment m ON m.notebook_id = sn.id JOIN base_cell c ON c.id = m.cell_id"),
}


def gradebook_records(db: str | Path) -> dict[str, list[tuple]]:
    """Everything autograde writes to a gradebook, without row ids, sorted.

    Args:
        db (str | Path): an nbgrader ``gradebook.db``.

    Returns:
        dict[str, list[tuple]]: table name -> sorted rows (see the module docstring).
    """
    from nbgrader.api import Gradebook

    with closing(sqlite3.connect(str(db))) as conn:
        records = {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in QUERIES.items()}
    totals = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbgrader 0.9 on SQLAlchemy 2
        with Gradebook(f"sqlite:///{Path(db).resolve()}") as gb:
            for assignment in gb.assignments:
                for sub in assignment.submissions:
                    penalty = sum(nb.late_submission_penalty or 0 for nb in sub.notebooks)
                    totals.append((assignment.name, sub.student.id, sub.score, sub.max_score, sub.code_score,
                                   sub.written_score, sub.needs_manual_grade, sub.total_seconds_late, penalty))
    records["totals"] = sorted(totals, key=repr)
    return records
