"""nbgrader glue for parallel autograde: build nbgrader's app, find submissions, grade one of them.

Grading is nbgrader's own ``Autograde`` converter, unchanged except that it is handed one
submission folder instead of globbing for all of them, and that its gradebook URL points at the
worker's private copy.
"""

from __future__ import annotations

import logging
import os
import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters import Autograde, NbGraderException
from nbgrader.utils import remove, rmtree

from ._parallel_delta import RowChange, copy_database, delta_between

# nbgrader logs this for each submission that fails and carries on with the next one; any other
# NbGraderException (database or metadata-schema trouble) makes nbgrader stop the whole run.
PER_SUBMISSION_FAILURE = "There was an error processing assignment '"
# nbgrader's end-of-run summary messages; the parent prints one summary for the whole run instead.
RUN_SUMMARY = (PER_SUBMISSION_FAILURE, "Please see the")


@dataclass(frozen=True)
class Submission:
    """One submitted assignment folder, as nbgrader's converter finds it."""

    index: int
    assignment: str
    student: str
    folder: str
    notebooks: tuple[str, ...]
    pattern: str  # the --student glob that found it (nbgrader passes it to convert hooks)


@dataclass
class Outcome:
    """What grading one submission did, and the gradebook rows it changed.

    ``status`` is ``graded``, ``skipped`` (already autograded), ``failed`` (nbgrader carries on),
    ``aborted`` (nbgrader would stop the whole run) or ``crashed`` (the worker process died).
    """

    status: str
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    changes: list[RowChange] = field(default_factory=list)
    seconds: float = 0.0


def autograde_app(argv: list[str]) -> AutogradeApp:
    """An initialised ``nbgrader autograde`` app: config files, course dir and flags as nbgrader reads them.

    Args:
        argv (list[str]): nbgrader command-line arguments, e.g. ``["--assignment", "ps1", "--force"]``.

    Returns:
        AutogradeApp: the app; ``app.coursedir`` is the resolved course directory.
    """
    app = AutogradeApp()
    app.initialize(argv)
    return app


def find_submissions(app: AutogradeApp, patterns: list[str]) -> list[Submission]:
    """The submissions ``nbgrader autograde`` would visit, in its order (sorted by folder).

    Args:
        app (AutogradeApp): from ``autograde_app``.
        patterns (list[str]): student-id globs; each is what nbgrader's ``--student`` takes.

    Returns:
        list[Submission]: each folder once, numbered from 0.

    Raises:
        NbGraderException: no notebook matched (nbgrader's own message is logged).
    """
    converter = Autograde(coursedir=app.coursedir, parent=app)
    found: dict[str, tuple[list[str], str]] = {}
    original = app.coursedir.student_id
    try:
        for pattern in patterns:
            app.coursedir.student_id = pattern
            converter.init_notebooks()
            for folder, notebooks in converter.assignments.items():
                found.setdefault(folder, (notebooks, pattern))
    finally:
        app.coursedir.student_id = original
    regexp = converter._format_source("(?P<assignment_id>.*)", "(?P<student_id>.*)", escape=True)
    submissions = []
    for index, folder in enumerate(sorted(found)):
        match = re.match(regexp, folder)
        notebooks, pattern = found[folder]
        submissions.append(Submission(index, match["assignment_id"], match["student_id"], folder,
                                      tuple(sorted(notebooks)), pattern))
    return submissions


def remove_autograded(app: AutogradeApp, submission: Submission) -> None:
    """Remove a submission's autograded output, as nbgrader does when grading it fails.

    Args:
        app (AutogradeApp): from ``autograde_app``.
        submission (Submission): the submission whose output to remove.
    """
    coursedir = app.coursedir
    dest = os.path.normpath(coursedir.format_path(coursedir.autograded_directory, submission.student,
                                                  submission.assignment))
    if coursedir.notebook_id == "*":
        if os.path.exists(dest):
            rmtree(dest)
        return
    for notebook in submission.notebooks:
        path = os.path.join(dest, Path(notebook).stem + ".ipynb")
        if os.path.exists(path):
            remove(path)


class _OneSubmission(Autograde):
    """nbgrader's ``Autograde`` converter, handed one submission folder instead of a glob."""

    def __init__(self, submission: Submission, **kwargs) -> None:
        super().__init__(**kwargs)
        self._submission = submission
        self.processed = False

    def init_notebooks(self) -> None:
        self.assignments = {self._submission.folder: list(self._submission.notebooks)}
        self.notebooks = []

    def init_destination(self, assignment_id: str, student_id: str) -> bool:
        self.processed = super().init_destination(assignment_id, student_id)
        return self.processed


class _Collect(logging.Handler):
    """Keeps the warning and error messages nbgrader logs while grading one submission."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        target = self.errors if record.levelno >= logging.ERROR else self.warnings
        if text not in target:
            target.append(text)


def grade_submission(app: AutogradeApp, submission: Submission, db: Path, before: Path) -> Outcome:
    """Grade one submission with nbgrader on the gradebook copy ``db`` and return its row changes.

    Args:
        app (AutogradeApp): from ``autograde_app``, its ``db_url`` pointing at ``db``.
        submission (Submission): what to grade.
        db (Path): the worker's private gradebook copy.
        before (Path): scratch file for the copy's state before grading.

    Returns:
        Outcome: status, nbgrader's warnings and errors, and the gradebook row changes, which
        are returned for failed submissions too (nbgrader keeps what it committed before failing).
    """
    start = time.perf_counter()
    copy_database(db, before)
    collect = _Collect()
    app.log.addHandler(collect)
    app.coursedir.student_id = submission.pattern
    converter = _OneSubmission(submission, coursedir=app.coursedir, parent=app)
    try:
        converter.start()
        status = "graded" if converter.processed else "skipped"
    except NbGraderException:
        per_submission = any(e.startswith(PER_SUBMISSION_FAILURE) for e in collect.errors)
        status = "failed" if per_submission else "aborted"
    except Exception:  # outside nbgrader's per-submission handling: stop like nbgrader would
        collect.errors.append(traceback.format_exc())
        status = "aborted"
    finally:
        app.log.removeHandler(collect)
    errors = [error for error in collect.errors if not error.startswith(RUN_SUMMARY)]
    return Outcome(status, collect.warnings, errors, delta_between(before, db), time.perf_counter() - start)
