"""The answers sidecar: a student's answers as schema-versioned JSON, written atomically.

``answers_frame`` returns columns article, sid, text, label, source, reason;
``conflicts_frame`` returns group, topic, article, sid, text. See docs/formats.md.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import AnswersError

SCHEMA = "medialit.answers/1"
TASKS = ("attribution", "unverifiable", "conflicts")
ANSWER_COLUMNS = ["article", "sid", "text", "label", "source", "reason"]
CONFLICT_COLUMNS = ["group", "topic", "article", "sid", "text"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class AnswerSpec(_Model):
    """One tagged sentence."""

    article: str
    sid: str
    text: str = ""
    label: Literal["attribution", "unattributed", "unverifiable"]
    source: str | None = None
    reason: str | None = None


class ClaimRef(_Model):
    """A sentence picked as one side of a conflict."""

    article: str
    sid: str
    text: str = ""


class GroupSpec(_Model):
    """A student's group of claims that cannot all be true."""

    topic: str = ""
    claims: list[ClaimRef] = []


class AnswersSpec(_Model):
    """The whole sidecar file."""

    schema_: Literal["medialit.answers/1"] = Field(alias="schema")
    exercise: str
    task: Literal[TASKS]  # type: ignore[valid-type]
    articles: list[str] = []
    updated: str | None = None
    answers: list[AnswerSpec] = []
    conflicts: list[GroupSpec] = []


def new_answers(exercise: str, task: str, articles: list[str]) -> dict:
    """Return an empty answers document for *exercise*."""
    return {"schema": SCHEMA, "exercise": exercise, "task": task, "articles": list(articles),
            "updated": None, "answers": [], "conflicts": []}


def read_answers(path: str | os.PathLike) -> dict:
    """Read and check a sidecar.

    Raises:
        AnswersError: the file is missing, not JSON, or not in the answers schema; the message
            names the file, what is wrong and what to do.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswersError(f"{path}: no answers file. Fix: run the exercise's widget cell; it saves "
                           "every answer here as you work.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{path}: the answers file cannot be read ({exc}). Fix: restore it from "
                           "the backup next to it or redo the exercise.") from None
    if not raw.strip():
        raise AnswersError(f"{path}: the answers file is empty. Fix: run the widget cell and tag again.")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnswersError(f"{path}: the answers file is not valid JSON (line {exc.lineno}, column "
                           f"{exc.colno}: {exc.msg}). Fix: undo the hand edit, or restore the backup.") from None
    try:
        spec = AnswersSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise AnswersError(f"{path}: '{where}': {first['msg']}. Fix: the file must follow the "
                           f"{SCHEMA} schema (docs/formats.md); undo hand edits or restore the backup.") from None
    return spec.model_dump(by_alias=True)


def write_answers(path: str | os.PathLike, data: dict) -> Path:
    """Write *data* to *path* atomically (temporary file, fsync, rename) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**data, "updated": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds")}
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def open_answers(path: str | os.PathLike, exercise: str, task: str, articles: list[str]) -> tuple[dict, str | None]:
    """Load a widget's saved answers, or start fresh without ever losing a damaged file.

    Returns:
        (data, message): ``message`` is None, or tells the student that a damaged file was
        kept as a backup (and where) before starting again.
    """
    path = Path(path)
    if not path.exists():
        return new_answers(exercise, task, articles), None
    try:
        data = read_answers(path)
    except AnswersError as exc:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
        os.replace(path, backup)
        return new_answers(exercise, task, articles), (
            f"Your saved answers could not be read, so they were kept as {backup.name} and this "
            f"exercise starts empty. ({exc})")
    if data["task"] != task or data["exercise"] != exercise:
        raise AnswersError(f"{path}: holds answers for exercise '{data['exercise']}' ({data['task']}), "
                           f"not '{exercise}' ({task}). Fix: give each widget its own exercise name.")
    return data, None


def answers_frame(data: dict):
    """The tagged sentences of an answers document as a DataFrame (ANSWER_COLUMNS)."""
    import pandas as pd

    return pd.DataFrame([{c: a.get(c) for c in ANSWER_COLUMNS} for a in data.get("answers", [])],
                        columns=ANSWER_COLUMNS)


def conflicts_frame(data: dict):
    """The student's conflict groups as one row per claim (CONFLICT_COLUMNS)."""
    import pandas as pd

    rows = [{"group": g, "topic": group.get("topic", ""), "article": c["article"], "sid": c["sid"],
             "text": c.get("text", "")}
            for g, group in enumerate(data.get("conflicts", [])) for c in group.get("claims", [])]
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
