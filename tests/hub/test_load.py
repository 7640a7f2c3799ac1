"""Many students submit at the same moment; every submission is collected intact and graded."""

from __future__ import annotations

import pytest

from medialit_hub.harness import TempHub

from .workflow import load_run

pytestmark = [pytest.mark.slow, pytest.mark.hub]
# benchmarks/bench_hub_load.py runs the same with 30 students and the real 01-who-says; here the
# stand-in assignment keeps answering and grading cheap, so the burst itself dominates.
STUDENTS = 10


@pytest.fixture(scope="module")
def load(standin):
    """The result of one burst of simultaneous submissions on accounts and an exchange of its own."""
    with TempHub(standin.course, students=STUDENTS, start=False) as hub:
        yield load_run(hub, standin, workers=4, jobs=2, real_fetch=False)


class TestLoad:
    def test_every_submission_collected_intact(self, load):
        """Each collected copy holds every file the student had, byte for byte."""
        assert load["intact"] == dict.fromkeys(load["intact"], True)

    def test_every_submission_graded_as_expected(self, load):
        """Every student is in the gradebook with the score their answers earn."""
        assert load["scores"] == pytest.approx(load["expected"])
        assert len(load["scores"]) == STUDENTS

    def test_burst_finishes(self, load):
        """The burst of submits ends in bounded time (generous: a loaded 2-core machine)."""
        assert load["submit_wall_seconds"] < 240
