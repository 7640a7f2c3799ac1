"""Fixtures of the hub tests: a throwaway JupyterHub with real system accounts, and one course cycle.

Everything runs on loopback. Accounts are named ``mlt<5 random>-inst`` and ``...-s01`` etc.; the
fixtures' finalizers stop the hub and remove the accounts, their processes and every file,
also when a test fails. Hubs left by a killed test run are removed at the next session start.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from .assignments import REPO

sys.path.insert(0, str(REPO / "hub"))

from medialit_hub.harness import TempHub, reap_stale  # noqa: E402

from .assignments import StandIn, WhoSays, real_course_ready, write_standin_course  # noqa: E402
from .workflow import full_cycle, release  # noqa: E402

CYCLE_STUDENTS = 5


def pytest_configure(config):
    config.addinivalue_line("markers", "hub: runs a real JupyterHub with system accounts (root, loopback only)")


def _missing() -> str | None:
    if os.geteuid() != 0:
        return "the hub tests create system users: run them as root"
    for tool in ("useradd", "userdel", "runuser", "chpasswd"):
        if not shutil.which(tool, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin"):
            return f"{tool} is missing"
    if not shutil.which("npm") and not (REPO / "hub" / "node_modules").exists():
        return "npm is missing (the hub's proxy comes from the npm registry)"
    return None


@pytest.fixture(scope="session")
def hub_ready():
    """Skip unless this machine can run a hub; remove hubs a killed earlier run left behind."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    reap_stale()


@pytest.fixture(scope="session")
def assignment(hub_ready, tmp_path_factory):
    """The real course's 01-who-says once it exists, else our stand-in course."""
    if real_course_ready():
        return WhoSays()
    return StandIn(write_standin_course(tmp_path_factory.mktemp("standin-main") / "course"))


@pytest.fixture(scope="session")
def course_hub(assignment):
    """A running hub with an instructor and six students (five for the cycle, one for the browser)."""
    with TempHub(assignment.course, students=CYCLE_STUDENTS + 1) as hub:
        yield hub


@pytest.fixture(scope="session")
def released(course_hub, assignment):
    """The instructor has generated and released the assignment on ``course_hub``."""
    release(course_hub, assignment)
    return assignment


@pytest.fixture(scope="session")
def cycle(course_hub, released):
    """The whole course cycle, run once for the first five students of ``course_hub``."""
    return full_cycle(course_hub, released, students=course_hub.config.students[:CYCLE_STUDENTS], released=True)


@pytest.fixture(scope="session")
def standin(hub_ready, tmp_path_factory):
    """Our own one-notebook assignment (cheap to grade), for tests that need many students."""
    return StandIn(write_standin_course(tmp_path_factory.mktemp("standin") / "course"))
