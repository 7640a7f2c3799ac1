"""Building the course: lessons and keys in, course/source, exercises/ and solutions/ out."""

from __future__ import annotations

import filecmp
from pathlib import Path

import nbformat
import pytest

from medialit.course.lessons import LessonError, lesson_from_file, lessons_from_folder
from medialit.course.notebook import CourseBuildError, notebook_from_lesson

from .conftest import COURSE, REPO


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class TestCommittedFilesAreCurrent:
    @pytest.mark.parametrize("folder", ["exercises", "solutions"])
    def test_generated_notebooks_match_committed(self, built, folder):
        """Regenerating from the lessons gives exactly the committed exercises/ and solutions/."""
        fresh, committed = _tree(built[folder]), _tree(REPO / folder)
        assert sorted(fresh) == sorted(committed), f"{folder}/ lists other files: run `make notebooks`"
        stale = [name for name in fresh if fresh[name] != committed[name]]
        assert not stale, f"{folder}/ is out of date ({', '.join(stale)}): run `make notebooks`"

    def test_source_notebooks_match_committed(self, built):
        """The committed course/source is what the lessons and keys generate (run `make notebooks`)."""
        fresh, committed = _tree(built["course"] / "source"), _tree(COURSE / "source")
        assert fresh == committed, "course/source is out of date: run `make notebooks`"

    def test_no_answers_in_source(self):
        """No answers saved by running a source notebook sit in course/source (they would reach students)."""
        assert not list((COURSE / "source").glob("*/answers")), "delete course/source/*/answers (make notebooks does)"


class TestNotebookShape:
    def test_every_assignment_has_its_notebook(self, built):
        """Each lesson becomes one notebook per stage, named after the lesson."""
        for lesson in lessons_from_folder(COURSE / "lessons"):
            for stage in ("exercises", "solutions"):
                assert (built[stage] / lesson.assignment / f"{lesson.notebook}.ipynb").is_file()

    def test_cell_types(self, built):
        """Each notebook has a graded widget answer cell, a hidden-test grade cell per part and a hand-graded answer."""
        for lesson in lessons_from_folder(COURSE / "lessons"):
            nb = nbformat.read(built["course"] / "source" / lesson.assignment / f"{lesson.notebook}.ipynb", 4)
            meta = {c.id: c.metadata["nbgrader"] for c in nb.cells}
            for i, graded in enumerate(lesson.graded, 1):
                assert meta[f"graded-{i}"]["solution"] and not meta[f"graded-{i}"]["grade"]
                score = meta[f"graded-{i}-score"]
                assert score["grade"] and score["locked"] and score["points"] == graded.points
            for written in lesson.written:
                assert meta[written.id]["solution"] and meta[written.id]["grade"]
                assert meta[written.id]["points"] == written.points
            assert len(set(meta)) == len(nb.cells)

    def test_student_version_keeps_widget_and_drops_solution(self, built):
        """The student's widget cell still builds the widget but has none of the solution's tags."""
        nb = nbformat.read(built["exercises"] / "01-who-says" / "who-says.ipynb", 4)
        cell = next(c for c in nb.cells if c.id == "graded-1")
        assert cell.source.startswith("who_says = medialit.SpotAttribution(")
        assert ".tag(" not in cell.source and cell.source.endswith("who_says")

    def test_solution_version_has_key_answers(self, built):
        """The instructor's version tags every required keyed sentence and keeps the hidden tests."""
        nb = nbformat.read(built["solutions"] / "01-who-says" / "who-says.ipynb", 4)
        cells = {c.id: c.source for c in nb.cells}
        assert 'who_says.tag("p1s1", label="unattributed")' in cells["graded-1"]
        assert "BEGIN HIDDEN TESTS" in cells["graded-1-score"]


class TestLessons:
    def test_committed_lessons_are_valid(self):
        """Every committed lesson reads without error."""
        assert [lesson.assignment for lesson in lessons_from_folder(COURSE / "lessons")] == [
            "01-who-says", "02-can-we-check", "03-who-disagrees", "04-capstone"]

    def test_file_name_must_match(self, tmp_path):
        """A lesson whose assignment differs from its file name is rejected with the fix."""
        text = (COURSE / "lessons" / "01-who-says.yaml").read_text(encoding="utf-8")
        (tmp_path / "other.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(LessonError, match="rename the file to 01-who-says.yaml"):
            lesson_from_file(tmp_path / "other.yaml")

    def test_widget_and_task_must_agree(self, tmp_path):
        """A graded SpotConflicts widget cannot be scored as attribution."""
        text = (COURSE / "lessons" / "03-who-disagrees.yaml").read_text(encoding="utf-8")
        graded = "widget: SpotConflicts\n    task: {}"
        wrong = text.replace(graded.format("conflicts"), graded.format("attribution"))
        (tmp_path / "03-who-disagrees.yaml").write_text(wrong, encoding="utf-8")
        with pytest.raises(LessonError, match="does not match widget SpotConflicts"):
            lesson_from_file(tmp_path / "03-who-disagrees.yaml")

    def test_unknown_example_sentence(self, tmp_path):
        """A worked example naming a sentence the article lacks stops the build, naming the article."""
        text = (COURSE / "lessons" / "01-who-says.yaml").read_text(encoding="utf-8")
        (tmp_path / "01-who-says.yaml").write_text(text.replace("p17s1,", "p99s1,"), encoding="utf-8")
        with pytest.raises(CourseBuildError, match="p99s1"):
            notebook_from_lesson(lesson_from_file(tmp_path / "01-who-says.yaml"), COURSE / "keys")

    def test_missing_key(self, tmp_path):
        """A graded part whose key is not in course/keys stops the build."""
        lesson = lesson_from_file(COURSE / "lessons" / "01-who-says.yaml")
        with pytest.raises(CourseBuildError, match="does not exist"):
            notebook_from_lesson(lesson, tmp_path)


def test_build_is_repeatable(built, tmp_path):
    """Writing the source notebooks twice gives identical files."""
    from medialit.course.build import write_sources

    first = _tree(built["course"] / "source")
    write_sources(built["course"])
    assert _tree(built["course"] / "source") == first
    assert filecmp.cmp(COURSE / "nbgrader_config.py", built["course"] / "nbgrader_config.py", shallow=False)


class TestConfig:
    def _load(self, course):
        from traitlets.config.loader import PyFileConfigLoader

        return PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()

    def test_paths_follow_the_config_file(self, tmp_path, monkeypatch):
        """A copy of the course anywhere uses its own root and exchange; MEDIALIT_EXCHANGE overrides the exchange."""
        from .conftest import copy_course

        course = copy_course(tmp_path)
        monkeypatch.delenv("MEDIALIT_EXCHANGE", raising=False)
        config = self._load(course)
        assert config.CourseDirectory.root == str(course.resolve())
        assert config.CourseDirectory.course_id == "medialit"
        assert config.Exchange.root == str(course.resolve() / "exchange")
        monkeypatch.setenv("MEDIALIT_EXCHANGE", "/srv/nbgrader/exchange")
        assert self._load(course).Exchange.root == "/srv/nbgrader/exchange"

    def test_stray_answers_are_never_copied_over_submissions(self, tmp_path, capsys):
        """Answers saved by running a source notebook are excluded from autograde's overwrite, with a warning."""
        from .conftest import copy_course

        course = copy_course(tmp_path)
        (course / "source" / "01-who-says" / "answers").mkdir()
        (course / "source" / "01-who-says" / "answers" / "01-who-says.json").write_text("{}", encoding="utf-8")
        config = self._load(course)
        assert config.Autograde.exclude_overwriting == {"01-who-says": ["answers/01-who-says.json"]}
        assert "would be released to students" in capsys.readouterr().err
