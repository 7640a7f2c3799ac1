"""Build the course: lessons in, ``course/source`` notebooks, ``exercises/`` and ``solutions/`` out.

Steps, in order (each needs the one before):

1. ``write_sources``: each lesson becomes ``course/source/<assignment>/<notebook>.ipynb``.
2. ``generate_with_nbgrader``: a throwaway copy of the course (its own gradebook, so the real one
   is never touched) runs ``nbgrader generate_assignment`` and ``nbgrader generate_solution``
   (without executing) for every assignment.
3. ``copy_outputs``: the student versions go to ``exercises/``, the instructor versions to ``solutions/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from .lessons import lessons_from_folder
from .notebook import notebook_from_lesson


def write_sources(course_dir: str | os.PathLike) -> list[Path]:
    """Write every lesson's source notebook, replacing the assignment's folder.

    Args:
        course_dir: the course (with ``lessons/`` and ``keys/``).

    Returns:
        list[Path]: the notebooks written.
    """
    course_dir = Path(course_dir)
    written = []
    for lesson in lessons_from_folder(course_dir / "lessons"):
        nb = notebook_from_lesson(lesson, course_dir / "keys")
        nbformat.validate(nb)
        folder = course_dir / "source" / lesson.assignment
        # Replacing the folder also drops answers/ saved by running the source notebook.
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        path = folder / f"{lesson.notebook}.ipynb"
        nbformat.write(nb, path)
        written.append(path)
    return written


def nbgrader_env() -> dict:
    """The environment for nbgrader: this Python's bin/ first on PATH (nbgrader runs ``alembic``)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def run_nbgrader(course_dir: str | os.PathLike, *args: str) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in *course_dir* with this Python.

    Raises:
        RuntimeError: nbgrader failed; the message holds its log.
    """
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=nbgrader_env(),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed in {course_dir}:\n{done.stdout}\n{done.stderr}")
    return done


def generate_with_nbgrader(course_dir: str | os.PathLike, work_dir: str | os.PathLike) -> Path:
    """Generate student (release) and instructor (solution) versions in a copy of the course.

    Args:
        course_dir: the course, with ``nbgrader_config.py`` and ``source/``.
        work_dir: an empty folder for the copy.

    Returns:
        Path: the copy, with ``release/<assignment>/`` and ``solution/<assignment>/``.
    """
    copy = Path(work_dir) / "course"
    shutil.copytree(Path(course_dir) / "source", copy / "source")
    shutil.copy2(Path(course_dir) / "nbgrader_config.py", copy / "nbgrader_config.py")
    # "*" is a glob over source/: one nbgrader run (and one new gradebook) for all assignments.
    run_nbgrader(copy, "generate_assignment", "*")
    run_nbgrader(copy, "generate_solution", "*", "--Execute.enabled=False")
    return copy


def copy_outputs(generated: str | os.PathLike, exercises_dir: str | os.PathLike,
                 solutions_dir: str | os.PathLike) -> list[Path]:
    """Replace each assignment's folder in *exercises_dir* and *solutions_dir* with the generated one.

    Returns:
        list[Path]: the notebooks written.
    """
    written = []
    for stage, target in (("release", Path(exercises_dir)), ("solution", Path(solutions_dir))):
        for folder in sorted(p for p in (Path(generated) / stage).iterdir() if p.is_dir()):
            dest = target / folder.name
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir(parents=True)
            for notebook in sorted(folder.glob("*.ipynb")):
                shutil.copyfile(notebook, dest / notebook.name)
                written.append(dest / notebook.name)
    return written


def build_course(course_dir: str | os.PathLike, exercises_dir: str | os.PathLike,
                 solutions_dir: str | os.PathLike) -> list[Path]:
    """Run all three steps (module docstring).

    Args:
        course_dir: the course folder (``course/``).
        exercises_dir: where student notebooks go (``exercises/``).
        solutions_dir: where instructor notebooks go (``solutions/``).

    Returns:
        list[Path]: every notebook written.
    """
    written = write_sources(course_dir)
    with tempfile.TemporaryDirectory(prefix="medialit-build-") as tmp:
        generated = generate_with_nbgrader(course_dir, tmp)
        written += copy_outputs(generated, exercises_dir, solutions_dir)
    return written
