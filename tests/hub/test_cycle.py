"""The whole course cycle on a real hub, each step as the account that does it."""

from __future__ import annotations

import json
import urllib.request

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.hub]


class TestHub:
    def test_accounts_are_hub_users(self, course_hub):
        """The hub knows the instructor (an admin) and every student."""
        users = {u["name"]: u for u in course_hub.api("GET", "/users")}
        assert set(course_hub.config.users) <= set(users)
        assert users[course_hub.config.instructor]["admin"]
        assert not any(users[s]["admin"] for s in course_hub.config.students)

    def test_student_logs_in_with_system_password(self, course_hub):
        """PAM accepts a student's system password and the hub answers with its session cookie."""
        import http.cookiejar

        student = course_hub.config.students[-1]
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(f"{course_hub.url}/hub/login", timeout=30).read()
        xsrf = next(c.value for c in jar if c.name == "_xsrf")
        data = f"username={student}&password={course_hub.password(student)}&_xsrf={xsrf}".encode()
        request = urllib.request.Request(f"{course_hub.url}/hub/login?next=/hub/home", data=data)
        with opener.open(request, timeout=60) as response:
            assert response.url.endswith("/hub/home")
        assert any(c.name == "jupyterhub-session-id" for c in jar)


class TestCycle:
    def test_every_score_in_gradebook(self, cycle, course_hub, assignment):
        """Every student's autograded score equals what their submitted answers earn."""
        submitted = course_hub.config.course_dir / "submitted"
        expected = {s: assignment.expected_score(i, submitted / s / assignment.name)
                    for i, s in enumerate(cycle["students"])}
        assert cycle["scores"] == pytest.approx(expected)

    def test_scores_differ_between_students(self, cycle):
        """The answers were not all the same, so the check above can tell students apart."""
        assert len(set(cycle["scores"].values())) >= 3

    def test_every_student_fetched_their_feedback(self, cycle, course_hub, assignment):
        """Each student has one feedback file per notebook, owned by them, stating their own score."""
        for index, student in enumerate(cycle["students"]):
            files = cycle["feedback"][student]
            assert [f.stem for f in files] == [assignment.notebook], student
            assert files[0].stat().st_uid == course_hub.uid(student)
            html = files[0].read_text()
            assert assignment.feedback_marker(cycle["scores"][student]) in html, student

    def test_submissions_run_as_students(self, course_hub, cycle, assignment):
        """The collected submissions carry each student's answers file as they wrote it."""
        submitted = course_hub.config.course_dir / "submitted"
        for index, student in enumerate(cycle["students"]):
            path = submitted / student / assignment.name / assignment.answers_file
            if not assignment.plan(index):
                assert not path.exists(), "no tag, so the widget never wrote a file"
                continue
            doc = json.loads(path.read_text())
            assert sorted(a["sid"] for a in doc["answers"]) == sorted(assignment.plan(index)), student
