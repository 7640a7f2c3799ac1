"""The notebooks run top to bottom: student versions without any nbgrader set-up, instructor versions to full marks."""

from __future__ import annotations

import shutil

import pytest

from medialit.course.lessons import lessons_from_folder

from .conftest import COURSE, REPO, code_outputs, execute

LESSONS = {lesson.assignment: lesson for lesson in lessons_from_folder(COURSE / "lessons")}


def _errors(nb) -> list[str]:
    return [f"{cell_id}: {o.get('ename')}: {o.get('evalue')}" for cell_id, outputs in code_outputs(nb).items()
            for o in outputs if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr")]


@pytest.mark.parametrize("assignment", sorted(LESSONS))
def test_exercise_runs_without_nbgrader(tmp_path, assignment):
    """The committed self-study notebook runs in an empty folder with no error and saves no answers by itself."""
    lesson = LESSONS[assignment]
    notebook = tmp_path / f"{lesson.notebook}.ipynb"
    shutil.copyfile(REPO / "exercises" / assignment / notebook.name, notebook)
    nb = execute(notebook, tmp_path)
    assert not _errors(nb)
    outputs = code_outputs(nb)
    for i, graded in enumerate(lesson.graded, 1):
        assert graded.widget in str(outputs[f"graded-{i}"])
        assert outputs[f"graded-{i}-score"] == []
    assert not list(tmp_path.glob("answers/*.json"))


@pytest.mark.parametrize("assignment", sorted(LESSONS))
def test_solution_scores_full_marks(tmp_path, assignment):
    """Run as a student would, the instructor's version earns every point in every grade cell."""
    lesson = LESSONS[assignment]
    notebook = tmp_path / f"{lesson.notebook}.ipynb"
    shutil.copyfile(REPO / "solutions" / assignment / notebook.name, notebook)
    nb = execute(notebook, tmp_path)
    assert not _errors(nb)
    outputs = code_outputs(nb)
    for i, graded in enumerate(lesson.graded, 1):
        result = [o for o in outputs[f"graded-{i}-score"] if o.output_type == "execute_result"]
        assert float(result[0].data["text/plain"]) == graded.points
        printed = "".join(o.text for o in outputs[f"graded-{i}-score"] if o.output_type == "stream")
        assert f"{graded.points:g} of {graded.points:g} points" in printed and "missed 0" in printed
        assert (tmp_path / "answers" / f"{graded.exercise}.json").is_file()
