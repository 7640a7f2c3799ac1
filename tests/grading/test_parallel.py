"""Parallel autograde: row deltas, reports, and the same gradebook as sequential ``nbgrader autograde``."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from medialit.cli.main import build_parser
from medialit.grading._parallel_compare import gradebook_records
from medialit.grading._parallel_delta import (GradebookMergeError, RowChange, TableInfo, apply_delta,
                                              changes_from_rows, copy_database, delta_between)
from medialit.grading.parallel import (AutogradeError, AutogradeReport, SubmissionResult, format_report,
                                       nbgrader_argv, sqlite_path)

BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # nbgrader runs alembic

# The source notebook: an autograded answer, two grade cells (one printing partial credit) and a
# manually graded written answer. The exercise counts attributed claims, as medialit's tasks do.
ANSWER = ("def count_attributed(claims):\n    ### BEGIN SOLUTION\n"
          "    return sum(1 for c in claims if c.get('source'))\n    ### END SOLUTION")
PARTIAL = ("checks = [count_attributed([]) == 0,\n"
           "          count_attributed([{'source': 'Konashenkov'}]) == 1,\n"
           "          count_attributed([{'source': None}, {'source': 'MSF'}]) == 1]\n"
           "sum(checks)")
FULL = "assert count_attributed([{'source': 'TASS'}] * 3) == 3"
ANSWERS = {  # student -> (answer body, written answer or None); erin's file is not JSON
    "alice": ("    return sum(1 for c in claims if c.get('source'))", "Konashenkov is the only named source."),
    "bob": ("    return len(claims)", None),
    "carol": ("    raise ValueError('not done')", "I did not finish."),
    "dave": ("    return sum(bool(c.get('source')) for c in claims)", "The ministry denies it."),
    "erin": None,
    "frank": ("    return 1 if claims else 0", None),
}
LATE = {"dave"}


def _cell(kind: str, source: str, **nbgrader):
    import nbformat

    cell = nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False,
                                 **nbgrader}
    return cell


def _run(*argv, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """An nbgrader course with assignment ps1 generated and six submissions (one late, one broken)."""
    import nbformat
    from nbgrader.api import Gradebook

    root = tmp_path_factory.mktemp("course")
    (root / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'medialit-test'\n"
        "c.LateSubmissionPlugin.penalty_method = 'zero'\n")
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Who says what"),
                _cell("code", ANSWER, solution=True, grade_id="answer"),
                _cell("code", PARTIAL, grade=True, locked=True, grade_id="partial", points=3),
                _cell("code", FULL, grade=True, locked=True, grade_id="full", points=1),
                _cell("markdown", "Who is the source of the denial?\n\nYOUR ANSWER HERE", grade=True,
                      solution=True, grade_id="written", points=2)]
    (root / "source" / "ps1").mkdir(parents=True)
    nbformat.write(nb, root / "source" / "ps1" / "ps1.ipynb")
    done = _run(str(BIN / "nbgrader"), "generate_assignment", "ps1", cwd=root)
    assert done.returncode == 0, done.stderr
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "medialit-test") as gb:
        gb.update_or_create_assignment("ps1", duedate="2016-05-04 12:00:00")
    released = nbformat.read(root / "release" / "ps1" / "ps1.ipynb", as_version=4)
    for student, answer in ANSWERS.items():
        folder = root / "submitted" / student / "ps1"
        folder.mkdir(parents=True)
        stamp = "2016-05-05 09:00:00.000000 UTC" if student in LATE else "2016-05-04 10:00:00.000000 UTC"
        (folder / "timestamp.txt").write_text(stamp)
        if answer is None:
            (folder / "ps1.ipynb").write_text("{not a notebook")
            continue
        submitted = nbformat.from_dict(released)
        for cell in submitted.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id == "answer":
                cell.source = "def count_attributed(claims):\n" + answer[0]
            elif grade_id == "written" and answer[1]:
                cell.source = answer[1]
        nbformat.write(submitted, folder / "ps1.ipynb")
    return root


@pytest.fixture(scope="module")
def graded(course, tmp_path_factory) -> dict:
    """The course graded twice: by sequential nbgrader and by medialit autograde --jobs 2."""
    base = tmp_path_factory.mktemp("graded")
    seq, par = shutil.copytree(course, base / "sequential"), shutil.copytree(course, base / "parallel")
    sequential = _run(str(BIN / "nbgrader"), "autograde", "ps1", cwd=seq)
    parallel = _run(sys.executable, "-m", "medialit.cli.main", "autograde", "ps1", "--jobs", "2",
                    "--course-dir", str(par))
    return {"seq": seq, "par": par, "sequential": sequential, "parallel": parallel}


def _autograded_files(root: Path) -> dict[str, object]:
    files = {}
    for path in sorted((root / "autograded").rglob("*")):
        if path.is_dir():
            continue
        name = str(path.relative_to(root))
        if path.suffix == ".ipynb":
            nb = json.loads(path.read_text())
            for cell in nb["cells"]:
                cell["metadata"].pop("execution", None)  # kernel timestamps differ between any two runs
            files[name] = (oct(path.stat().st_mode), nb)
        else:
            files[name] = (oct(path.stat().st_mode), path.read_text())
    return files


def _row_order(db: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            "student": conn.execute("SELECT id FROM student ORDER BY rowid").fetchall(),
            "submission": conn.execute("SELECT student_id FROM submitted_assignment ORDER BY rowid").fetchall(),
            "grade": conn.execute("SELECT a.student_id, c.name FROM grade g JOIN base_cell c ON c.id = g.cell_id "
                                  "JOIN submitted_notebook n ON n.id = g.notebook_id "
                                  "JOIN submitted_assignment a ON a.id = n.assignment_id ORDER BY g.rowid").fetchall(),
        }


def _totals(db: Path) -> dict[str, tuple]:
    return {row[1]: row[2:] for row in gradebook_records(db)["totals"]}


class TestRowChanges:
    def test_classifies_inserts_updates_deletes(self):
        """Rows only after are inserts, only before are deletes, and updates keep only changed columns."""
        table = TableInfo("grade", ("id", "auto_score", "manual_score"), ("id",))
        changes = changes_from_rows(table, removed=[("a", 1.0, None), ("c", 0.0, None)],
                                    added=[("a", 2.0, None), ("b", 1.0, 3.0)])
        assert changes == [
            RowChange("grade", (("id", "a"),), {"auto_score": 1.0}, {"auto_score": 2.0}),
            RowChange("grade", (("id", "b"),), None, {"id": "b", "auto_score": 1.0, "manual_score": 3.0}),
            RowChange("grade", (("id", "c"),), {"id": "c", "auto_score": 0.0, "manual_score": None}, None)]
        assert [c.kind for c in changes] == ["update", "insert", "delete"]

    def test_delta_replays_onto_another_copy(self, tmp_path):
        """Replaying the delta between two copies on a third copy makes it equal to the newer one."""
        before, after, real = tmp_path / "before.db", tmp_path / "after.db", tmp_path / "real.db"
        with closing(sqlite3.connect(before)) as conn, conn:
            conn.execute("CREATE TABLE student (id TEXT PRIMARY KEY, email TEXT)")
            conn.execute("CREATE TABLE grade (id TEXT PRIMARY KEY, student_id TEXT, auto_score REAL, "
                         "manual_score REAL)")
            conn.executemany("INSERT INTO grade VALUES (?, ?, ?, ?)",
                             [("g1", "s1", None, 2.0), ("g2", "s1", 1.0, None)])
        copy_database(before, after)
        copy_database(before, real)
        with closing(sqlite3.connect(after)) as conn, conn:
            conn.execute("INSERT INTO student VALUES ('s2', NULL)")
            conn.execute("UPDATE grade SET auto_score = 0.5 WHERE id = 'g1'")
            conn.execute("DELETE FROM grade WHERE id = 'g2'")
        with closing(sqlite3.connect(real, isolation_level=None)) as conn:
            conn.execute("UPDATE grade SET manual_score = 4.0 WHERE id = 'g1'")  # a grader, meanwhile
            apply_delta(conn, delta_between(before, after), "ps1/s2", {})
            assert conn.execute("SELECT * FROM grade").fetchall() == [("g1", "s1", 0.5, 4.0)]
            assert conn.execute("SELECT * FROM student").fetchall() == [("s2", None)]

    def test_equal_inserts_from_two_submissions_merge(self, tmp_path):
        """Two submissions creating the same row with the same values (nbgrader's default_course) merge once."""
        db = tmp_path / "real.db"
        with closing(sqlite3.connect(db, isolation_level=None)) as conn:
            conn.execute("CREATE TABLE course (id TEXT PRIMARY KEY)")
            claims: dict = {}
            insert = RowChange("course", (("id", "default_course"),), None, {"id": "default_course"})
            apply_delta(conn, [insert], "ps1/s1", claims)
            apply_delta(conn, [insert], "ps1/s2", claims)
            assert conn.execute("SELECT * FROM course").fetchall() == [("default_course",)]

    def test_conflicting_writes_stop_the_merge(self, tmp_path):
        """Two submissions writing different values to one column raise GradebookMergeError."""
        db = tmp_path / "real.db"
        with closing(sqlite3.connect(db, isolation_level=None)) as conn:
            conn.execute("CREATE TABLE grade (id TEXT PRIMARY KEY, auto_score REAL)")
            conn.execute("INSERT INTO grade VALUES ('g1', NULL)")
            claims: dict = {}
            apply_delta(conn, [RowChange("grade", (("id", "g1"),), {"auto_score": None}, {"auto_score": 1.0})],
                        "ps1/s1", claims)
            with pytest.raises(GradebookMergeError, match="ps1/s2 wrote 2.0 but ps1/s1 wrote 1.0"):
                apply_delta(conn, [RowChange("grade", (("id", "g1"),), {"auto_score": None}, {"auto_score": 2.0})],
                            "ps1/s2", claims)


class TestHelpers:
    def test_sqlite_path_rejects_other_databases(self):
        """Only sqlite:/// gradebook files can be copied per worker."""
        assert sqlite_path("sqlite:////course/gradebook.db") == Path("/course/gradebook.db")
        with pytest.raises(AutogradeError, match="plain `nbgrader autograde`"):
            sqlite_path("postgresql://grader@db/gradebook")

    def test_nbgrader_argv(self, tmp_path):
        """The CLI options become the nbgrader arguments every worker's app is built from."""
        assert nbgrader_argv("ps1") == ["--assignment", "ps1"]
        assert nbgrader_argv("ps1", tmp_path, force=True) == [
            "--assignment", "ps1", "--course-dir", str(tmp_path), "--force"]

    def test_report_lists_failures_like_nbgrader(self):
        """The report prints failed submissions' errors, nbgrader's per-student line and a summary."""
        results = [SubmissionResult("ps1", "alice", "graded"),
                   SubmissionResult("ps1", "erin", "failed", errors=("Traceback\nNotJSONError",))]
        report = AutogradeReport("ps1", 2, results, seconds=3.0)
        text = format_report(report)
        assert "    NotJSONError" in text and not report.ok
        assert "There was an error processing assignment 'ps1' for student 'erin'" in text
        assert text.endswith("1 graded, 0 skipped, 1 failed of 2 submissions in 3.0 s with 2 worker(s).")

    def test_skip_iri_grammar_keeps_notebook_validation(self):
        """After skip_iri_grammar, nbformat still validates (and rejects) notebooks, without rfc3987_syntax."""
        code = ("import sys\n"
                "from medialit.grading.parallel import skip_iri_grammar\n"
                "assert skip_iri_grammar()\n"
                "import nbformat, nbgrader.apps.autogradeapp\n"
                "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
                "nbformat.validate(nb)\n"
                "nb.cells[0]['outputs'] = 'not a list'\n"
                "try:\n    nbformat.validate(nb)\nexcept nbformat.ValidationError:\n    pass\n"
                "else:\n    raise SystemExit('invalid notebook accepted')\n"
                "assert sys.modules['rfc3987_syntax'] is None and not skip_iri_grammar()\n")
        done = _run(sys.executable, "-c", code)
        assert done.returncode == 0, done.stderr

    def test_cli_help_has_examples(self):
        """`medialit autograde --help` shows real commands."""
        sub = next(a for a in build_parser()._actions if a.dest == "command").choices["autograde"]
        assert "medialit autograde 04-capstone --jobs 2 --course-dir course" in sub.format_help()


@pytest.mark.slow
class TestSameAsNbgrader:
    def test_exit_codes_and_failure_report(self, graded):
        """Both runs exit 1 because erin's notebook is broken, and both name her."""
        assert graded["sequential"].returncode == 1 and graded["parallel"].returncode == 1
        line = "There was an error processing assignment 'ps1' for student 'erin'"
        assert line in graded["sequential"].stderr and line in graded["parallel"].stderr
        assert "5 graded, 0 skipped, 1 failed of 6 submissions" in graded["parallel"].stderr

    def test_same_gradebook(self, graded):
        """Students, submissions, timestamps, per-cell scores, comments, late penalties and totals match."""
        seq, par = gradebook_records(graded["seq"] / "gradebook.db"), gradebook_records(graded["par"] / "gradebook.db")
        for table in seq:
            assert par[table] == seq[table], table
        totals = _totals(graded["par"] / "gradebook.db")
        assert totals["alice"][:2] == (4.0, 6.0) and totals["carol"][0] == 0.0
        assert totals["bob"][0] == 3.0  # partial credit 2 of 3 printed by the grade cell, 1 for the assert
        assert totals["dave"][5] == 75600.0 and totals["dave"][6] == totals["dave"][0] > 0  # late: penalty = score
        assert totals["erin"][0] == 0.0  # failed, but nbgrader kept the submission it created
        assert ("ps1", "bob", "ps1", "written", "No response.", None) in seq["comments"]

    def test_same_row_order(self, graded):
        """The merged gradebook has its rows in sequential nbgrader's order, so unordered queries agree too."""
        assert _row_order(graded["par"] / "gradebook.db") == _row_order(graded["seq"] / "gradebook.db")

    def test_gradebook_integrity(self, graded):
        """The merged SQLite gradebook passes PRAGMA integrity_check."""
        with closing(sqlite3.connect(graded["par"] / "gradebook.db")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    def test_same_autograded_files(self, graded):
        """autograded/ holds the same files, modes and notebooks (kernel timestamps aside); erin's is removed."""
        files = _autograded_files(graded["par"])
        assert files == _autograded_files(graded["seq"])
        assert "autograded/alice/ps1/ps1.ipynb" in files and not any("erin/ps1" in name for name in files)

    def test_rerun_skips_then_force_keeps_manual_scores(self, graded):
        """A rerun skips graded work; --force on one student regrades it and keeps a manual score, as nbgrader does."""
        again = _run(sys.executable, "-m", "medialit.cli.main", "autograde", "ps1", "--course-dir", str(graded["par"]),
                     "--student", "alice", "bob")
        assert again.returncode == 0 and "0 graded, 2 skipped" in again.stderr
        for root in (graded["seq"], graded["par"]):
            with closing(sqlite3.connect(root / "gradebook.db")) as conn, conn:
                conn.execute("UPDATE grade SET manual_score = 1.5 WHERE id IN (SELECT g.id FROM grade g "
                             "JOIN base_cell c ON c.id = g.cell_id JOIN submitted_notebook n ON n.id = g.notebook_id "
                             "JOIN submitted_assignment a ON a.id = n.assignment_id "
                             "WHERE c.name = 'partial' AND a.student_id = 'bob')")
        sequential = _run(str(BIN / "nbgrader"), "autograde", "ps1", "--student", "bob", "--force", cwd=graded["seq"])
        parallel = _run(sys.executable, "-m", "medialit.cli.main", "autograde", "ps1", "--jobs", "2", "--force",
                        "--course-dir", str(graded["par"]), "--student", "bob")
        assert sequential.returncode == parallel.returncode == 0
        seq, par = gradebook_records(graded["seq"] / "gradebook.db"), gradebook_records(graded["par"] / "gradebook.db")
        assert par == seq
        assert ("ps1", "bob", "ps1", "partial", 2.0, 1.5, None, 1) in par["grades"]  # manual score kept, flagged
