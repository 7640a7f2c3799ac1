"""The assignments the hub tests run: a tiny stand-in course of our own, and the real course's 01-who-says.

Each adapter says where its course is, what a student's answers look like (a Python snippet run
as that student in the fetched assignment folder, writing answers through the medialit API),
and what score those answers must earn.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REAL_COURSE = REPO / "course"
REAL_ASSIGNMENT = "01-who-says"

# -- the stand-in ------------------------------------------------------------------------------
# Three sentences of the seed case study are attributed to Konashenkov; one point for each a
# student tags. The grade cell prints the points, and nbgrader gives partial credit for them.
STANDIN_ID = "00-hub-check"
STANDIN_NOTEBOOK = "hub-check"
STANDIN_ARTICLE = "tass-2016-05-04-aleppo-hospital"
STANDIN_KEYED = ("p2s2", "p4s1", "p6s2")


def _nb(cells: list[dict]) -> dict:
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "language_info": {"name": "python"}}}


def _cell(kind: str, source: str, cell_id: str, **nbgrader) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": {}, "source": textwrap.dedent(source).strip()}
    if kind == "code":
        cell.update(outputs=[], execution_count=None)
    if nbgrader:
        cell["metadata"]["nbgrader"] = {"schema_version": 3, "grade_id": cell_id, "grade": False,
                                        "solution": False, "locked": False, "task": False, **nbgrader}
    return cell


def write_standin_course(dest: Path) -> Path:
    """Write a minimal nbgrader course with the one-notebook assignment 00-hub-check into *dest*.

    Returns:
        *dest*, the course directory (``source/00-hub-check/hub-check.ipynb``, ``keys/``).
    """
    nb = _nb([
        _cell("markdown", f"""
            # Hub check
            Tag who says each sentence of the TASS story; answers are saved to
            `answers/{STANDIN_NOTEBOOK}.json` by the medialit answers API.""", "intro"),
        _cell("code", """
            import json, pathlib
            ANSWERS = pathlib.Path("answers/hub-check.json")""", "setup", locked=True),
        _cell("code", f"""
            found = set()
            if ANSWERS.exists():
                doc = json.loads(ANSWERS.read_text())
                found = {{a["sid"] for a in doc["answers"] if a["label"] == "attribution"}}
            points = len(found & {set(STANDIN_KEYED)!r})
            print(f"{{points}} of {len(STANDIN_KEYED)} attributed sentences found")
            points""", "tagged", grade=True, locked=True, points=len(STANDIN_KEYED)),
    ])
    folder = dest / "source" / STANDIN_ID
    folder.mkdir(parents=True)
    (folder / f"{STANDIN_NOTEBOOK}.ipynb").write_text(json.dumps(nb, indent=1))
    (dest / "keys").mkdir()
    (dest / "keys" / "README.md").write_text("Assessment keys live here: never readable by students.\n")
    (dest / "nbgrader_config.py").write_text(textwrap.dedent("""\
        import os
        from pathlib import Path
        c = get_config()  # noqa: F821
        c.CourseDirectory.course_id = "medialit"
        c.CourseDirectory.root = str(Path(__file__).resolve().parent)
        c.Exchange.root = os.environ.get("MEDIALIT_EXCHANGE", str(Path(__file__).resolve().parent / "exchange"))
        """))
    return dest


class StandIn:
    """The stand-in assignment: the student tags the first ``index % 4`` keyed sentences."""

    name = STANDIN_ID
    notebook = STANDIN_NOTEBOOK
    answers_file = f"answers/{STANDIN_NOTEBOOK}.json"
    points = float(len(STANDIN_KEYED))

    def __init__(self, course: Path):
        self.course = course

    def plan(self, index: int) -> list[str]:
        """The sentence ids student number *index* tags."""
        return list(STANDIN_KEYED[: index % 4])

    def answer_code(self, index: int) -> str:
        """Python run as the student in ~/00-hub-check: answers through medialit's answers API."""
        return textwrap.dedent(f"""\
            from medialit.answers import new_answers, write_answers
            doc = new_answers({STANDIN_NOTEBOOK!r}, "attribution", [{STANDIN_ARTICLE!r}])
            doc["answers"] = [{{"article": {STANDIN_ARTICLE!r}, "sid": sid, "label": "attribution",
                               "source": "Igor Konashenkov"}} for sid in {self.plan(index)!r}]
            write_answers("answers/{STANDIN_NOTEBOOK}.json", doc)
            """)

    def expected_score(self, index: int, folder: Path) -> float:
        """The autograded score those answers earn."""
        return float(len(self.plan(index)))

    def feedback_marker(self, score: float) -> str:
        """Text the student's feedback page must contain."""
        return f"{score:g} of {len(STANDIN_KEYED)} attributed sentences found"


def real_course_ready() -> bool:
    """True once the course team has generated course/source/01-who-says."""
    return (REAL_COURSE / "source" / REAL_ASSIGNMENT).is_dir()


class WhoSays:
    """The real course's 01-who-says, answered through the SpotAttribution widget's Python API.

    The plans come from the source notebook's solution cell (``who_says.tag(...)`` lines), and
    the expected score from its hidden grade cell: the embedded key and ``grade_sidecar``.
    """

    name = REAL_ASSIGNMENT
    course = REAL_COURSE

    def __init__(self, course: Path = REAL_COURSE):
        self.course = course
        folder = course / "source" / REAL_ASSIGNMENT
        (path,) = folder.glob("*.ipynb")
        self.notebook = path.stem
        cells = json.loads(path.read_text())["cells"]
        by_id = {c["metadata"].get("nbgrader", {}).get("grade_id"): "".join(c["source"]) for c in cells}
        solution = by_id["graded-1"]
        self.widget_line = solution.splitlines()[0]        # who_says = medialit.SpotAttribution(...)
        self.variable = self.widget_line.split("=")[0].strip()
        self.tags = [line for line in solution.splitlines() if line.startswith(f"{self.variable}.tag(")]
        self.score_cell = by_id["graded-1-score"]
        call = re.search(r'points_for_sidecar\("([^"]+)", KEY, task="(\w+)", max_points=([\d.]+)\)',
                         self.score_cell)
        self.answers_file, self.task, self.points = call[1], call[2], float(call[3])

    def plan(self, index: int) -> list[str]:
        """The sentence ids student number *index* tags (0: all, 1: first half, 2: all with a
        wrong source, 3: none, 4: every third and two untagged sentences' neighbours)."""
        return [_sid(line) for line in self._lines(index)]

    def _lines(self, index: int) -> list[str]:
        tags, v = self.tags, self.variable
        plans = [
            tags,
            tags[: len(tags) // 2],
            [f'{v}.tag("{_sid(t)}", source="Gwen Abara")' for t in tags],
            [],
            tags[::3],
        ]
        return plans[index % len(plans)]

    def answer_code(self, index: int) -> str:
        """Python run as the student in ~/01-who-says: the notebook's widget line, then w.tag(...)."""
        return "\n".join(["import medialit", self.widget_line, *self._lines(index)]) + "\n"

    def expected_score(self, index: int, folder: Path) -> float:
        """Points the submitted answers in *folder* earn, by the grade cell's own key and call."""
        from medialit.grading.nbgrader import grade_sidecar

        namespace: dict = {}
        exec(self.score_cell.split("points_for_sidecar(")[0].rsplit("\n", 1)[0], namespace)  # defines KEY
        return grade_sidecar(folder / self.answers_file, namespace["KEY"], self.task, self.points).points

    def feedback_marker(self, score: float) -> str:
        """The score line the feedback page shows."""
        return f"{score:g} of {self.points:g} points"


def _sid(tag_line: str) -> str:
    return re.search(r'\.tag\("([^"]+)"', tag_line)[1]
