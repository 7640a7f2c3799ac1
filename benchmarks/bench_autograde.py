"""Sequential ``nbgrader autograde`` against ``medialit autograde --jobs 2``: 30 submissions of a course assignment.

Uses the course's capstone (three grade cells and a written answer) when ``course/source`` has it,
otherwise the first course assignment with a grade cell, otherwise a small built-in notebook.
Submissions are the released notebook with a random part of the instructor's solution, some
sources swapped and a written answer or none; five are late. Five timed runs (sequential, parallel,
one job, parallel, sequential) each start from a copy of the same course; every medialit run's gradebook and
autograded/ folders must match the first sequential one. Writes benchmarks/results/autograde.json.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "autograde.json"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # nbgrader runs alembic
SUBMISSIONS, LATE, JOBS, SEED = 30, 5, 2, 20160504
DUE = "2026-02-02 09:00:00"
PREFERRED = "04-capstone"
# Symmetric order, to cancel a steady drift in machine load. "one_job" (medialit autograde --jobs 1)
# separates what parallelism gives (one_job / parallel) from medialit's lighter start-up (sequential / one_job).
ORDER = ("sequential", "parallel", "one_job", "parallel", "sequential")
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n?", re.S)


def _run(*argv: str, cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(list(argv), cwd=cwd, env=ENV, capture_output=True, text=True)
    return time.perf_counter() - start, done


def _cpu_seconds() -> float:
    """CPU time of all finished child processes so far (kernels included: their parents reap them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pick_assignment() -> Path | None:
    """The course assignment to grade: the capstone, else any with a grade cell, else None."""
    source = REPO / "course" / "source"
    folders = sorted(source.glob("*/")) if source.is_dir() else []
    folders.sort(key=lambda f: f.name != PREFERRED)
    for folder in folders:
        for path in folder.glob("*.ipynb"):
            cells = json.loads(path.read_text())["cells"]
            if any(c["metadata"].get("nbgrader", {}).get("grade") for c in cells):
                return folder
    return None


def _builtin_assignment(root: Path) -> None:
    """A small notebook in the style of the course: one answer cell, two grade cells, one written answer."""
    import nbformat

    def cell(kind, text, **meta):
        made = nbformat.v4.new_code_cell(text) if kind == "code" else nbformat.v4.new_markdown_cell(text)
        made.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False, "locked": False, **meta}
        return made

    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [
        cell("code", "import pandas as pd\nimport medialit", locked=True, grade_id="setup"),
        cell("code", "sources = {}\n### BEGIN SOLUTION\nsources['p2s2'] = 'Igor Konashenkov'\n"
             "sources['p3s1'] = 'Doctors without Borders'\nsources['p4s1'] = 'Igor Konashenkov'\n### END SOLUTION\n",
             solution=True, grade_id="answer"),
        cell("code", "key = {'p2s2': 'Igor Konashenkov', 'p3s1': 'Doctors without Borders',\n"
             "       'p4s1': 'Igor Konashenkov'}\n"
             "frame = pd.DataFrame({'sid': list(key), 'right': [sources.get(s) == v for s, v in key.items()]})\n"
             "3 * frame['right'].mean()", grade=True, locked=True, grade_id="score", points=3),
        cell("code", "assert len(sources) <= 3", grade=True, locked=True, grade_id="not-too-many", points=1),
        cell("markdown", "YOUR ANSWER HERE", grade=True, solution=True, grade_id="written", points=2),
    ]
    (root / "source" / "bench").mkdir(parents=True)
    nbformat.write(nb, root / "source" / "bench" / "bench.ipynb")
    (root / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'bench'\n"
                                             "c.ClearSolutions.code_stub = {'python': '# your answer'}\n")


def _student_solution(solution: str, rng: random.Random, skill: float) -> str:
    """Part of the instructor's solution lines, with some quoted sources or reasons swapped."""
    lines = [line for line in solution.splitlines() if line.strip()]
    values = re.findall(r'(?:source|reason)="([^"]*)"', solution)
    kept = []
    for line in lines:
        if rng.random() > skill:
            continue
        if values and rng.random() < 0.15:
            line = re.sub(r'((?:source|reason)=")[^"]*"', lambda m: m.group(1) + rng.choice(values) + '"', line)
        kept.append(line)
    return "\n".join(kept) + "\n"


def build_course(root: Path) -> str:
    """Generate one assignment in ``root`` and write the submissions; return the assignment id."""
    import nbformat
    from nbgrader.api import Gradebook

    chosen = _pick_assignment()
    if chosen is None:
        _builtin_assignment(root)
        assignment = "bench"
    else:
        assignment = chosen.name
        shutil.copy(REPO / "course" / "nbgrader_config.py", root / "nbgrader_config.py")
        shutil.copytree(chosen, root / "source" / assignment, ignore=shutil.ignore_patterns("answers", ".ipynb*"))
    seconds, done = _run(str(BIN / "nbgrader"), "generate_assignment", assignment, "--course-dir", str(root), cwd=root)
    if done.returncode:
        raise RuntimeError(f"nbgrader generate_assignment {assignment} failed:\n{done.stderr}")
    config = (root / "nbgrader_config.py").read_text()
    course_id = re.search(r"course_id\s*=\s*['\"]([^'\"]+)", config).group(1)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id) as gb:
        gb.update_or_create_assignment(assignment, duedate=DUE)
    source = nbformat.read(next((root / "source" / assignment).glob("*.ipynb")), as_version=4)
    solutions = {c.metadata["nbgrader"]["grade_id"]: SOLUTION.search(c.source).group(1)
                 for c in source.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    released_path = next((root / "release" / assignment).glob("*.ipynb"))
    released = nbformat.read(released_path, as_version=4)
    rng = random.Random(SEED)
    for number in range(SUBMISSIONS):
        skill = rng.uniform(0.3, 1.0)
        submitted = nbformat.from_dict(json.loads(json.dumps(released)))
        for cell in submitted.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade_id") in solutions:
                # The released cell is setup, the stub comment, then the widget's name: answer before the last line.
                head, _, last = cell.source.rstrip("\n").rpartition("\n")
                cell.source = f"{head}\n{_student_solution(solutions[meta['grade_id']], rng, skill)}{last}"
            elif meta.get("solution") and cell.cell_type == "markdown" and rng.random() < 0.7:
                cell.source = "The headline states one side's claim as fact; it should name who says it."
        folder = root / "submitted" / f"student{number:02d}" / assignment
        folder.mkdir(parents=True)
        nbformat.write(submitted, folder / released_path.name)
        late_days = rng.randint(1, 3) if number % (SUBMISSIONS // LATE) == 0 else 0
        (folder / "timestamp.txt").write_text(f"2026-02-0{1 + late_days} 18:30:00.000000 UTC")
    return assignment


def _normalized(text: str) -> str:
    text = re.sub(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])", "<model-id>", text)
    text = re.sub(r" at 0x[0-9a-f]+", " at 0x?", text)  # object addresses in reprs
    return re.sub(r"\b\d\d:\d\d:\d\d\b", "hh:mm:ss", text)  # the widget's "Saved ... at 22:43:52."


def _normalized_notebook(text: str) -> str:
    """A notebook less what differs between any two nbgrader runs: timings, widget ids, addresses, clock times."""
    nb = json.loads(text)
    for cell in nb["cells"]:
        cell["metadata"].pop("execution", None)
        # How stdout and stderr text is cut into stream outputs depends on timing; compare each stream's text.
        streams = {}
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                text = output["text"] if isinstance(output["text"], str) else "".join(output["text"])
                streams[output["name"]] = streams.get(output["name"], "") + text
        if streams:
            cell["outputs"] = [o for o in cell["outputs"] if o["output_type"] != "stream"] + [streams]
    widgets = nb["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json")
    if widgets:  # a dict keyed by random model ids: compare its values, sorted
        widgets["state"] = sorted(_normalized(json.dumps(v, sort_keys=True)) for v in widgets["state"].values())
    return _normalized(json.dumps(nb, sort_keys=True))


def _autograded_files(root: Path) -> dict[str, object]:
    files = {}
    for path in sorted((root / "autograded").rglob("*")):
        if path.is_file():
            text = path.read_text()
            if path.suffix == ".ipynb":
                text = _normalized_notebook(text)
            elif path.parent.name == "answers" and path.suffix == ".json":
                text = {**json.loads(text), "updated": None}  # the widget stamps the time it saved them
            files[str(path.relative_to(root))] = (oct(path.stat().st_mode), text)
    return files


def _first_difference(seq: dict, par: dict, differing: list[str]) -> list[str]:
    """A short diff of the first file that differs, to see why."""
    import difflib

    if not differing:
        return []
    name = differing[0]
    lines = [json.dumps(json.loads(f[name][1]), indent=1).splitlines() if name.endswith(".ipynb")
             else str(f.get(name)).splitlines() for f in (seq, par) if name in f]
    if len(lines) < 2:
        return [f"{name}: only in one run"]
    return [line[:200] for line in difflib.unified_diff(*lines, "sequential", "parallel", lineterm="", n=1)][:30]


def _grade(mode: str, root: Path, assignment: str) -> dict:
    """Run one timed autograde of the whole class; return wall and CPU seconds."""
    if mode == "sequential":
        argv = [str(BIN / "nbgrader"), "autograde", assignment, "--course-dir", str(root)]
    else:
        argv = [sys.executable, "-m", "medialit.cli.main", "autograde", assignment, "--jobs",
                str(JOBS if mode == "parallel" else 1), "--course-dir", str(root)]
    load, cpu = os.getloadavg()[0], _cpu_seconds()
    seconds, done = _run(*argv, cwd=root)
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv[:3])} failed:\n{done.stderr[-3000:]}")
    return {"mode": mode, "seconds": round(seconds, 2), "cpu_seconds": round(_cpu_seconds() - cpu, 1),
            "load_average_1min_before": round(load, 2)}


def _mean(runs: list[dict], mode: str, field: str) -> float:
    values = [run[field] for run in runs if run["mode"] == mode]
    return sum(values) / len(values)


def main() -> None:
    """Grade the same 30 submissions sequentially and with --jobs 2, check the results match, save the times."""
    from medialit.grading._parallel_compare import gradebook_records

    with tempfile.TemporaryDirectory(prefix="bench-autograde-") as tmp:
        base = Path(tmp, "course")
        base.mkdir()
        assignment = build_course(base)
        # Warm the disk cache for nbgrader's and the kernel's imports, so no timed run pays for it.
        warm = shutil.copytree(base, Path(tmp, "warm"))
        _run(str(BIN / "nbgrader"), "autograde", assignment, "--course-dir", str(warm), "--student", "student01",
             cwd=warm)
        runs, roots = [], []
        for number, mode in enumerate(ORDER):
            roots.append(shutil.copytree(base, Path(tmp, f"{number}-{mode}")))
            runs.append(_grade(mode, roots[-1], assignment))
        records = [gradebook_records(root / "gradebook.db") for root in roots]
        files = [_autograded_files(root) for root in roots]
        integrity = []
        for root in roots:
            with closing(sqlite3.connect(root / "gradebook.db")) as conn:
                integrity.append(conn.execute("PRAGMA integrity_check").fetchone()[0])
        reference = ORDER.index("sequential")
        parallel = [i for i, mode in enumerate(ORDER) if mode != "sequential"]
        differing = sorted({n for i in parallel for n in files[i].keys() | files[reference].keys()
                            if files[i].get(n) != files[reference].get(n)})
        first_difference = _first_difference(files[reference], files[parallel[0]], differing)
        totals = records[parallel[0]]["totals"]
    seq_seconds, par_seconds = _mean(runs, "sequential", "seconds"), _mean(runs, "parallel", "seconds")
    one_seconds = _mean(runs, "one_job", "seconds")
    result = {
        "assignment": assignment,
        "submissions": SUBMISSIONS,
        "late_submissions": sum(row[7] > 0 for row in totals),
        "grade_cells": len({row[3] for row in records[reference]["grades"]}),
        "jobs": JOBS,
        "cores": os.cpu_count(),
        "sequential_seconds": round(seq_seconds, 2),
        "parallel_seconds": round(par_seconds, 2),
        "speedup": round(seq_seconds / par_seconds, 3),
        "one_job_seconds": round(one_seconds, 2),
        "speedup_from_parallelism": round(one_seconds / par_seconds, 3),
        "speedup_from_start_up": round(seq_seconds / one_seconds, 3),
        "sequential_cpu_seconds": round(_mean(runs, "sequential", "cpu_seconds"), 1),
        "parallel_cpu_seconds": round(_mean(runs, "parallel", "cpu_seconds"), 1),
        "runs": runs,
        "gradebooks_match": all(records[i] == records[reference] for i in parallel),
        "autograded_files": len(files[reference]),
        "autograded_files_match": not differing,
        "autograded_files_differing": differing[:10],
        "first_difference": first_difference,
        "sequential_runs_match": records[0] == records[-1] and files[0] == files[-1],
        "integrity_check": sorted(set(integrity)),
        "score_range": [min(row[2] for row in totals), max(row[2] for row in totals)],
        "python": platform.python_version(),
        "note": ("wall time of each whole command (process start included), runs in the order "
                 f"{', '.join(ORDER)} on the same machine; times are means. sequential is nbgrader autograde, "
                 f"parallel is medialit autograde --jobs {JOBS}, one_job is medialit autograde --jobs 1. "
                 "The machine is shared: see each run's load average."),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    if not (result["gradebooks_match"] and result["autograded_files_match"] and integrity == ["ok"] * len(ORDER)):
        raise SystemExit("parallel autograde did not reproduce sequential nbgrader's results")
