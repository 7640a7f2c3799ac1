"""Read the lessons of the course: ``course/lessons/<assignment>.yaml`` in, validated ``Lesson`` out.

The format is described in ``course/lessons/README.md``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import LessonError

TASKS = ("attribution", "unverifiable", "conflicts")
# Widget class -> the task its answers are scored for.
WIDGET_TASKS = {"SpotAttribution": "attribution", "SpotUnverifiable": "unverifiable", "SpotConflicts": "conflicts"}
_ID = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExampleSpec(_Strict):
    """A worked example: sentences (or conflict groups) of a practice article with the key's answers."""

    article: str
    task: Literal[TASKS]  # type: ignore[valid-type]
    intro: str
    sids: list[str] = []
    topics: list[str] = []

    @model_validator(mode="after")
    def _shows_something(self):
        if self.task == "conflicts" and not self.topics:
            raise ValueError("a conflicts example lists 'topics' (topics of the key's conflicts, as written there)")
        if self.task != "conflicts" and not self.sids:
            raise ValueError("an attribution or unverifiable example lists 'sids'")
        return self


class WidgetSpec(_Strict):
    """A widget cell: the practice widget (with a shipped key) or a graded one."""

    widget: Literal[tuple(WIDGET_TASKS)]  # type: ignore[valid-type]
    articles: list[str] = Field(min_length=1)
    exercise: str = Field(pattern=_ID)
    intro: str


class GradedSpec(WidgetSpec):
    """A graded widget: its answers are scored by a hidden grade cell against an assessment key."""

    task: Literal[TASKS]  # type: ignore[valid-type]
    key: str = Field(pattern=_ID)
    points: float = Field(gt=0)

    @model_validator(mode="after")
    def _task_matches_widget(self):
        if self.task != WIDGET_TASKS[self.widget]:
            raise ValueError(f"task '{self.task}' does not match widget {self.widget} "
                             f"(which records '{WIDGET_TASKS[self.widget]}')")
        return self


class WrittenSpec(_Strict):
    """A short written answer graded by hand."""

    id: str = Field(pattern=_ID)
    points: float = Field(gt=0)
    prompt: str
    answer: str


class Lesson(_Strict):
    """One assignment: lesson text, worked examples, practice, graded widgets and written questions."""

    assignment: str = Field(pattern=_ID)
    notebook: str = Field(pattern=_ID)
    title: str
    intro: str
    lesson: str
    example: list[ExampleSpec] = Field(min_length=1)
    practice: list[WidgetSpec] = Field(min_length=1)
    graded: list[GradedSpec] = Field(min_length=1)
    written: list[WrittenSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_exercises(self):
        names = [w.exercise for w in [*self.practice, *self.graded]]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"exercise names must differ (each is an answers file): {', '.join(twice)}")
        return self


def lesson_from_file(path: str | os.PathLike) -> Lesson:
    """Read and validate one lesson file.

    Args:
        path: ``course/lessons/<assignment>.yaml``.

    Returns:
        Lesson: the validated lesson.

    Raises:
        LessonError: the file is missing, not YAML, or breaks the format; the message names the file,
            the field and the fix.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LessonError(f"{path}: no such lesson file.") from None
    except yaml.YAMLError as exc:
        raise LessonError(f"{path}: not valid YAML ({exc}). Fix: check indentation and the '|' blocks.") from None
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise LessonError(f"{path}: field '{where}': {first['msg']}. Fix: see course/lessons/README.md.") from None
    if lesson.assignment != path.stem:
        raise LessonError(f"{path}: assignment '{lesson.assignment}' differs from the file name. "
                          f"Fix: rename the file to {lesson.assignment}.yaml.")
    return lesson


def lessons_from_folder(folder: str | os.PathLike) -> list[Lesson]:
    """Read every ``*.yaml`` lesson in *folder*, in file-name order.

    Raises:
        LessonError: a lesson is invalid, or the folder holds none.
    """
    files = sorted(Path(folder).glob("*.yaml"))
    if not files:
        raise LessonError(f"{folder}: no lesson files (*.yaml).")
    return [lesson_from_file(f) for f in files]
