"""Notebook cells with nbgrader metadata, one factory per nbgrader cell type; ids are stable."""

from __future__ import annotations

import nbformat

SCHEMA_VERSION = 3


def nbgrader_metadata(grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = False,
                      points: float | None = None) -> dict:
    """The ``metadata.nbgrader`` dict of a cell.

    Args:
        grade_id (str): unique within the notebook; also used as the cell id.
        solution (bool): the student answers here.
        grade (bool): the cell earns points.
        locked (bool): read-only for students (nbgrader restores it when grading).
        points (float | None): for grade cells.

    Returns:
        dict: nbgrader's cell metadata (schema version 3).
    """
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA_VERSION,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = float(points)
    return meta


def _with(cell, grade_id: str, meta: dict):
    cell.id = grade_id
    cell.metadata["nbgrader"] = meta
    return cell


def read_only_markdown(grade_id: str, source: str):
    """A read-only Markdown cell (lesson text, instructions)."""
    return _with(nbformat.v4.new_markdown_cell(source.strip()), grade_id, nbgrader_metadata(grade_id, locked=True))


def read_only_code(grade_id: str, source: str):
    """A read-only code cell (set-up, worked-example code, practice widgets)."""
    return _with(nbformat.v4.new_code_cell(source.strip()), grade_id, nbgrader_metadata(grade_id, locked=True))


def autograded_answer(grade_id: str, source: str):
    """A code cell the student works in (a graded widget); its ``BEGIN SOLUTION`` region is cleared."""
    return _with(nbformat.v4.new_code_cell(source.strip()), grade_id, nbgrader_metadata(grade_id, solution=True))


def autograder_tests(grade_id: str, source: str, points: float):
    """A read-only grade cell whose ``BEGIN HIDDEN TESTS`` region scores an answer (partial credit)."""
    return _with(nbformat.v4.new_code_cell(source.strip()), grade_id,
                 nbgrader_metadata(grade_id, grade=True, locked=True, points=points))


def manually_graded_answer(grade_id: str, source: str, points: float):
    """A Markdown answer cell graded by hand; *source* (the model answer) is replaced for students."""
    return _with(nbformat.v4.new_markdown_cell(source.strip()), grade_id,
                 nbgrader_metadata(grade_id, solution=True, grade=True, points=points))
