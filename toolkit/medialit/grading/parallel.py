"""Parallel ``nbgrader autograde``: the gradebook and autograded/ files nbgrader writes, N submissions at a time.

Why the result equals that of sequential ``nbgrader autograde`` (tests/grading/test_parallel.py
checks it on a real course):

1. nbgrader grades each submission on its own. For submission (A, S) it reads the assignment's
   definition (notebooks, cells, due date), which autograde never writes, and the rows of S
   (student, submission, its notebooks, grades, comments); it writes only rows of S, plus the
   ``default_course`` row, always with the same values. Its files go only to ``autograded/S/A``.
2. A worker grades S with that same nbgrader code, on a private copy of the gradebook taken when
   the run starts. The copy differs from what sequential nbgrader would see only in rows of other
   students, which grading S does not read, so S gets the same writes and the same files.
3. The parent, the only writer of the real gradebook, replays S's row changes there in one
   transaction per submission, in nbgrader's order (sorted by folder) whatever order they finish
   in, and each submission's new rows in the order nbgrader inserted them: the real gradebook
   gets its rows in sequential nbgrader's order. ``apply_delta`` checks the premise of 1 as it
   goes: two submissions may write the same column of the same row only with the same value,
   otherwise the run stops with ``GradebookMergeError``.

Steps, in order (each needs the one before):

    find_submissions   nbgrader's own glob for submitted/*/ASSIGNMENT, sorted like nbgrader
    copy_database      snapshot of gradebook.db (created first if missing, as nbgrader would)
    WorkerPool.grade   each worker: nbgrader's Autograde on its copy -> Outcome with row changes
    _InOrderMerge      the parent writes each submission's changes to the real gradebook, in order

Differences from nbgrader: output is a progress bar, each submission's warnings, then the errors
of failed submissions (nbgrader's full log of each worker goes to a scratch file that is deleted
at the end); kernels run N at a time; only SQLite gradebooks are supported; if nbgrader would stop
the whole run (database or metadata-schema errors), submissions already running still finish.
Row ids are random uuids in nbgrader, so they differ between any two runs, sequential or not.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AutogradeError, GradebookMergeError

__all__ = ["AutogradeError", "AutogradeReport", "GradebookMergeError", "SubmissionResult",
           "autograde_parallel", "format_report", "nbgrader_argv", "sqlite_path"]


@dataclass(frozen=True)
class SubmissionResult:
    """How grading one submission went: status is graded, skipped or failed."""

    assignment: str
    student: str
    status: str
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass
class AutogradeReport:
    """Every submission's result, in nbgrader's order, and whether the run stopped early."""

    assignment: str
    jobs: int
    results: list[SubmissionResult] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped before grading everything
    seconds: float = 0.0

    def count(self, status: str) -> int:
        """How many submissions have this status.

        Args:
            status (str): graded, skipped or failed.

        Returns:
            int: the number of results with that status.
        """
        return sum(result.status == status for result in self.results)

    @property
    def ok(self) -> bool:
        """True when nothing failed and the run was not stopped."""
        return self.stopped is None and self.count("failed") == 0


def skip_iri_grammar() -> bool:
    """Keep jsonschema from loading ``rfc3987_syntax`` in this process; True when that was still possible.

    jsonschema imports it, if installed (JupyterLab's server stack installs it), only to offer the
    ``iri`` string-format check, and the import builds a parser grammar that takes about 1.7 s:
    most of ``nbgrader autograde``'s start-up. nbformat and nbgrader validate notebooks without
    format checks, so grading never uses it. ``medialit autograde`` calls this before importing
    nbgrader; it changes nothing once jsonschema is loaded, and leaves kernels alone (they are
    separate processes).
    """
    if "jsonschema" in sys.modules:
        return False
    sys.modules.setdefault("rfc3987_syntax", None)  # None in sys.modules makes the import raise ImportError
    return sys.modules["rfc3987_syntax"] is None


def nbgrader_argv(assignment: str, course_dir: str | Path | None = None, force: bool = False) -> list[str]:
    """The ``nbgrader autograde`` arguments that configure the run.

    Args:
        assignment (str): assignment id (an nbgrader glob).
        course_dir (str | Path | None): course directory; None lets nbgrader decide (config, cwd).
        force (bool): regrade submissions that were already autograded.

    Returns:
        list[str]: arguments for nbgrader's ``AutogradeApp.initialize``.
    """
    argv = ["--assignment", assignment]
    if course_dir is not None:
        argv += ["--course-dir", str(Path(course_dir).resolve())]
    if force:
        argv.append("--force")
    return argv


def sqlite_path(db_url: str) -> Path:
    """The file behind an ``sqlite:///`` gradebook URL.

    Args:
        db_url (str): nbgrader's ``CourseDirectory.db_url``.

    Returns:
        Path: the database file.

    Raises:
        AutogradeError: the gradebook is not an SQLite file.
    """
    prefix = "sqlite:///"
    if not db_url.startswith(prefix) or db_url[len(prefix):] in ("", ":memory:"):
        raise AutogradeError(
            f"{db_url}: parallel autograde needs an SQLite gradebook file (sqlite:///...). "
            "Fix: use plain `nbgrader autograde` for this course.")
    return Path(db_url[len(prefix):])


def format_report(report: AutogradeReport) -> str:
    """The end-of-run text: failed submissions' errors (as nbgrader logs them), then a summary.

    Args:
        report (AutogradeReport): from ``autograde_parallel``.

    Returns:
        str: lines to print to standard error.
    """
    lines = []
    failed = [r for r in report.results if r.status == "failed"]
    for result in failed:
        lines.append(f"[{result.assignment}/{result.student}] failed:")
        lines.extend("    " + line for error in result.errors for line in error.rstrip().splitlines())
    lines.extend(f"There was an error processing assignment '{r.assignment}' for student '{r.student}'"
                 for r in failed)
    if report.stopped:
        lines.append(f"Stopped early: {report.stopped}")
    lines.append(f"autograde {report.assignment}: {report.count('graded')} graded, "
                 f"{report.count('skipped')} skipped, {len(failed)} failed of {len(report.results)} "
                 f"submissions in {report.seconds:.1f} s with {report.jobs} worker(s).")
    return "\n".join(lines)


def autograde_parallel(assignment: str, *, jobs: int | None = None, course_dir: str | Path | None = None,
                       students: list[str] | tuple[str, ...] = (), force: bool = False,
                       progress: bool = True) -> AutogradeReport:
    """Autograde every submission of an assignment like ``nbgrader autograde``, ``jobs`` at a time.

    Args:
        assignment (str): assignment id, as given to ``nbgrader autograde``.
        jobs (int | None): worker processes; None means one per CPU core.
        course_dir (str | Path | None): nbgrader course directory; None lets nbgrader decide.
        students (list[str] | tuple[str, ...]): student-id globs; empty means nbgrader's default (all).
        force (bool): regrade submissions already autograded, like ``nbgrader autograde --force``.
        progress (bool): show a tqdm progress bar and each submission's warnings on standard error.

    Returns:
        AutogradeReport: one result per submission found, in nbgrader's order.

    Raises:
        AutogradeError: nothing to grade, or the gradebook is not an SQLite file.
        GradebookMergeError: two submissions' gradebook changes disagree (never seen with nbgrader 0.9).
    """
    # nbgrader and tqdm are imported here so that `import medialit.grading.parallel` stays light.
    from nbgrader.api import Gradebook
    from nbgrader.converters import NbGraderException
    from tqdm import tqdm

    from ._parallel_delta import copy_database
    from ._parallel_nbgrader import autograde_app, find_submissions, remove_autograded
    from ._parallel_pool import WorkerPool

    start = time.perf_counter()
    argv = nbgrader_argv(assignment, course_dir, force)
    app = autograde_app(argv)
    db = Path(app.coursedir.root, sqlite_path(app.coursedir.db_url))  # nbgrader opens it from the root
    try:
        submissions = find_submissions(app, list(students) or [app.coursedir.student_id])
    except NbGraderException as exc:
        raise AutogradeError(f"{app.coursedir.root}: {exc}. Fix: check the assignment id and the "
                             "course directory (submitted/STUDENT/ASSIGNMENT/*.ipynb).") from None
    if not db.exists():
        Gradebook(app.coursedir.db_url, app.coursedir.course_id).close()  # nbgrader creates it too
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(submissions)))
    report = AutogradeReport(assignment, jobs)

    with tempfile.TemporaryDirectory(prefix="medialit-autograde-") as scratch:
        snapshot = Path(scratch, "snapshot.db")
        copy_database(db, snapshot)
        # Fork the workers before opening the real gradebook or starting tqdm's monitor thread.
        with WorkerPool(jobs, argv, snapshot, Path(scratch)) as pool, \
                closing(sqlite3.connect(db, timeout=60, isolation_level=None)) as real, \
                tqdm(total=len(submissions), desc=f"autograde {assignment}", unit="submission",
                     disable=not progress, dynamic_ncols=True) as bar:
            merge = _InOrderMerge(real, on_crash=lambda submission: remove_autograded(app, submission))
            failed = 0

            def handle(submission, outcome) -> bool:
                nonlocal failed
                merge.add(submission, outcome)
                for warning in outcome.warnings if progress else ():
                    bar.write(f"[{submission.assignment}/{submission.student}] {warning}")
                if outcome.status in ("failed", "aborted", "crashed"):
                    failed += 1
                    bar.set_postfix(failed=failed, refresh=False)
                bar.update(1)
                if outcome.status == "aborted":
                    report.stopped = (f"grading {submission.assignment}/{submission.student} hit an error that makes "
                                      "nbgrader stop (database or notebook-format trouble); see its errors above.")
                return outcome.status != "aborted"

            try:
                pool.grade(submissions, handle)
            except KeyboardInterrupt:
                merge.flush()  # keep what finished, as nbgrader keeps the students before the one it was on
                raise
            merge.flush()
    report.results = merge.results
    report.seconds = time.perf_counter() - start
    return report


class _InOrderMerge:
    """Writes submissions' row changes to the real gradebook in nbgrader's order, whatever order they finish in.

    The gradebook then gets its rows in the order sequential nbgrader inserts them, so even queries
    without ORDER BY, and float sums over a student's grades, come out the same.
    """

    def __init__(self, conn: sqlite3.Connection, on_crash) -> None:
        self.conn, self.on_crash = conn, on_crash
        self.claims: dict = {}
        self.waiting: dict[int, tuple] = {}
        self.next = 0
        self.results: list[SubmissionResult] = []

    def add(self, submission, outcome) -> None:
        """Keep one finished submission and write every submission whose turn has come.

        Args:
            submission (Submission): the submission, numbered in nbgrader's order.
            outcome (Outcome): what grading it did, with its gradebook row changes.
        """
        self.waiting[submission.index] = (submission, outcome)
        while self.next in self.waiting:
            self._write(*self.waiting[self.next])
            del self.waiting[self.next]
            self.next += 1

    def flush(self) -> None:
        """Write, in order, what is left waiting after a run that stopped early."""
        for index in sorted(self.waiting):
            self._write(*self.waiting[index])
            del self.waiting[index]

    def _write(self, submission, outcome) -> None:
        from ._parallel_delta import apply_delta

        self.conn.execute("BEGIN IMMEDIATE")
        try:
            apply_delta(self.conn, outcome.changes, f"{submission.assignment}/{submission.student}", self.claims)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        if outcome.status == "crashed":
            self.on_crash(submission)
        status = {"crashed": "failed", "aborted": "failed"}.get(outcome.status, outcome.status)
        self.results.append(SubmissionResult(submission.assignment, submission.student, status,
                                             tuple(outcome.warnings), tuple(outcome.errors), outcome.seconds))
