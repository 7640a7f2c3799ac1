"""What a student may not see on the hub, each tried as that student after a full course cycle."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.hub]


def refused(hub, student: str, command: list[str]) -> bool:
    """True when *command*, run as *student*, fails with a permission error (EACCES or EPERM)."""
    proc = hub.run_as(student, command, check=False)
    return proc.returncode != 0 and ("Permission denied" in proc.stderr or "not permitted" in proc.stderr)


@pytest.fixture(scope="module")
def places(course_hub, cycle, assignment):
    """Paths the test tries: another student's work, feedback and secrets; the instructor's course."""
    config = course_hub.config
    me, other = config.students[0], config.students[1]
    other_home = config.home(other)
    course = config.exchange / config.course_id
    inbound = sorted(p for p in (course / "inbound").iterdir() if p.name.startswith(f"{other}+"))
    cache = other_home / ".local/share/jupyter/nbgrader_cache" / config.course_id
    return {
        "me": me,
        "other_notebook": other_home / assignment.name / f"{assignment.notebook}.ipynb",
        "other_answers": other_home / assignment.name / assignment.answers_file,
        "other_feedback": cycle["feedback"][other][0],
        "other_cache": cache,
        "other_submission": inbound[0],
        "inbound": course / "inbound",
        "feedback_outbound": course / "feedback",
        "course": config.course_dir,
        "keys": config.course_dir / "keys",
        "gradebook": config.course_dir / "gradebook.db",
        "submitted": config.course_dir / "submitted" / other / assignment.name / assignment.answers_file,
        "autograded": config.course_dir / "autograded" / other / assignment.name,
        "outbound": course / "outbound" / assignment.name,
    }


class TestOtherStudents:
    def test_cannot_list_submissions(self, course_hub, places):
        """The exchange's inbound folder cannot be listed, so others' submission names stay unknown."""
        assert refused(course_hub, places["me"], ["ls", str(places["inbound"])])

    def test_submission_name_is_unguessable(self, places):
        """Each submission folder ends in nbgrader's random string (student+assignment+time+random)."""
        assert len(places["other_submission"].name.split("+")) == 4

    def test_cannot_list_released_feedback(self, course_hub, places):
        """The exchange's feedback folder cannot be listed (feedback files are named by a secret hash)."""
        assert refused(course_hub, places["me"], ["ls", str(places["feedback_outbound"])])

    def test_cannot_read_fetched_feedback(self, course_hub, places):
        """Another student's fetched feedback, in their home, is refused."""
        assert refused(course_hub, places["me"], ["cat", str(places["other_feedback"])])

    def test_cannot_read_work_or_answers(self, course_hub, places):
        """Another student's notebook and answers, in their home, are refused."""
        assert refused(course_hub, places["me"], ["cat", str(places["other_notebook"])])
        assert refused(course_hub, places["me"], ["ls", str(places["other_answers"].parent)])

    def test_cannot_read_submission_secrets(self, course_hub, places):
        """The nbgrader cache with each submission's secret (which names its feedback) is refused."""
        assert refused(course_hub, places["me"], ["ls", str(places["other_cache"])])


class TestInstructorFiles:
    @pytest.mark.parametrize("place", ["course", "keys", "gradebook", "submitted", "autograded"])
    def test_course_directory_refused(self, course_hub, places, place):
        """The instructor's course folder, keys, gradebook and graded work are refused."""
        command = ["ls", str(places[place])] if places[place].is_dir() else ["cat", str(places[place])]
        assert refused(course_hub, places["me"], command)

    def test_cannot_change_released_assignment(self, course_hub, places):
        """A student cannot write into the released assignment others fetch."""
        assert refused(course_hub, places["me"], ["touch", str(places["outbound"] / "planted.txt")])

    def test_cannot_remove_course_from_exchange(self, course_hub, places):
        """The exchange's sticky bit keeps students from deleting the course folder."""
        course = places["inbound"].parent
        assert refused(course_hub, places["me"], ["mv", str(course), str(course) + "-gone"])
        assert course.is_dir()
