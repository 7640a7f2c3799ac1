"""Write an assignment's source notebook: a ``Lesson`` and the course's keys in, a notebook out.

The source notebook holds everything: lesson text, worked examples rendered from the shipped
practice key, practice widgets, graded widgets whose ``BEGIN SOLUTION`` region tags the key's
answers, hidden grade cells that embed the (task-filtered) assessment key, and written questions
with model answers. ``nbgrader generate_assignment`` strips the solutions, hidden tests and model
answers for students.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat

from . import cells
from ..errors import CourseBuildError
from .lessons import WIDGET_TASKS, Lesson

# Graded widget variable name by task (the practice widget is ``practice``).
WIDGET_NAMES = {"attribution": "who_says", "unverifiable": "can_we_check", "conflicts": "who_disagrees"}
TASK_CATEGORIES = {"attribution": ("attribution", "unattributed"), "unverifiable": ("unverifiable",),
                   "conflicts": ()}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
SETUP = "import medialit"
OPTIONAL = "optional: tagging it or leaving it is both fine"


def _md(text: str) -> str:
    """Escape article text for Markdown (it is shown literally, never as markup)."""
    return re.sub(r"([\\`*_\[\]<>#|~$])", r"\\\1", " ".join(str(text).split()))


def _q(value) -> str:
    """A Python literal for a str, or a list of str / (str, str) pairs, in double quotes."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_q(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_q(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def sidecar_path(exercise: str) -> str:
    """Where a widget of *exercise* saves its answers, relative to the notebook."""
    return f"answers/{exercise}.json"


def example_markdown(example, article, key) -> str:
    """The worked example: each chosen sentence (or conflict) with the key's answer and explanation.

    Args:
        example (ExampleSpec): what to show.
        article (Article): the example's article.
        key (Key): its (shipped) key.

    Returns:
        str: Markdown.

    Raises:
        CourseBuildError: a sid or topic the article or key does not have.
    """
    from ..keys.schema import REASON_LABELS

    parts = [example.intro.strip()]
    if example.task == "conflicts":
        by_topic = {g["topic"]: g for g in key.groups}
        for topic in example.topics:
            if topic not in by_topic:
                raise CourseBuildError(f"{article.id}: no conflict with topic {topic!r}; the key's topics are: "
                                       + "; ".join(by_topic))
            group = by_topic[topic]
            lines = [f"**Conflict: {_md(topic)}**", ""]
            lines += [f"- *{_md(c['source'])}* ({c['sid']}): “{_md(c['quote'])}”" for c in group["claims"]]
            lines += ["", f"**Why they cannot all be true:** {_md(group['explanation'])}"]
            if group.get("missing"):
                lines += ["", f"**Not heard:** {_md(', '.join(group['missing']))}."]
            parts.append("\n".join(lines))
        return "\n\n---\n\n".join(parts)
    categories = TASK_CATEGORIES[example.task]
    items = key.items[key.items["category"].isin(categories)]
    for sid in example.sids:
        try:
            text = article.sentence(sid)
        except KeyError as exc:
            raise CourseBuildError(str(exc)) from None
        lines = [f"> **{sid}** {_md(text)}", ""]
        rows = items[items["sid"] == sid].to_dict("records")
        if not rows:
            lines.append(f"**Key:** nothing to tag for {' or '.join(categories)}.")
        for row in rows:
            if row["category"] == "attribution":
                answer = f"attribution, source *{_md(row['source'])}*"
            elif row["category"] == "unverifiable":
                answer = f"unverifiable, *{REASON_LABELS[row['reason']]}*"
            else:
                answer = "unattributed (no source given)"
            optional = f" ({OPTIONAL})" if row["acceptable"] else ""
            lines.append(f"**Key:** {answer}{optional}. {_md(row['explanation'])}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def example_code(example) -> str:
    """A read-only code cell that opens the example's key for students to explore."""
    if example.task == "conflicts":
        shown = 'key.conflicts[["group", "topic", "sid", "source", "quote"]]'
    else:
        categories = list(TASK_CATEGORIES[example.task])
        shown = (f'key.items[key.items["category"].isin({_q(categories)})]'
                 '[["sid", "category", "source", "reason", "acceptable"]]')
    return (f"# The case study's whole key ships with medialit. Explore it:\n"
            f'key = medialit.load_key("{example.article}")\n{shown}')


def _widget_call(spec, mode: str) -> str:
    """``medialit.SpotX(...)`` for a widget spec."""
    articles = spec.articles[0] if len(spec.articles) == 1 else spec.articles
    return f"medialit.{spec.widget}({_q(articles)}, exercise={_q(spec.exercise)}, mode={_q(mode)})"


def practice_source(spec) -> str:
    """The practice widget cell."""
    return f"practice = {_widget_call(spec, 'practice')}\npractice"


def _typable_source(catalog, item: dict) -> str | None:
    """A name for the item's source that the assignment-mode widget accepts and the key credits."""
    from ..widgets.state import resolve_source

    names = [item["source"], *(item.get("aliases") or []), *(item.get("other_sources") or [])]
    for name in names:
        try:
            return resolve_source(catalog, name)
        except ValueError:
            continue
    return None


def solution_calls(spec, key, articles: list) -> list[str]:
    """The widget calls that give the key's answers (non-optional items only).

    Args:
        spec (GradedSpec): the graded widget.
        key (Key): the assessment key.
        articles (list[Article]): the articles the widget shows.

    Returns:
        list[str]: Python lines, one call (or comment) each.

    Raises:
        CourseBuildError: a keyed source no name of which the widget would accept.
    """
    from ..widgets.state import Catalog, candidate_sources

    name = WIDGET_NAMES[spec.task]
    if spec.task == "conflicts":
        lines = []
        for group in key.groups:
            claims = list(dict.fromkeys((c["article"], c["sid"]) for c in group["claims"]))
            if len(claims) < 2:
                lines.append(f"# {group['topic']}: all its claims lie in one sentence ({claims[0][1]}).")
                continue
            shown = [sid if len(spec.articles) == 1 else (article, sid) for article, sid in claims]
            lines.append(f"{name}.group({_q(shown)}, topic={_q(group['topic'])})")
        return lines
    catalog = Catalog.from_articles(articles, spec.task, candidate_sources(articles[0], None))
    aliases = dict(zip(key.sources["name"], key.sources["aliases"]))
    lines = []
    for item in key.items.to_dict("records"):
        if item["category"] not in TASK_CATEGORIES[spec.task] or item["acceptable"]:
            continue
        sid = item["sid"]
        if item["category"] == "unattributed":
            lines.append(f'{name}.tag("{sid}", label="unattributed")')
        elif item["category"] == "unverifiable":
            lines.append(f'{name}.tag("{sid}", reason="{item["reason"]}")')
        else:
            typed = _typable_source(catalog, {**item, "aliases": aliases.get(item["source"], [])})
            if typed is None:
                raise CourseBuildError(f"{key.article_id} {sid}: the assignment widget accepts no name of source "
                                       f"'{item['source']}'. Fix: add an alias to the key as the article writes it.")
            lines.append(f"{name}.tag({_q(sid)}, source={_q(typed)})")
    return lines


def graded_source(spec, key, articles: list) -> str:
    """The graded widget cell: the widget, a solution region with the key's answers, the widget again."""
    name = WIDGET_NAMES[spec.task]
    body = "\n".join(solution_calls(spec, key, articles))
    return (f"{name} = {_widget_call(spec, 'assignment')}\n"
            f"### BEGIN SOLUTION\n{body}\n### END SOLUTION\n{name}")


def task_key_yaml(key_text: str, task: str) -> str:
    """The part of a key a grade cell needs: its sources and the task's items (or conflicts).

    Args:
        key_text (str): the key file's YAML.
        task (str): ``attribution``, ``unverifiable`` or ``conflicts``.

    Returns:
        str: YAML of a valid key for the same article.
    """
    import yaml

    data = yaml.safe_load(key_text)
    kept = {"article": data["article"], "status": data.get("status", "reviewed"), "sources": data.get("sources", []),
            "items": [i for i in data.get("items", []) if i.get("category") in TASK_CATEGORIES[task]],
            "conflicts": data.get("conflicts", []) if task == "conflicts" else []}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=100)


def _py_string(text: str) -> str:
    """*text* as a Python literal, a readable triple-quoted block when possible."""
    if '"""' in text or "\\" in text or text.endswith('"'):
        return repr(text)
    return '"""\\\n' + text + '"""'


def hidden_tests_source(spec, key_yaml: str) -> str:
    """The grade cell: a visible note, and hidden code that prints feedback and outputs the points."""
    path = sidecar_path(spec.exercise)
    return (f"# When your teacher grades this notebook, this cell scores {path}.\n"
            "### BEGIN HIDDEN TESTS\n"
            "from medialit.grading.nbgrader import points_for_sidecar\n\n"
            f"KEY = {_py_string(key_yaml)}\n"
            f'points_for_sidecar("{path}", KEY, task="{spec.task}", max_points={spec.points:g})\n'
            "### END HIDDEN TESTS")


def notebook_from_lesson(lesson: Lesson, keys_dir: str | os.PathLike):
    """Build an assignment's nbgrader source notebook.

    Args:
        lesson (Lesson): the lesson.
        keys_dir: the folder of assessment keys (``course/keys``).

    Returns:
        nbformat.NotebookNode: version 4.5, with nbgrader metadata on every cell.

    Raises:
        CourseBuildError: a lesson refers to a sid, topic, key or source that does not exist.
        MedialitError: an article or key cannot be loaded.
    """
    from ..articles.load import load_article
    from ..keys.load import load_key

    keys_dir = Path(keys_dir)
    # Cells in reading order: what to learn, how, a worked example, practice, graded work, writing.
    nb_cells = [cells.read_only_markdown("title", f"# {lesson.title}\n\n{lesson.intro.strip()}"),
                cells.read_only_code("setup", SETUP),
                cells.read_only_markdown("lesson", lesson.lesson)]
    for i, example in enumerate(lesson.example, 1):
        article = load_article(example.article)
        shown = example_markdown(example, article, load_key(article.id))
        nb_cells.append(cells.read_only_markdown(f"example-{i}", shown))
    nb_cells.append(cells.read_only_code("example-code", example_code(lesson.example[-1])))
    for i, spec in enumerate(lesson.practice, 1):
        nb_cells += [cells.read_only_markdown(f"practice-{i}-intro", spec.intro),
                     cells.read_only_code(f"practice-{i}", practice_source(spec))]
    for i, spec in enumerate(lesson.graded, 1):
        key_path = keys_dir / f"{spec.key}.yaml"
        if not key_path.is_file():
            raise CourseBuildError(f"{lesson.assignment}: graded[{i - 1}] needs key {key_path}, which does not exist.")
        key_text = key_path.read_text(encoding="utf-8")
        key = load_key(key_path)
        if WIDGET_TASKS[spec.widget] == "conflicts" and not key.groups:
            raise CourseBuildError(f"{lesson.assignment}: key {key_path} has no conflicts to grade.")
        articles = [load_article(a) for a in spec.articles]
        tests = hidden_tests_source(spec, task_key_yaml(key_text, spec.task))
        nb_cells += [cells.read_only_markdown(f"graded-{i}-intro", spec.intro),
                     cells.autograded_answer(f"graded-{i}", graded_source(spec, key, articles)),
                     cells.autograder_tests(f"graded-{i}-score", tests, spec.points)]
    for spec in lesson.written:
        nb_cells += [cells.read_only_markdown(f"{spec.id}-prompt", spec.prompt),
                     cells.manually_graded_answer(spec.id, spec.answer, spec.points)]
    nb = nbformat.v4.new_notebook(cells=nb_cells)
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"},
                   "medialit": {"assignment": lesson.assignment, "lesson": f"course/lessons/{lesson.assignment}.yaml"}}
    return nb
