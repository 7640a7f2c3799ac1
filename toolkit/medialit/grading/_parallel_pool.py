"""Worker processes for parallel autograde: start N graders, hand out submissions one at a time.

Each worker is one long-lived Python process (forked on Linux, so nbgrader is imported once, by
the parent) with its own copy of the gradebook and its own kernels; it grades one submission at
a time and sends back an ``Outcome``. The parent is the only writer of the real gradebook.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import wait
from pathlib import Path

from ._parallel_delta import copy_database
from ._parallel_nbgrader import Outcome, Submission, autograde_app, grade_submission


def serve(conn, argv: list[str], snapshot: str, scratch: str, number: int) -> None:
    """Worker process: grade the submissions the parent sends until it sends None.

    Args:
        conn (multiprocessing.connection.Connection): pipe to the parent.
        argv (list[str]): nbgrader arguments, as the parent used them.
        snapshot (str): the gradebook as it was when the run started.
        scratch (str): the run's scratch folder.
        number (int): this worker's number, for file names.
    """
    # nbgrader's log and the kernels' stderr go to a per-worker file, not over the progress bar.
    log = os.open(os.path.join(scratch, f"worker-{number}.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(log, 1)
    os.dup2(log, 2)
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)  # nbgrader 0.9 on SQLAlchemy 2: noise only
    db = Path(scratch, f"worker-{number}.db")
    copy_database(snapshot, db)
    app = autograde_app(argv)
    app.coursedir.db_url = f"sqlite:///{db}"
    before = Path(scratch, f"worker-{number}-before.db")
    try:
        while (submission := conn.recv()) is not None:
            conn.send(grade_submission(app, submission, db, before))
    except (KeyboardInterrupt, EOFError, BrokenPipeError):
        pass
    finally:
        conn.close()


class WorkerPool:
    """N worker processes, started on entering the context and stopped on leaving it."""

    def __init__(self, jobs: int, argv: list[str], snapshot: Path, scratch: Path) -> None:
        """Prepare, but do not start, the workers.

        Args:
            jobs (int): how many worker processes.
            argv (list[str]): nbgrader arguments for the workers' apps.
            snapshot (Path): the gradebook at the start of the run.
            scratch (Path): folder for the workers' gradebook copies and logs.
        """
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self._context = multiprocessing.get_context(method)
        self._args = (argv, str(snapshot), str(scratch))
        self._jobs = jobs
        self.scratch = scratch
        self._workers: list = []

    def __enter__(self) -> WorkerPool:
        # Objects from before the fork are never collected in a worker, so its garbage collector
        # does not touch (and copy) every page it shares with the parent.
        gc.freeze()
        for number in range(self._jobs):
            parent, child = self._context.Pipe()
            process = self._context.Process(target=serve, args=(child, *self._args, number), daemon=True,
                                            name=f"medialit-autograde-{number}")
            process.start()
            child.close()
            self._workers.append((process, parent))
        gc.unfreeze()
        return self

    def __exit__(self, *exc) -> None:
        for process, conn in self._workers:
            try:
                conn.send(None)
            except OSError:
                pass
        for process, conn in self._workers:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
                process.join()
            conn.close()

    def grade(self, submissions: list[Submission],
              handle: Callable[[Submission, Outcome], bool]) -> None:
        """Grade submissions on the workers, calling ``handle`` in this process as each finishes.

        Submissions are handed out in order, one per idle worker. When ``handle`` returns False
        no further submission is handed out; those already running finish and are handled.

        Args:
            submissions (list[Submission]): what to grade.
            handle (Callable[[Submission, Outcome], bool]): called once per submission.
        """
        pending = deque(submissions)
        busy: dict = {}
        stop = False

        def hand_out(process, conn) -> bool:
            if not pending or stop:
                return True
            submission = pending.popleft()
            try:
                conn.send(submission)
            except OSError:  # the worker died before it got this submission
                return handle(submission, self._died(process))
            busy[conn] = (process, submission)
            return True

        for process, conn in self._workers:
            stop = not hand_out(process, conn) or stop
        while busy:
            for conn in wait(list(busy)):
                process, submission = busy.pop(conn)
                try:
                    outcome = conn.recv()
                except (EOFError, OSError):
                    stop = not handle(submission, self._died(process)) or stop
                    continue
                stop = not handle(submission, outcome) or stop
                stop = not hand_out(process, conn) or stop
        while pending and not stop:  # every worker died
            stop = not handle(pending.popleft(), Outcome("failed", errors=["no worker process left to grade it"]))

    def _died(self, process) -> Outcome:
        process.join(timeout=5)
        log = self.scratch / f"worker-{process.name.rsplit('-', 1)[1]}.log"
        tail = log.read_text(errors="replace").splitlines()[-20:] if log.exists() else []
        return Outcome("crashed", errors=[
            f"the worker process grading it died (exit code {process.exitcode}); the end of its log:",
            *tail])
