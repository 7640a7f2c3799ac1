"""One course cycle on a hub, each step run as the account that does it in a real course.

release -> fetch -> answer -> submit -> collect -> autograde -> feedback -> fetch feedback.
Students' steps run in a bounded thread pool, each as that student through ``runuser``.
Used by tests/hub/ and benchmarks/bench_hub_load.py.
"""

from __future__ import annotations

import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


class StepError(AssertionError):
    """A step of the cycle failed; the message has the command and its output."""


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """Return *proc*, or raise StepError with its command, exit code and output."""
    if proc.returncode:
        raise StepError(f"{' '.join(map(str, proc.args))} exited {proc.returncode}\n"
                        f"--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    return proc


def as_instructor(hub, args, **kwargs) -> subprocess.CompletedProcess:
    """Run *args* as the instructor, in the course directory."""
    return ok(hub.run_as(hub.config.instructor, args, cwd=hub.config.course_dir, check=False, **kwargs))


def as_student(hub, student: str, args, **kwargs) -> subprocess.CompletedProcess:
    """Run *args* as *student*, in their home."""
    return ok(hub.run_as(student, args, check=False, **kwargs))


def each_student(fn, students, workers: int = 4) -> list:
    """Call ``fn(index, student)`` for every student, at most *workers* at a time; re-raise the first error."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(fn, i, s) for i, s in enumerate(students)]
        return [f.result() for f in futures]


def release(hub, assignment) -> None:
    """Instructor: generate the student version and release it to the exchange."""
    as_instructor(hub, ["nbgrader", "generate_assignment", assignment.name, "--force"])
    as_instructor(hub, ["nbgrader", "release_assignment", assignment.name, "--force"])


def fetch(hub, student: str, assignment) -> Path:
    """Student: fetch the released assignment into their home; returns its folder."""
    as_student(hub, student, ["nbgrader", "fetch_assignment", assignment.name])
    return hub.config.home(student) / assignment.name


def place_released(hub, student: str, assignment) -> Path:
    """Root copies the released assignment into *student*'s home, owned by them: what
    ``nbgrader fetch_assignment`` does, without its start-up cost (the load test's preparation)."""
    import shutil

    dest = hub.config.home(student) / assignment.name
    shutil.copytree(hub.config.exchange / hub.config.course_id / "outbound" / assignment.name, dest)
    uid = hub.uid(student)
    for path in [dest, *dest.rglob("*")]:
        os.lchown(path, uid, uid)
    return dest


def answer(hub, student: str, index: int, assignment) -> None:
    """Student: write answers through the medialit API, in the fetched folder."""
    as_student(hub, student, ["python", "-c", assignment.answer_code(index)],
               cwd=hub.config.home(student) / assignment.name)


def submit(hub, student: str, assignment) -> subprocess.CompletedProcess:
    """Student: submit the assignment folder to the exchange."""
    return as_student(hub, student, ["nbgrader", "submit", assignment.name])


def collect(hub, assignment) -> None:
    """Instructor: copy every submission from the exchange into submitted/."""
    as_instructor(hub, ["nbgrader", "collect", assignment.name])


def autograde(hub, assignment, jobs: int = 2) -> subprocess.CompletedProcess:
    """Instructor: grade every collected submission, ``jobs`` at a time (``medialit autograde``)."""
    return as_instructor(hub, ["medialit", "autograde", assignment.name, "--jobs", str(jobs),
                               "--course-dir", str(hub.config.course_dir)])


def release_feedback(hub, assignment) -> None:
    """Instructor: generate the HTML feedback and put it in the exchange."""
    as_instructor(hub, ["nbgrader", "generate_feedback", assignment.name])
    as_instructor(hub, ["nbgrader", "release_feedback", assignment.name])


def fetch_feedback(hub, student: str, assignment) -> list[Path]:
    """Student: fetch their feedback; returns the HTML files now in ~/<assignment>/feedback/."""
    as_student(hub, student, ["nbgrader", "fetch_feedback", assignment.name])
    return sorted((hub.config.home(student) / assignment.name / "feedback").glob("*/*.html"))


def gradebook_scores(hub, assignment) -> dict[str, float]:
    """``{student: total score}`` of *assignment* in the instructor's gradebook (read as root)."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{hub.config.course_dir / 'gradebook.db'}") as gb:
        return {s.student.id: s.score for s in gb.assignment_submissions(assignment.name)}


def full_cycle(hub, assignment, students=None, workers: int = 4, jobs: int = 2, released: bool = False) -> dict:
    """Run the whole cycle for *students* (default: all); returns seconds per step and the results.

    ``released=True`` skips the first step when the assignment is already in the exchange.
    """
    students = list(students or hub.config.students)
    seconds: dict[str, float] = {}

    def timed(step, fn, *args):
        start = time.perf_counter()
        result = fn(*args)
        seconds[step] = round(time.perf_counter() - start, 2)
        return result

    if not released:
        timed("release", release, hub, assignment)
    timed("fetch", each_student, lambda i, s: fetch(hub, s, assignment), students, workers)
    timed("answer", each_student, lambda i, s: answer(hub, s, i, assignment), students, workers)
    timed("submit", each_student, lambda i, s: submit(hub, s, assignment), students, workers)
    timed("collect", collect, hub, assignment)
    timed("autograde", autograde, hub, assignment, jobs)
    timed("feedback", release_feedback, hub, assignment)
    feedback = timed("fetch_feedback", each_student, lambda i, s: fetch_feedback(hub, s, assignment),
                     students, workers)
    return {"seconds": seconds, "students": students, "feedback": dict(zip(students, feedback)),
            "scores": {s: v for s, v in gradebook_scores(hub, assignment).items() if s in students}}


def files_digest(folder: Path, skip=("feedback", ".ipynb_checkpoints")) -> dict[str, str]:
    """``{relative path: sha256}`` of the files under *folder* (read as root)."""
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not set(p.relative_to(folder).parts) & set(skip)}


def load_run(hub, assignment, workers: int = 4, jobs: int = 2, real_fetch: bool = True) -> dict:
    """Every student of *hub* submits at the same moment; then collect, autograde, check.

    Preparation (release, fetch, answers) is not timed; with ``real_fetch=False`` root places
    the released files in each home instead of running ``nbgrader fetch_assignment`` (the
    cycle test covers fetching; this keeps the load test short). The submits start together from a
    thread pool as wide as the class, each as its student; the result has the wall time of the
    whole burst, each submit's latency, collect and autograde times, and per student whether the
    collected copy is byte-identical to what they submitted and which score they got.
    """
    import threading

    students = list(hub.config.students)
    release(hub, assignment)
    get = fetch if real_fetch else place_released
    each_student(lambda i, s: get(hub, s, assignment), students, workers)
    each_student(lambda i, s: answer(hub, s, i, assignment), students, workers)
    sent = {s: files_digest(hub.config.home(s) / assignment.name) for s in students}

    barrier = threading.Barrier(len(students))
    latency: dict[str, float] = {}

    def burst(index, student):
        barrier.wait()
        start = time.perf_counter()
        submit(hub, student, assignment)
        latency[student] = time.perf_counter() - start

    start = time.perf_counter()
    each_student(burst, students, workers=len(students))
    submit_wall = time.perf_counter() - start
    start = time.perf_counter()
    collect(hub, assignment)
    collect_seconds = time.perf_counter() - start
    start = time.perf_counter()
    autograde(hub, assignment, jobs)
    autograde_seconds = time.perf_counter() - start

    submitted = hub.config.course_dir / "submitted"
    intact = {}
    for student in students:
        got = files_digest(submitted / student / assignment.name)
        intact[student] = all(got.get(path) == digest for path, digest in sent[student].items())
    scores = gradebook_scores(hub, assignment)
    expected = {s: assignment.expected_score(i, submitted / s / assignment.name) for i, s in enumerate(students)}
    lat = sorted(latency.values())
    return {
        "students": len(students),
        "submit_wall_seconds": round(submit_wall, 2),
        "submit_latency_seconds": {"min": round(lat[0], 2), "median": round(lat[len(lat) // 2], 2),
                                   "max": round(lat[-1], 2)},
        "collect_seconds": round(collect_seconds, 2),
        "autograde_seconds": round(autograde_seconds, 2),
        "autograde_jobs": jobs,
        "collected_intact": sum(intact.values()),
        "graded": sum(1 for s in students if s in scores),
        "scores_as_expected": sum(1 for s in students if abs(scores.get(s, -1) - expected[s]) < 1e-6),
        "intact": intact,
        "scores": scores,
        "expected": expected,
    }
