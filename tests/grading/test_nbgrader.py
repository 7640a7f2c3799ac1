"""nbgrader glue: a sidecar and a key in, a grade cell's points and feedback out, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from medialit.grading.latepenalty import PercentPerDayLate, penalty_per_started_day
from medialit.grading.nbgrader import (
    feedback_lines,
    grade_sidecar,
    key_for_grading,
    points_for_sidecar,
    read_sidecar,
    scaled_points,
)
from tests.conftest import EXCERPT_KEY

REPO = Path(__file__).resolve().parents[2]


def _sidecar(tmp_path: Path, answers=(), conflicts=(), task="attribution", name="who-says") -> Path:
    path = tmp_path / "answers" / f"{name}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({"schema": "medialit.answers/1", "exercise": name, "task": task,
                                "articles": ["excerpt"], "answers": list(answers), "conflicts": list(conflicts)}),
                    encoding="utf-8")
    return path


def _tag(sid, label="attribution", source=None, reason=None):
    return {"article": "excerpt", "sid": sid, "text": "", "label": label, "source": source, "reason": reason}


# The excerpt key (tests/conftest.py) by hand: attribution task = p1s1 unattributed, p2s2 and p4s1
# attributed to Igor Konashenkov (aliases Konashenkov, the spokesman, he): 3 key points.
PERFECT = [_tag("p1s1", "unattributed"), _tag("p2s2", source="Konashenkov"), _tag("p4s1", source="he")]
# p1s1 right (1), p2s2 wrong source (0.5), p6s1 not in the key (-0.5): 1 of 3 key points.
PARTIAL = [_tag("p1s1", "unattributed"), _tag("p2s2", source="Doctors Without Borders"),
           _tag("p6s1", source="Konashenkov")]


class TestReadSidecar:
    def test_missing(self, tmp_path):
        """A missing file is 'missing' and says to hand in the answers folder."""
        data, status, message = read_sidecar(tmp_path / "answers" / "x.json", "attribution")
        assert (data, status) == (None, "missing") and "hand in the answers/ folder" in message

    def test_damaged_backup(self, tmp_path):
        """A file the widget moved aside as damaged is reported as malformed, naming the backup."""
        (tmp_path / "answers").mkdir()
        (tmp_path / "answers" / "x.damaged-20300101-000000.json").write_text("{", encoding="utf-8")
        _, status, message = read_sidecar(tmp_path / "answers" / "x.json", "attribution")
        assert status == "malformed" and "x.damaged-20300101-000000.json" in message

    def test_empty(self, tmp_path):
        """An empty file is 'empty'."""
        (tmp_path / "x.json").write_text("  \n", encoding="utf-8")
        assert read_sidecar(tmp_path / "x.json", "attribution")[1] == "empty"

    @pytest.mark.parametrize("text", ['{"schema": "medialit.answers/1", "answers": [', '{"schema": "other/1"}', "[]"])
    def test_malformed(self, tmp_path, text):
        """Broken JSON or a file outside the answers schema is 'malformed', with the reason."""
        (tmp_path / "x.json").write_text(text, encoding="utf-8")
        data, status, message = read_sidecar(tmp_path / "x.json", "attribution")
        assert (data, status) == (None, "malformed") and "could not be graded" in message

    def test_wrong_task(self, library, tmp_path):
        """Answers of another task are 'wrong_task'."""
        path = _sidecar(tmp_path, task="unverifiable")
        assert read_sidecar(path, "attribution")[1] == "wrong_task"

    def test_good(self, library, tmp_path):
        """A valid file of the right task is read."""
        data, status, _ = read_sidecar(_sidecar(tmp_path, PERFECT), "attribution")
        assert status == "graded" and len(data["answers"]) == 3


class TestGradeSidecar:
    def test_perfect(self, library, tmp_path):
        """Every keyed item right, sources given by alias and pronoun: full points."""
        grade = grade_sidecar(_sidecar(tmp_path, PERFECT), EXCERPT_KEY, "attribution", 5)
        assert (grade.status, grade.points, grade.max_points) == ("graded", 5.0, 5.0)

    def test_partial_by_hand(self, library, tmp_path):
        """1 of 3 key points scales to 5/3 = 1.67 of 5."""
        grade = grade_sidecar(_sidecar(tmp_path, PARTIAL), EXCERPT_KEY, "attribution", 5)
        assert grade.points == 1.67 and grade.result.score == 1.0

    def test_conflicts(self, library, tmp_path):
        """The one keyed conflict found (p2s2 with p3s1) earns all the points."""
        claims = [{"article": "excerpt", "sid": "p2s2", "text": ""}, {"article": "excerpt", "sid": "p3s1", "text": ""}]
        path = _sidecar(tmp_path, conflicts=[{"topic": "strike", "claims": claims}], task="conflicts")
        assert grade_sidecar(path, EXCERPT_KEY, "conflicts", 2).points == 2.0

    @pytest.mark.parametrize("key", ["article: no-such-article\n", "items: [\n", "no-such-id"])
    def test_broken_key(self, library, tmp_path, key):
        """A key that cannot be read gives 0 and says it is not the student's fault."""
        grade = grade_sidecar(_sidecar(tmp_path, PERFECT), key, "attribution", 5)
        assert (grade.status, grade.points) == ("key_error", 0.0) and "not your fault" in grade.message

    def test_unknown_task(self, library, tmp_path):
        """An unknown task gives 0 instead of raising."""
        assert grade_sidecar(_sidecar(tmp_path, PERFECT), EXCERPT_KEY, "spelling", 5).status == "key_error"

    def test_key_as_object_or_path(self, library, tmp_path):
        """The key may be YAML text, a Key, a key file or an article id."""
        key = key_for_grading(EXCERPT_KEY)
        path = _sidecar(tmp_path, PERFECT)
        for given in (key, library / "keys" / "excerpt.yaml", "excerpt"):
            assert grade_sidecar(path, given, "attribution", 5).points == 5.0


class TestPointsForSidecar:
    def test_prints_feedback_and_returns_points(self, library, tmp_path, capsys):
        """The grade cell prints per-item feedback with explanations and returns the points."""
        assert points_for_sidecar(_sidecar(tmp_path, PARTIAL), EXCERPT_KEY, "attribution", 5) == 1.67
        out, err = capsys.readouterr()
        assert err == ""
        assert "Who says? excerpt: 1.67 of 5 points (1 of 3 key points)." in out
        assert "~ p2s2  wrong source  (0.5 of 1)  you: attribution: Doctors Without Borders" in out
        assert "- p4s1  missed  (0 of 1)  key: attribution: Igor Konashenkov" in out
        assert '"He" is Konashenkov, named earlier.' in out
        assert "x p6s1  not in the key  (-0.5 of 0)" in out
        assert '"This is irrefutable evidence and nobody denies it," he said.' in out

    @pytest.mark.parametrize("kind", ["missing", "directory", "binary"])
    def test_never_raises(self, library, tmp_path, capsys, kind):
        """Odd files give 0 points and a line of explanation, never an exception or stderr."""
        path = tmp_path / "answers" / "x.json"
        path.parent.mkdir()
        if kind == "directory":
            path.mkdir()
        elif kind == "binary":
            path.write_bytes(b"\xff\xfe\x00garbage")
        assert points_for_sidecar(path, EXCERPT_KEY, "attribution", 5) == 0.0
        out, err = capsys.readouterr()
        assert err == "" and "0 of 5 points" in out

    def test_feedback_lines_without_result(self):
        """Without a result the feedback is the score line and the reason."""
        from medialit.grading.nbgrader import SidecarGrade

        lines = feedback_lines(SidecarGrade(0.0, 5.0, "missing", "No answers file."), "attribution")
        assert lines == ["Who says?: 0 of 5 points.", "No answers file."]


class TestScaledPoints:
    @pytest.mark.parametrize(("score", "top", "points", "expected"),
                             [(23, 23, 10, 10.0), (8.5, 23, 10, 3.7), (0, 23, 10, 0.0), (0, 0, 10, 10.0),
                              (-1, 4, 10, 0.0), (1, 3, 5, 1.67)])
    def test_values(self, score, top, points, expected):
        """Key points scale to the cell's points, rounded to 2 decimals, between 0 and the maximum."""
        assert scaled_points(score, top, points) == expected


class TestEmbeddedKeys:
    """The keys embedded in the committed source notebooks' hidden cells grade like course/keys."""

    @staticmethod
    def _hidden_cells():
        for path in sorted((REPO / "course" / "source").glob("*/*.ipynb")):
            for cell in nbformat.read(path, 4).cells:
                if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
                    yield path.parent.name, cell

    def test_every_hidden_cell_runs_quietly_on_a_missing_file(self, tmp_path, monkeypatch, capsys):
        """Each hidden grade cell, run with no answers file, gives 0 and a clear line."""
        monkeypatch.chdir(tmp_path)
        cells = list(self._hidden_cells())
        assert len(cells) == 6
        for assignment, cell in cells:
            namespace: dict = {}
            body = cell.source.splitlines()
            *setup, call = body[body.index("### BEGIN HIDDEN TESTS") + 1: body.index("### END HIDDEN TESTS")]
            exec("\n".join(setup), namespace)  # noqa: S102 - the course's own generated code
            assert eval(call, namespace) == 0.0, assignment  # noqa: S307
            assert key_for_grading(namespace["KEY"]).article_id
        out, err = capsys.readouterr()
        assert err == "" and out.count("No answers file") == 6

    def test_capstone_conflicts_partial(self, tmp_path):
        """One of the capstone's seven keyed conflicts found: 10/7 = 1.43 points."""
        cell = next(c for a, c in self._hidden_cells() if a == "04-capstone" and 'task="conflicts"' in c.source)
        namespace: dict = {}
        body = cell.source.splitlines()
        exec("\n".join(body[body.index("### BEGIN HIDDEN TESTS") + 1: -2]), namespace)  # noqa: S102
        path = tmp_path / "c.json"
        claims = [{"article": "port-strike-capstone", "sid": s, "text": ""} for s in ("p4s1", "p4s2")]
        path.write_text(json.dumps({"schema": "medialit.answers/1", "exercise": "c", "task": "conflicts",
                                    "conflicts": [{"topic": "strikers", "claims": claims}]}), encoding="utf-8")
        assert grade_sidecar(path, namespace["KEY"], "conflicts", 10).points == 1.43


class TestLatePenalty:
    @pytest.mark.parametrize(("seconds", "expected"), [(0, 0.0), (1, 1.0), (86400, 1.0), (86401, 2.0),
                                                       (36 * 3600, 2.0), (30 * 86400, 10.0)])
    def test_per_started_day(self, seconds, expected):
        """10% of a 10-point score per started day late, never more than the score."""
        assert penalty_per_started_day(10.0, seconds, 10.0) == expected

    def test_plugin_reads_config(self):
        """The nbgrader plugin takes its rate from config."""
        from traitlets.config import Config

        config = Config()
        config.PercentPerDayLate.percent_per_day = 25.0
        plugin = PercentPerDayLate(config=config)
        assert plugin.late_submission_penalty("ada", 8.0, 90000) == 4.0
