"""Shared fixtures of the course tests: a copy of the course, nbgrader as a command, a fresh build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course"
# What an instructor's clone of the course holds (the rest is created by nbgrader).
COURSE_PARTS = ("nbgrader_config.py", "lessons", "keys", "source", "instructor")


def copy_course(dest: Path) -> Path:
    """Copy the committed course (config, lessons, keys, source notebooks) to *dest*/course."""
    course = dest / "course"
    course.mkdir(parents=True)
    for part in COURSE_PARTS:
        src = COURSE / part
        if src.is_dir():
            shutil.copytree(src, course / part)
        elif src.is_file():
            shutil.copy2(src, course / part)
    return course


def run(args: list[str], cwd: Path, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command with the venv's bin/ first on PATH (nbgrader runs alembic) and *env* added."""
    from medialit.course.build import nbgrader_env

    done = subprocess.run(args, cwd=cwd, env={**nbgrader_env(), **(env or {})}, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def nbgrader(course: Path, *args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in the course folder, as an instructor would."""
    return run([sys.executable, "-m", "nbgrader", *args], course, check, env)


def code_outputs(nb) -> dict[str, list]:
    """Map each code cell's id to its outputs."""
    return {c.id: c.outputs for c in nb.cells if c.cell_type == "code"}


def execute(path: Path, cwd: Path):
    """Execute the notebook at *path* with *cwd* as its working folder and return it."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    """The course built from its lessons and keys into a temporary folder (as `make notebooks` does)."""
    from medialit.course.build import build_course

    tmp = tmp_path_factory.mktemp("built")
    course = copy_course(tmp)
    shutil.rmtree(course / "source")
    build_course(course, tmp / "exercises", tmp / "solutions")
    return {"course": course, "exercises": tmp / "exercises", "solutions": tmp / "solutions"}
