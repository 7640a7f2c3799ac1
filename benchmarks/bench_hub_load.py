"""Hub load: 30 students submit at once on a throwaway course hub; collect and parallel autograde.

Writes benchmarks/results/hub_load.json. Needs root (it creates and removes system accounts
``mlt<random>-s01`` ...) and runs only on loopback. ``python -m benchmarks bench_hub_load``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "hub_load.json"
STUDENTS = int(os.environ.get("MEDIALIT_BENCH_STUDENTS", "30"))
JOBS = 2  # autograde workers: one per core on the reference machine


def run(students: int = STUDENTS, jobs: int = JOBS) -> dict:
    """Run the load on a fresh TempHub and return the figures (see tests/hub/workflow.load_run)."""
    sys.path.insert(0, str(REPO / "hub"))
    from medialit_hub.harness import TempHub, reap_stale

    from tests.hub.assignments import StandIn, WhoSays, real_course_ready, write_standin_course

    reap_stale()
    if real_course_ready():
        assignment = WhoSays()
    else:  # before the course exists: the tests' stand-in assignment
        import tempfile

        assignment = StandIn(write_standin_course(Path(tempfile.mkdtemp()) / "course"))
    from tests.hub.workflow import load_run

    start = time.perf_counter()
    with TempHub(assignment.course, students=students) as hub:
        result = load_run(hub, assignment, workers=4, jobs=jobs)
    result["total_seconds"] = round(time.perf_counter() - start, 2)
    result["assignment"] = assignment.name
    return result


def main() -> None:
    """Run the benchmark and write benchmarks/results/hub_load.json."""
    if os.geteuid() != 0:
        print("bench_hub_load: skipped (needs root to create the student accounts)")
        return
    load_before = os.getloadavg()[0]
    result = run()
    summary = {k: v for k, v in result.items() if k not in ("intact", "scores", "expected")}
    summary.update(
        measured=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        machine={"cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform(),
                 "load_average_before": round(load_before, 2)},
        note="submit_wall_seconds: all students run `nbgrader submit` at the same moment, each as "
             "their own system user; every submission is then collected, checked byte for byte and "
             "autograded with `medialit autograde --jobs N`.",
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    bad = result["students"] - min(result["collected_intact"], result["graded"], result["scores_as_expected"])
    if bad:
        raise SystemExit(f"bench_hub_load: {bad} submissions were not collected intact or graded as expected")


if __name__ == "__main__":
    main()
