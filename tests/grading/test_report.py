"""Item analysis: a class's answers files and the keys in, hit rates, wrong answers, summaries and plots out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medialit.cli.main import main
from medialit.grading import report

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "bridge-closure-report"
# The bridge key by hand: 3 unattributed (p1s1, p2s1, p4s2) and 20 attributed sentences, 23 key points.
PERFECT = ([("p1s1", None), ("p2s1", None), ("p4s2", None)]
           + [(sid, "Priya Hallam") for sid in ("p3s1", "p6s1", "p6s2", "p6s3", "p7s1", "p7s2")]
           + [(sid, "Tomas Reyne") for sid in ("p8s1", "p9s1", "p9s2", "p10s1")]
           + [(sid, "Gwen Abara") for sid in ("p14s1", "p14s2", "p15s1")]
           + [(sid, "Orrisford City Council") for sid in ("p16s1", "p16s2", "p17s2")]
           + [("p4s1", "officials"), ("p11s1", "the council’s maintenance records"), ("p13s1", "shopkeepers"),
              ("p17s1", "many residents")])


def _answer(sid, source):
    label = "unattributed" if source is None else "attribution"
    return {"article": ARTICLE, "sid": sid, "text": "", "label": label, "source": source}


@pytest.fixture
def course(tmp_path) -> Path:
    """A course with the committed lessons and keys and three submissions of 01-who-says (no gradebook)."""
    course = tmp_path / "course"
    for part in ("lessons", "keys"):
        shutil.copytree(REPO / "course" / part, course / part)
    shutil.copy2(REPO / "course" / "nbgrader_config.py", course)
    submissions = {
        "s1": [_answer(s, n) for s, n in PERFECT],  # 23 of 23 -> 10 points
        # p1s1 right (1), p3s1 wrong source (0.5), p5s2 not in the key (-0.5): 1 of 23 -> 0.43
        "s2": [_answer("p1s1", None), _answer("p3s1", "the newspaper"), _answer("p5s2", "someone")],
        "s3": None,  # no answers file
    }
    for student, answers in submissions.items():
        folder = course / "submitted" / student / "01-who-says"
        folder.mkdir(parents=True)
        if answers is not None:
            (folder / "answers").mkdir()
            (folder / "answers" / "01-who-says.json").write_text(json.dumps(
                {"schema": "medialit.answers/1", "exercise": "01-who-says", "task": "attribution",
                 "articles": [ARTICLE], "answers": answers, "conflicts": []}), encoding="utf-8")
    return course


class TestTables:
    def test_item_rows(self, course):
        """One row per student and scored item; an ungraded part is one row with its status."""
        rows = report.item_rows(course, "01-who-says")
        assert list(rows.columns) == report.ROW_COLUMNS
        assert (rows["student"] == "s1").sum() == 23
        assert rows[rows["student"] == "s3"][["status", "sid", "part_points"]].values.tolist() == [["missing", "", 0.0]]

    def test_hit_rates_by_hand(self, course):
        """p1s1: found by two of three; p3s1: one found, one partly, one missed."""
        table = report.hit_rates(report.item_rows(course, "01-who-says"))
        assert list(table.columns) == report.HIT_COLUMNS
        hits = table.set_index("sid")
        assert hits.loc["p1s1", ["found", "partly", "missed", "students"]].tolist() == [2, 0, 1, 3]
        assert hits.loc["p1s1", "hit_rate"] == 0.667
        assert hits.loc["p3s1", ["found", "partly", "missed"]].tolist() == [1, 1, 1]
        assert hits.loc["p3s1", "mean_points"] == 0.5
        assert len(hits) == 23 and hits["hit_rate"].is_monotonic_increasing

    def test_wrong_answers(self, course):
        """Wrong sources and extra tags are counted; right answers are not."""
        wrong = report.wrong_answers(report.item_rows(course, "01-who-says"))
        assert sorted(wrong[["sid", "outcome", "given", "students"]].values.tolist()) == [
            ["p3s1", "wrong_source", "attribution: the newspaper", 1], ["p5s2", "extra", "attribution: someone", 1]]

    def test_student_summary(self, course):
        """Points and status per part, and the autograded total, one row per student."""
        summary = report.student_summary(report.item_rows(course, "01-who-says")).set_index("student")
        assert summary["autograded"].to_dict() == {"s1": 10.0, "s2": 0.43, "s3": 0.0}
        assert summary["01-who-says status"].to_dict() == {"s1": "graded", "s2": "graded", "s3": "missing"}
        assert summary["autograded_max"].tolist() == [10.0, 10.0, 10.0]

    def test_no_gradebook(self, course):
        """Without a gradebook the gradebook columns are simply empty."""
        assert report.gradebook_scores(course, "01-who-says").empty


class TestWriteReport:
    def test_files(self, course):
        """write_report writes four tables and three plots under reports/<assignment>/."""
        written = report.write_report(course, "01-who-says")
        assert sorted(p.name for p in written) == ["hit_rates.csv", "hit_rates.png", "items.csv", "scores.png",
                                                   "students.csv", "wrong_answers.csv", "wrong_answers.png"]
        assert all(p.parent == course / "reports" / "01-who-says" and p.stat().st_size > 0 for p in written)
        assert (course / "reports" / "01-who-says" / "scores.png").read_bytes()[:4] == b"\x89PNG"

    def test_no_submissions(self, course):
        """An assignment nobody has handed in is an error that says to collect first."""
        with pytest.raises(FileNotFoundError, match="nbgrader collect 02-can-we-check"):
            report.write_report(course, "02-can-we-check")

    def test_cli(self, course, tmp_path, capsys):
        """`medialit report` writes to --out and lists the files; an unknown assignment exits 1."""
        assert main(["report", "01-who-says", "--course-dir", str(course), "--out", str(tmp_path / "out")]) == 0
        assert "wrote" in capsys.readouterr().out and (tmp_path / "out" / "students.csv").is_file()
        assert main(["report", "99-nope", "--course-dir", str(course)]) == 1

    def test_cli_finds_course(self, course, monkeypatch):
        """Run from the repository (or from course/), the course folder is found without --course-dir."""
        monkeypatch.chdir(course.parent)
        assert report.find_course_dir() == Path("course")
        monkeypatch.chdir(course)
        assert report.find_course_dir() == Path(".")
        monkeypatch.chdir(course / "keys")
        with pytest.raises(FileNotFoundError, match="no nbgrader_config.py"):
            report.find_course_dir()
