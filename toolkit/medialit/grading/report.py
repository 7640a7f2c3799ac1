"""Item analysis of one assignment: the class's answers sidecars and the keys in, tables and plots out.

``item_rows`` returns one row per student, graded part and scored item (``ROW_COLUMNS``):
student str, part str (exercise), task str, status str (``nbgrader.STATUSES``), part_points float,
part_max float, then ``match.ITEM_COLUMNS`` (sid, category, outcome, expected, given,
explanation, points, max_points). A part that could not be graded has one row with an empty sid.

``hit_rates`` returns one row per keyed item (``HIT_COLUMNS``); ``wrong_answers`` one row per
wrong answer given (``WRONG_COLUMNS``); ``student_summary`` one row per student (``student``,
``<part>`` points and ``<part> status`` per part, ``autograded``, ``autograded_max`` and, when
the gradebook has them, ``score``, ``max_score``, ``late_penalty``, ``seconds_late``, ``final``,
``needs_manual_grade``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .match import ITEM_COLUMNS
from .nbgrader import grade_sidecar

ROW_COLUMNS = ["student", "part", "task", "status", "part_points", "part_max", *ITEM_COLUMNS]
HIT_COLUMNS = ["part", "sid", "category", "expected", "students", "found", "partly", "missed", "hit_rate",
               "mean_points"]
WRONG_COLUMNS = ["part", "sid", "outcome", "expected", "given", "students"]
PARTLY = ("wrong_source", "wrong_reason")


def find_course_dir(start: str | os.PathLike = ".") -> Path:
    """The course folder: *start* if it holds ``nbgrader_config.py``, else ``<start>/course``.

    Raises:
        FileNotFoundError: neither holds ``nbgrader_config.py``.
    """
    for candidate in (Path(start), Path(start) / "course"):
        if (candidate / "nbgrader_config.py").is_file():
            return candidate
    raise FileNotFoundError(f"{Path(start).resolve()}: no nbgrader_config.py here or in course/. "
                            "Run from the repository or the course folder, or pass --course.")


def graded_parts(course_dir: str | os.PathLike, assignment: str) -> list[dict]:
    """The graded widgets of *assignment*, from its lesson.

    Args:
        course_dir: the course folder (with ``lessons/`` and ``keys/``).
        assignment (str): e.g. ``"01-who-says"``.

    Returns:
        list[dict]: ``{"part", "task", "key", "points", "path"}`` per graded widget, where ``key``
        is the key file and ``path`` the sidecar relative to the notebook.
    """
    from ..course.lessons import lesson_from_file
    from ..course.notebook import sidecar_path

    course_dir = Path(course_dir)
    lesson = lesson_from_file(course_dir / "lessons" / f"{assignment}.yaml")
    return [{"part": g.exercise, "task": g.task, "key": course_dir / "keys" / f"{g.key}.yaml", "points": g.points,
             "path": sidecar_path(g.exercise)} for g in lesson.graded]


def submission_folders(course_dir: str | os.PathLike, assignment: str) -> dict[str, Path]:
    """Map each student id to their ``submitted/<student>/<assignment>`` folder, sorted by id."""
    found = sorted(Path(course_dir).glob(f"submitted/*/{assignment}"))
    return {folder.parent.name: folder for folder in found if folder.is_dir()}


def item_rows(course_dir: str | os.PathLike, assignment: str) -> pd.DataFrame:
    """Grade every submitted sidecar of *assignment* again, as the hidden grade cells do.

    Args:
        course_dir: the course folder.
        assignment (str): the assignment id.

    Returns:
        pandas.DataFrame: ``ROW_COLUMNS`` (module docstring).
    """
    from ..keys.load import load_key

    parts = graded_parts(course_dir, assignment)
    keys = {str(p["key"]): load_key(p["key"]) for p in parts}
    rows = []
    for student, folder in submission_folders(course_dir, assignment).items():
        for part in parts:
            grade = grade_sidecar(folder / part["path"], keys[str(part["key"])], part["task"], part["points"])
            head = {"student": student, "part": part["part"], "task": part["task"], "status": grade.status,
                    "part_points": grade.points, "part_max": grade.max_points}
            if grade.result is None:
                rows.append({**head, "outcome": "", "sid": "", "points": 0.0, "max_points": 0.0})
            else:
                rows += [{**head, **item} for item in grade.result.items.to_dict("records")]
    return pd.DataFrame(rows, columns=ROW_COLUMNS)


def hit_rates(rows: pd.DataFrame) -> pd.DataFrame:
    """Per keyed item: how many students found it, got it partly right or missed it.

    Args:
        rows (pandas.DataFrame): from ``item_rows``; not modified.

    Returns:
        pandas.DataFrame: ``HIT_COLUMNS``, hardest items first; ``students`` counts every student
        whose part was graded or not (an ungraded part counts as missed).
    """
    keyed = rows[rows["max_points"] > 0]
    if keyed.empty:
        return pd.DataFrame(columns=HIT_COLUMNS)
    students = rows.groupby("part")["student"].nunique()
    table = (keyed.assign(found=keyed["outcome"].eq("found"), partly=keyed["outcome"].isin(PARTLY))
             .groupby(["part", "sid", "category", "expected"], sort=False)
             .agg(found=("found", "sum"), partly=("partly", "sum"), points=("points", "sum"))
             .reset_index())
    table["students"] = table["part"].map(students).astype(int)
    table["missed"] = table["students"] - table["found"] - table["partly"]
    table["hit_rate"] = (table["found"] / table["students"]).round(3)
    table["mean_points"] = (table["points"] / table["students"]).round(3)
    table = table.astype({"found": int, "partly": int, "missed": int})
    return table.sort_values(["hit_rate", "part"], kind="stable")[HIT_COLUMNS].reset_index(drop=True)


def wrong_answers(rows: pd.DataFrame) -> pd.DataFrame:
    """The most common wrong answers: wrong sources, wrong reasons and tags the key does not have.

    Args:
        rows (pandas.DataFrame): from ``item_rows``; not modified.

    Returns:
        pandas.DataFrame: ``WRONG_COLUMNS``, most frequent first.
    """
    wrong = rows[rows["outcome"].isin([*PARTLY, "extra"])]
    if wrong.empty:
        return pd.DataFrame(columns=WRONG_COLUMNS)
    table = (wrong.groupby(["part", "sid", "outcome", "expected", "given"], sort=False)["student"].nunique()
             .rename("students").reset_index())
    return table.sort_values("students", ascending=False, kind="stable")[WRONG_COLUMNS].reset_index(drop=True)


def gradebook_scores(course_dir: str | os.PathLike, assignment: str) -> pd.DataFrame:
    """The gradebook's view of each submission (empty when there is no gradebook yet).

    Args:
        course_dir: the course folder (``gradebook.db`` next to ``nbgrader_config.py``).
        assignment (str): the assignment id.

    Returns:
        pandas.DataFrame: student, score, max_score, late_penalty, seconds_late, final, needs_manual_grade.
    """
    import warnings

    columns = ["student", "score", "max_score", "late_penalty", "seconds_late", "final", "needs_manual_grade"]
    db = Path(course_dir) / "gradebook.db"
    if not db.is_file():
        return pd.DataFrame(columns=columns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy 2 warns under nbgrader 0.9
        from nbgrader.api import Gradebook, MissingEntry

        rows = []
        with Gradebook(f"sqlite:///{db.resolve()}") as gb:
            try:
                submissions = gb.find_assignment(assignment).submissions
            except MissingEntry:
                return pd.DataFrame(columns=columns)
            for sub in submissions:
                penalty = float(sub.late_submission_penalty or 0.0)
                rows.append({"student": sub.student.id, "score": float(sub.score), "max_score": float(sub.max_score),
                             "late_penalty": penalty, "seconds_late": float(sub.total_seconds_late),
                             "final": round(float(sub.score) - penalty, 2),
                             "needs_manual_grade": bool(sub.needs_manual_grade)})
    return pd.DataFrame(rows, columns=columns).sort_values("student").reset_index(drop=True)


def student_summary(rows: pd.DataFrame, gradebook: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per student: points and status per part, the autograded total, the gradebook's score.

    Args:
        rows (pandas.DataFrame): from ``item_rows``; not modified.
        gradebook (pandas.DataFrame | None): from ``gradebook_scores``.

    Returns:
        pandas.DataFrame: columns in the module docstring, sorted by student.
    """
    parts = rows.drop_duplicates(["student", "part"])
    if parts.empty:
        return pd.DataFrame(columns=["student", "autograded", "autograded_max"])
    points = parts.pivot(index="student", columns="part", values="part_points")
    status = parts.pivot(index="student", columns="part", values="status").add_suffix(" status")
    out = pd.concat([points, status], axis=1)
    out["autograded"] = points.sum(axis=1).round(2)
    out["autograded_max"] = parts.groupby("student")["part_max"].sum()
    out = out.reset_index()
    out.columns.name = None
    if gradebook is not None and not gradebook.empty:
        out = out.merge(gradebook, on="student", how="outer")
    return out.sort_values("student").reset_index(drop=True)


def plot_score_distribution(summary: pd.DataFrame, ax=None):
    """Histogram of the students' scores (the gradebook's final score, else the autograded total).

    Returns:
        matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    ax = ax or plt.subplots(figsize=(6, 3.5))[1]
    column = "final" if "final" in summary else "autograded"
    top = float(summary["max_score"].max()) if "max_score" in summary else float(summary["autograded_max"].max())
    ax.hist(summary[column].dropna().astype(float), bins=10, range=(0, top or 1), color="#4c72b0", edgecolor="white")
    ax.set_xlabel(f"{column} score (of {top:g})")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    return ax


def plot_hit_rates(hits: pd.DataFrame, ax=None):
    """Bar chart of the share of students who found each keyed item, hardest first.

    Returns:
        matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    labels = [f"{r.part}: {r.sid}" if hits["part"].nunique() > 1 else r.sid for r in hits.itertuples()]
    ax = ax or plt.subplots(figsize=(6, max(2.5, 0.22 * len(hits))))[1]
    ax.barh(labels, hits["hit_rate"].astype(float), color="#55a868")
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of students who got it right")
    ax.set_title("Hit rate per keyed item")
    return ax


def plot_wrong_answers(wrong: pd.DataFrame, top: int = 15, ax=None):
    """Bar chart of the most common wrong answers.

    Returns:
        matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    shown = wrong.head(top)
    labels = [f"{r.sid}: {r.given}"[:60] for r in shown.itertuples()]
    ax = ax or plt.subplots(figsize=(6, max(2.5, 0.3 * len(shown))))[1]
    ax.barh(labels, shown["students"].astype(int), color="#c44e52")
    ax.invert_yaxis()
    ax.set_xlabel("students")
    ax.set_title("Most common wrong answers")
    return ax


def write_report(course_dir: str | os.PathLike, assignment: str,
                 out_dir: str | os.PathLike | None = None) -> list[Path]:
    """Write the item analysis of *assignment* as CSV files and PNG plots.

    Args:
        course_dir: the course folder.
        assignment (str): the assignment id.
        out_dir: where to write (default ``<course>/reports/<assignment>``).

    Returns:
        list[Path]: the files written: items.csv, hit_rates.csv, wrong_answers.csv, students.csv,
        scores.png, hit_rates.png, wrong_answers.png.

    Raises:
        LessonError: the assignment has no lesson file.
        FileNotFoundError: nothing has been submitted for it.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    course_dir = Path(course_dir)
    if not submission_folders(course_dir, assignment):
        raise FileNotFoundError(f"{course_dir / 'submitted'}: no submissions of {assignment} (expected "
                                f"submitted/<student>/{assignment}/). Run `nbgrader collect {assignment}` first.")
    out = Path(out_dir) if out_dir is not None else course_dir / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    rows = item_rows(course_dir, assignment)
    hits, wrong = hit_rates(rows), wrong_answers(rows)
    summary = student_summary(rows, gradebook_scores(course_dir, assignment))
    written = []
    for name, frame in (("items", rows), ("hit_rates", hits), ("wrong_answers", wrong), ("students", summary)):
        frame.to_csv(out / f"{name}.csv", index=False)
        written.append(out / f"{name}.csv")
    for name, plot, frame in (("scores", plot_score_distribution, summary), ("hit_rates", plot_hit_rates, hits),
                              ("wrong_answers", plot_wrong_answers, wrong)):
        ax = plot(frame)
        ax.figure.tight_layout()
        ax.figure.savefig(out / f"{name}.png", dpi=110)
        plt.close(ax.figure)
        written.append(out / f"{name}.png")
    return written
