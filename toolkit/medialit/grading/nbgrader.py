"""nbgrader glue: an answers sidecar and a key in, one grade cell's points and feedback out.

A hidden grade cell ends with ``points_for_sidecar(...)``: the cell prints one feedback line
per keyed item (what was right, what was missed and the key's explanation) and its value is the
points earned, which nbgrader takes as partial credit. A missing, empty or malformed sidecar, or
a broken key, gives 0 points with a line saying why; nothing here raises, so grading a class
never stops at one student.

``SidecarGrade.result.items`` has the columns of ``medialit.grading.match.ITEM_COLUMNS``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import textwrap
import warnings
from pathlib import Path

TASKS = ("attribution", "unverifiable", "conflicts")
TASK_TITLES = {"attribution": "Who says?", "unverifiable": "Can we check it?", "conflicts": "Who disagrees?"}
# Outcome of a row (medialit.grading.match.OUTCOMES) -> mark and words the student reads.
OUTCOME_WORDS = {
    "found": ("+", "right"),
    "wrong_source": ("~", "wrong source"),
    "wrong_reason": ("~", "wrong reason"),
    "missed": ("-", "missed"),
    "extra": ("x", "not in the key"),
    "acceptable": ("o", "optional"),
}
STATUSES = ("graded", "missing", "empty", "malformed", "wrong_task", "key_error")
WIDTH = 100


@dataclasses.dataclass(frozen=True)
class SidecarGrade:
    """The grade of one sidecar for one grade cell.

    Attributes:
        points: points earned, between 0 and ``max_points``.
        max_points: the grade cell's points.
        status: one of ``STATUSES``; anything but ``graded`` earns 0.
        message: one line on what was graded, or why nothing could be.
        result: the ``ScoreResult`` (None unless ``status == "graded"``).
        key: the ``Key`` graded against (None when it cannot be read).
    """

    points: float
    max_points: float
    status: str
    message: str
    result: object = None
    key: object = None

    @property
    def article_id(self) -> str:
        """The key's article id ('' when the key cannot be read)."""
        return getattr(self.key, "article_id", "")


def key_for_grading(key, article=None):
    """Turn what a grade cell passes as its key into a ``Key``.

    Args:
        key: a ``Key``, the key's YAML text, a key file path, or an article id with a known key.
        article: the already-loaded Article (optional).

    Returns:
        Key: the validated key.

    Raises:
        MedialitError: the key cannot be found or has problems.
    """
    from ..keys.load import Key, key_from_yaml, load_key

    if isinstance(key, Key):
        return key
    text = os.fspath(key)
    if "\n" in text:
        return key_from_yaml(text, article)
    return load_key(text, article)


def read_sidecar(path: str | os.PathLike, task: str) -> tuple[dict | None, str, str]:
    """Read a submitted sidecar without raising.

    Args:
        path: the sidecar, e.g. ``answers/01-who-says.json``.
        task (str): the task the grade cell scores.

    Returns:
        (data, status, message): ``data`` is None unless ``status == "graded"``.
    """
    from ..answers import read_answers
    from ..errors import AnswersError

    path = Path(path)
    if not path.exists():
        backups = sorted(path.parent.glob(f"{path.stem}.damaged-*{path.suffix}"))
        if backups:
            return None, "malformed", (f"Your answers file {path} could not be read (the widget kept it as "
                                       f"{backups[-1].name}), so there was nothing to grade.")
        return None, "missing", (f"No answers file {path} was handed in, so there was nothing to grade. "
                                 "The widget saves it as you tag; hand in the answers/ folder with the notebook.")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, "malformed", f"Your answers file {path} could not be read ({exc})."
    if not raw.strip():
        return None, "empty", f"Your answers file {path} is empty, so there was nothing to grade."
    try:
        data = read_answers(path)
    except AnswersError as exc:
        return None, "malformed", f"Your answers file could not be graded: {str(exc).split(' Fix:')[0]}"
    if data["task"] != task:
        return None, "wrong_task", (f"Your answers file {path} holds answers for the {data['task']} task, "
                                    f"but this part grades the {task} task.")
    return data, "graded", f"Graded {path}."


def score_sidecar(data: dict, key, task: str):
    """Score a read sidecar against *key* for *task*.

    Args:
        data (dict): the sidecar as ``medialit.answers.read_answers`` returns it.
        key: a ``medialit.Key``.
        task (str): ``attribution``, ``unverifiable`` or ``conflicts``.

    Returns:
        ScoreResult: from ``score_answers`` or ``score_conflicts``.
    """
    from ..answers import answers_frame, conflicts_frame
    from .match import score_answers, score_conflicts

    if task == "conflicts":
        return score_conflicts(conflicts_frame(data), key)
    return score_answers(answers_frame(data), key, task)


def scaled_points(score: float, max_score: float, max_points: float) -> float:
    """The grade cell's points for *score* of *max_score* key points, rounded to 2 decimals.

    Args:
        score (float): key points earned.
        max_score (float): key points available (0: full points).
        max_points (float): the grade cell's points.

    Returns:
        float: between 0 and *max_points*.
    """
    if not max_score:
        return float(max_points)
    return round(min(max_points, max(0.0, max_points * score / max_score)), 2)


def grade_sidecar(path: str | os.PathLike, key, task: str, max_points: float) -> SidecarGrade:
    """Grade one sidecar for one grade cell; never raises.

    Args:
        path: the sidecar, relative to the notebook.
        key: what ``key_for_grading`` accepts (YAML text, Key, path or article id).
        task (str): ``attribution``, ``unverifiable`` or ``conflicts``.
        max_points (float): the grade cell's points.

    Returns:
        SidecarGrade: 0 points and the reason when the sidecar or key cannot be graded.
    """
    max_points = float(max_points)
    if task not in TASKS:
        return SidecarGrade(0.0, max_points, "key_error", f"Grading problem (not your fault): unknown task {task!r}.")
    try:
        key = key_for_grading(key)
    except Exception as exc:  # noqa: BLE001 - a broken key must not stop the class's grading
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return SidecarGrade(0.0, max_points, "key_error",
                            f"Grading problem (not your fault, tell your teacher): the key cannot be read: {first}")
    data, status, message = read_sidecar(path, task)
    if data is None:
        return SidecarGrade(0.0, max_points, status, message, None, key)
    try:
        result = score_sidecar(data, key, task)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the class's grading
        return SidecarGrade(0.0, max_points, "malformed",
                            f"Your answers file {path} could not be scored ({type(exc).__name__}: {exc}).",
                            None, key)
    points = scaled_points(result.score, result.max_score, max_points)
    return SidecarGrade(points, max_points, "graded", message, result, key)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def sentence_texts(key) -> dict[str, str]:
    """Sentence text by the sid labels ``ScoreResult.items`` uses ("p3s2"; "other-article:p2s1").

    Args:
        key: a ``medialit.Key``.

    Returns:
        dict[str, str]: empty when an article cannot be loaded.
    """
    from ..articles.load import load_article

    texts: dict[str, str] = {}
    others = set(key.conflicts["article"]) - {key.article_id} if len(key.conflicts) else set()
    for article_id in [key.article_id, *sorted(others)]:
        prefix = "" if article_id == key.article_id else f"{article_id}:"
        try:
            sentences = load_article(article_id).sentences
        except Exception:  # noqa: BLE001 - feedback without sentence texts is still feedback
            continue
        texts.update((prefix + sid, text) for sid, text in zip(sentences["sid"], sentences["text"]))
    return texts


def feedback_lines(grade: SidecarGrade, task: str, texts: dict[str, str] | None = None) -> list[str]:
    """The lines a student reads under a grade cell: the score, then one block per keyed item.

    Args:
        grade (SidecarGrade): from ``grade_sidecar``.
        task (str): the graded task.
        texts (dict[str, str] | None): sentence text by sid, quoted under each item.

    Returns:
        list[str]: plain-text lines (no trailing newlines).
    """
    title = f"{TASK_TITLES.get(task, task)} {grade.article_id}".strip()
    points = f"{grade.points:g} of {grade.max_points:g} points"
    if grade.result is None:
        return [f"{title}: {points}.", grade.message]
    result, texts = grade.result, texts or {}
    counts = result.counts()
    lines = [f"{title}: {points} ({result.score:g} of {result.max_score:g} key points).",
             f"right {counts['found']}, partly right {counts['wrong_source'] + counts['wrong_reason']}, "
             f"missed {counts['missed']}, not in the key {counts['extra']} (each costs 0.5).",
             "+ right   ~ partly right   - missed   x not in the key   o optional", ""]
    for row in result.items.to_dict("records"):
        mark, words = OUTCOME_WORDS.get(row["outcome"], ("?", row["outcome"]))
        head = f"{mark} {row['sid']}  {words}  ({row['points']:g} of {row['max_points']:g})"
        if row["outcome"] in ("found", "acceptable", "missed"):
            head += f"  key: {row['expected']}" if row["expected"] else ""
        else:
            head += f"  you: {row['given']}" + (f"  key: {row['expected']}" if row["expected"] else "")
        lines.append(head)
        lines.extend(f'    "{_short(texts[sid])}"' for sid in str(row["sid"]).split() if sid in texts)
        lines.extend(textwrap.wrap(str(row["explanation"]), WIDTH, initial_indent="    ",
                                   subsequent_indent="    "))
    return lines


def points_for_sidecar(path: str | os.PathLike, key, task: str, max_points: float) -> float:
    """Grade a sidecar in a hidden grade cell: print the feedback, return the points.

    Nothing is written to stderr (nbgrader gives 0 points to a cell with stderr output) and
    nothing raises.

    Args:
        path: the sidecar, e.g. ``"answers/01-who-says.json"`` (relative to the notebook).
        key: the key's YAML text (embedded in the hidden cell), a Key, a key path or an article id.
        task (str): ``attribution``, ``unverifiable`` or ``conflicts``.
        max_points (float): the grade cell's points.

    Returns:
        float: points earned, between 0 and *max_points* (nbgrader's partial credit).
    """
    with warnings.catch_warnings(), contextlib.redirect_stderr(sys.stdout):
        warnings.simplefilter("ignore")
        try:
            grade = grade_sidecar(path, key, task, max_points)
            texts = sentence_texts(grade.key) if grade.key is not None else {}
            print("\n".join(feedback_lines(grade, task, texts)))
            return grade.points
        except Exception as exc:  # noqa: BLE001 - the last guard: never stop the class's grading
            print(f"Grading problem (not your fault, tell your teacher): {type(exc).__name__}: {exc}")
            return 0.0
