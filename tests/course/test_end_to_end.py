"""End to end on 01-who-says: release, a class of eight hands in, nbgrader grades, gives feedback, reports.

Expected scores are worked out by hand below from course/keys/bridge-closure-report.yaml and the
scoring rule of medialit.grading.match (right source 1, wrong source 0.5, attribution tagged as
unattributed 0.25, optional item 0, tag the key does not have -0.5). The grade cell is worth 10
points: points = round(10 * key points / 23, 2). The written answer (3 points) is graded by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import os
import re
import shutil
import sys
import textwrap
import warnings
from pathlib import Path

import nbformat
import pytest

from .conftest import copy_course, execute, nbgrader, run

pytestmark = pytest.mark.slow

ASSIGNMENT, NOTEBOOK, ARTICLE = "01-who-says", "who-says.ipynb", "bridge-closure-report"
SIDECAR = "answers/01-who-says.json"

# The bridge article by hand (28 sentences). Keyed, not optional: 3 unattributed and 20 attribution
# items, 23 key points in all.
UNATTRIBUTED = ["p1s1", "p2s1", "p4s2"]
SOURCES = {"p3s1": "Priya Hallam", "p4s1": "officials", "p6s1": "Priya Hallam", "p6s2": "Priya Hallam",
           "p6s3": "Priya Hallam", "p7s1": "Priya Hallam", "p7s2": "Priya Hallam", "p8s1": "Tomas Reyne",
           "p9s1": "the mayor", "p9s2": "Tomas Reyne", "p10s1": "Tomas Reyne",
           "p11s1": "the council’s maintenance records", "p13s1": "shopkeepers", "p14s1": "Gwen Abara",
           "p14s2": "Gwen Abara", "p15s1": "Gwen Abara", "p16s1": "Orrisford City Council",
           "p16s2": "Orrisford City Council", "p17s1": "many residents", "p17s2": "Orrisford City Council"}
OPTIONAL = ["p5s1", "p11s2", "p12s1", "p18s1"]  # keyed unattributed but acceptable: never scored
UNKEYED = ["p5s2"]  # a scene detail: no attribution-task item at all
ALL_SENTENCES = sorted([*UNATTRIBUTED, *SOURCES, *OPTIONAL, *UNKEYED], key=lambda s: [int(x) for x in s[1:].split("s")])

# student -> (grade cell points, what they hand in). Key points in the comments.
EXPECTED = {
    "ada": 10.0,   # every keyed item right: 23 of 23
    "ben": 0.0,    # an answers file with no answers: 0 of 23
    "dev": 4.35,   # every attribution sentence with a wrong source: 20 * 0.5 = 10 -> 4.3478
    "eve": 3.26,   # every sentence tagged unattributed: 3 + 20 * 0.25 + 4 optional * 0 - 0.5 (p5s2) = 7.5 -> 3.2609
    "fay": 0.0,    # malformed answers file
    "gus": 0.0,    # no answers file
    "hal": 10.0,   # perfect, but 1.5 days late: penalty 10% per started day * 2 days of 10 points = 2.0
}
# The student who goes through the exchange (the user running the test) tags with the widget:
# 3 unattributed + 6 of the engineer's sentences (one by her role, "the engineer") right, and
# p5s2 ("someone"), which the key leaves alone: 9 - 0.5 = 8.5 of 23 -> 3.6956.
EXCHANGE_POINTS = 3.7
HALLAM = ["p3s1", "p6s1", "p6s2", "p6s3", "p7s1", "p7s2"]
WRITTEN = "Bridge must stay shut for a year, engineer says. The headline hides that this is one estimate."


def _answers(task: str = "attribution", answers: list[dict] | None = None) -> dict:
    return {"schema": "medialit.answers/1", "exercise": "01-who-says", "task": task, "articles": [ARTICLE],
            "updated": "2030-01-01T00:00:00+00:00", "answers": answers or [], "conflicts": []}


def _tag(sid: str, label: str = "attribution", source: str | None = None, reason: str | None = None) -> dict:
    return {"article": ARTICLE, "sid": sid, "text": "", "label": label, "source": source, "reason": reason}


def _perfect() -> list[dict]:
    return ([_tag(s, "unattributed") for s in UNATTRIBUTED] + [_tag(s, source=n) for s, n in SOURCES.items()])


def _sidecars() -> dict[str, str | None]:
    """What each student hands in as answers/01-who-says.json (None: no file)."""
    return {
        "ada": json.dumps(_answers(answers=_perfect())),
        "ben": json.dumps(_answers()),
        "dev": json.dumps(_answers(answers=[_tag(s, source="the newspaper") for s in SOURCES])),
        "eve": json.dumps(_answers(answers=[_tag(s, "unattributed") for s in ALL_SENTENCES])),
        "fay": '{"schema": "medialit.answers/1", "exercise": "01-who-says", "answers": [',
        "gus": None,
        "hal": json.dumps(_answers(answers=_perfect())),
    }


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S.%f UTC")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Run the whole term on a copy of the course; return its paths and the exchange student's id."""
    tmp = tmp_path_factory.mktemp("e2e")
    course = copy_course(tmp)
    exchange = tmp / "exchange"
    env = {"MEDIALIT_EXCHANGE": str(exchange)}  # the course's config reads it
    due = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=30)
    # Instructor: a student, the due date, release.
    nbgrader(course, "db", "student", "add", "ada", "--first-name=Ada", "--last-name=Lovelace", env=env)
    nbgrader(course, "db", "assignment", "add", ASSIGNMENT, f"--duedate={_stamp(due)}", env=env)
    nbgrader(course, "generate_assignment", ASSIGNMENT, env=env)
    nbgrader(course, "release_assignment", ASSIGNMENT, env=env)
    # One student through the exchange: fetch, tag with the widget, submit.
    home = tmp / "student"
    home.mkdir()
    student_args = ["--course", "medialit", f"--Exchange.root={exchange}"]
    run([sys.executable, "-m", "nbgrader", "fetch_assignment", ASSIGNMENT, *student_args], home)
    run([sys.executable, "-c", textwrap.dedent(f"""\
        import medialit
        w = medialit.SpotAttribution({ARTICLE!r}, exercise="01-who-says", mode="assignment")
        for sid in {UNATTRIBUTED!r}:
            w.tag(sid, label="unattributed")
        for sid in {HALLAM[:-1]!r}:
            w.tag(sid, source="Priya Hallam")
        w.tag({HALLAM[-1]!r}, source="the engineer")
        w.tag("p5s2", source="someone")
        """)], home / ASSIGNMENT)
    run([sys.executable, "-m", "nbgrader", "submit", ASSIGNMENT, *student_args], home)
    nbgrader(course, "collect", ASSIGNMENT, env=env)
    # The rest of the class, written straight into submitted/ (what collect produces).
    released = course / "release" / ASSIGNMENT / NOTEBOOK
    for student, sidecar in _sidecars().items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nb = nbformat.read(released, as_version=4)
        if student == "ada":
            next(c for c in nb.cells if c.id == "written-headline").source = WRITTEN
        nbformat.write(nb, folder / NOTEBOOK)
        if sidecar is not None:
            (folder / "answers").mkdir()
            (folder / SIDECAR).write_text(sidecar, encoding="utf-8")
        when = due + dt.timedelta(hours=36) if student == "hal" else due - dt.timedelta(days=1)
        (folder / "timestamp.txt").write_text(_stamp(when), encoding="utf-8")
        (folder / "submission_secret.txt").write_text(f"secret-of-{student}", encoding="utf-8")  # made by submit
    # Grade, give feedback, export, report.
    nbgrader(course, "autograde", ASSIGNMENT, env=env)
    nbgrader(course, "generate_feedback", ASSIGNMENT, env=env)
    nbgrader(course, "release_feedback", ASSIGNMENT, env=env)
    run([sys.executable, "-m", "nbgrader", "fetch_feedback", ASSIGNMENT, *student_args], home)
    nbgrader(course, "export", env=env)
    run([str(Path(sys.executable).parent / "medialit"), "report", ASSIGNMENT], course.parent)
    exchange_student = next(p.name for p in (course / "submitted").iterdir() if p.name not in EXPECTED)
    return {"course": course, "exchange_student": exchange_student, "due": due, "home": home}


@pytest.fixture(scope="module")
def expected(graded) -> dict[str, float]:
    """Every student's expected grade-cell points, the exchange student included."""
    return {**EXPECTED, graded["exchange_student"]: EXCHANGE_POINTS}


def _gradebook(course: Path):
    warnings.simplefilter("ignore")
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{course / 'gradebook.db'}")


class TestGradebook:
    def test_every_student_graded_by_hand_values(self, graded, expected):
        """Each student's grade cell holds the points worked out by hand; totals add the unmarked written answer."""
        with _gradebook(graded["course"]) as gb:
            got = {}
            for student in expected:
                sub = gb.find_submission(ASSIGNMENT, student)
                grade = gb.find_grade("graded-1-score", "who-says", ASSIGNMENT, student)
                got[student] = grade.auto_score
                assert sub.max_score == 13.0
                assert sub.score == pytest.approx(expected[student])
        assert got == pytest.approx(expected)

    def test_late_flag_and_penalty(self, graded, expected):
        """Only the late student is late (36 hours), and loses 10% per started day: 2.0 of 10."""
        with _gradebook(graded["course"]) as gb:
            late = {s: gb.find_submission(ASSIGNMENT, s).total_seconds_late for s in expected}
            penalty = {s: gb.find_submission(ASSIGNMENT, s).late_submission_penalty for s in expected}
        assert late == {s: (36 * 3600.0 if s == "hal" else 0.0) for s in expected}
        assert penalty == {s: (2.0 if s == "hal" else 0.0) for s in expected}

    def test_written_answer_waits_for_hand_grading(self, graded):
        """A written answer needs a human; an untouched one scores 0 without one."""
        with _gradebook(graded["course"]) as gb:
            assert gb.find_submission(ASSIGNMENT, "ada").needs_manual_grade
            assert not gb.find_submission(ASSIGNMENT, "ben").needs_manual_grade
            assert gb.find_grade("written-headline", "who-says", ASSIGNMENT, "ben").score == 0

    def test_export_subtracts_penalty(self, graded):
        """nbgrader export lists the late student's score after the penalty."""
        with open(graded["course"] / "grades.csv", newline="", encoding="utf-8") as fh:
            rows = {r["student_id"]: r for r in csv.DictReader(fh)}
        assert float(rows["hal"]["raw_score"]) == 10.0
        assert float(rows["hal"]["late_submission_penalty"]) == 2.0
        assert float(rows["hal"]["score"]) == 8.0

    def test_collected_submission_has_answers(self, graded):
        """nbgrader collect brings the widget's answers file along with the notebook."""
        folder = graded["course"] / "submitted" / graded["exchange_student"] / ASSIGNMENT
        data = json.loads((folder / SIDECAR).read_text(encoding="utf-8"))
        assert [a["sid"] for a in data["answers"]] == ["p1s1", "p2s1", "p3s1", "p4s2", "p5s2", *HALLAM[1:]]


def _feedback(graded, student: str) -> str:
    path = graded["course"] / "feedback" / student / ASSIGNMENT / "who-says.html"
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


class TestFeedback:
    def test_score_shown(self, graded, expected):
        """Every student's feedback shows the grade cell's points out of 10."""
        for student, points in expected.items():
            shown = re.search(r"Grade cell: graded-1-score\s+Score: ([\d.]+) / 10\.0", _feedback(graded, student))
            assert shown and float(shown.group(1)) == pytest.approx(points), student

    def test_right_missed_and_why(self, graded):
        """Per sentence: what was right, what was missed and the key's explanation."""
        text = _feedback(graded, graded["exchange_student"])
        assert re.search(r"\+ p7s2  right  \(1 of 1\)  key: attribution: Priya Hallam", text)
        assert re.search(r"- p9s1  missed  \(0 of 1\)  key: attribution: Tomas Reyne", text)
        assert "Direct quote with the verb after it" in text  # p9s1's explanation in the key
        assert re.search(r"x p5s2  not in the key  \(-0.5 of 0\)  you: attribution: someone", text)
        dev = _feedback(graded, "dev")
        assert re.search(r"~ p3s1  wrong source  \(0.5 of 1\)  you: attribution: the newspaper"
                         r"  key: attribution: Priya Hallam", dev)

    def test_unreadable_answers_explained(self, graded):
        """Missing and malformed answers files each get a line saying why there are 0 points."""
        assert "No answers file answers/01-who-says.json was handed in" in _feedback(graded, "gus")
        assert "could not be read" in _feedback(graded, "fay")

    def test_student_fetches_feedback(self, graded):
        """After release_feedback the exchange student fetches their own feedback page."""
        pages = list((graded["home"] / ASSIGNMENT / "feedback").glob("*/who-says.html"))
        assert len(pages) == 1 and "Who says? bridge-closure-report: 3.7 of 10 points" in pages[0].read_text(
            encoding="utf-8")

    def test_no_grading_code_in_feedback(self, graded, expected):
        """The feedback never shows the hidden cell's code or its embedded key."""
        for student in expected:
            raw = (graded["course"] / "feedback" / student / ASSIGNMENT / "who-says.html").read_text(encoding="utf-8")
            assert "BEGIN HIDDEN TESTS" not in raw and "points_for_sidecar" not in raw and "KEY =" not in raw


class TestReport:
    def _csv(self, graded, name):
        with open(graded["course"] / "reports" / ASSIGNMENT / f"{name}.csv", newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    def test_files_written(self, graded):
        """medialit report writes the four tables and three plots."""
        names = {p.name for p in (graded["course"] / "reports" / ASSIGNMENT).iterdir()}
        assert names == {"items.csv", "hit_rates.csv", "wrong_answers.csv", "students.csv",
                         "scores.png", "hit_rates.png", "wrong_answers.png"}

    def test_student_summary(self, graded, expected):
        """The summary's autograded points and final scores match the gradebook's."""
        rows = {r["student"]: r for r in self._csv(graded, "students")}
        assert {s: float(r["autograded"]) for s, r in rows.items()} == pytest.approx(expected)
        assert float(rows["hal"]["final"]) == 8.0
        assert rows["gus"]["01-who-says status"] == "missing" and rows["fay"]["01-who-says status"] == "malformed"

    def test_hit_rates_by_hand(self, graded):
        """p1s1 was found by ada, eve, hal and the exchange student; p3s1 by three, partly by dev and eve."""
        rows = {r["sid"]: r for r in self._csv(graded, "hit_rates")}
        assert (rows["p1s1"]["found"], rows["p1s1"]["students"], float(rows["p1s1"]["hit_rate"])) == ("4", "8", 0.5)
        assert (rows["p3s1"]["found"], rows["p3s1"]["partly"], rows["p3s1"]["missed"]) == ("3", "2", "3")

    def test_wrong_sources(self, graded):
        """The wrong source dev gave for p3s1 is listed."""
        rows = self._csv(graded, "wrong_answers")
        assert {"part": ASSIGNMENT, "sid": "p3s1", "outcome": "wrong_source", "expected": "attribution: Priya Hallam",
                "given": "attribution: the newspaper", "students": "1"} in rows

    def test_instructor_notebook_runs(self, graded, tmp_path):
        """course/instructor/report.ipynb runs on the graded class without errors."""
        notebook = graded["course"] / "instructor" / "report.ipynb"
        nb = execute(notebook, notebook.parent)
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors
        assert "01-who-says: 8 students" in "".join(
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        shutil.rmtree(notebook.parent / "__pycache__", ignore_errors=True)
