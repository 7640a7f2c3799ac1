"""The hub's settings file and the files setup writes from it (no accounts, no root needed)."""

from __future__ import annotations

import pytest

from medialit_hub.config import DEFAULT_CONFIG, HubConfigError, load_config
from medialit_hub.course import nbgrader_config_text, user_environment
from medialit_hub.sharedenv import world_executable

pytestmark = pytest.mark.hub


class TestLoadConfig:
    def test_default_config_loads(self):
        """hub/hub.toml names a course, an instructor, students and three ports."""
        config = load_config()
        assert config.course_id == "medialit"
        assert config.students and config.instructor not in config.students
        assert len({config.port, config.hub_port, config.proxy_api_port}) == 3

    def test_relative_paths_follow_the_file(self):
        """Relative paths are taken from the TOML file's folder, not the working directory."""
        config = load_config(DEFAULT_CONFIG)
        assert config.course_source == DEFAULT_CONFIG.parent.parent / "course"

    def test_bad_user_name_is_refused(self, tmp_path):
        """A user name useradd would refuse is reported with the file."""
        path = tmp_path / "hub.toml"
        path.write_text(DEFAULT_CONFIG.read_text().replace('"student1"', '"Student One"'))
        with pytest.raises(HubConfigError, match="Student One"):
            load_config(path)

    def test_same_port_twice_is_refused(self, tmp_path):
        """The hub, its API and the proxy API need three different ports."""
        path = tmp_path / "hub.toml"
        path.write_text(DEFAULT_CONFIG.read_text().replace("hub_port = 8081", "hub_port = 8000"))
        with pytest.raises(HubConfigError, match="three different ports"):
            load_config(path)

    def test_missing_file_names_it(self, tmp_path):
        """A missing config file is named in the error."""
        with pytest.raises(HubConfigError, match="no such hub config"):
            load_config(tmp_path / "nope.toml")


class TestWrittenConfig:
    def test_student_nbgrader_config(self):
        """Students' config names the course and the exchange, not a course directory."""
        config = load_config()
        text = nbgrader_config_text(config, instructor=False)
        assert f"c.Exchange.root = '{config.exchange}'" in text and "CourseDirectory.root" not in text

    def test_instructor_environment(self):
        """The instructor's processes find the shared venv first, the course and the exchange."""
        config = load_config()
        env = user_environment(config, config.instructor)
        assert env["PATH"].startswith(str(config.venv / "bin"))
        assert env["MEDIALIT_PATH"] == str(config.course_dir)
        assert env["MEDIALIT_EXCHANGE"] == str(config.exchange)
        assert "MEDIALIT_PATH" not in user_environment(config, config.students[0])

    def test_world_executable(self, tmp_path):
        """An interpreter under a private folder (like /root/.pyenv) is not usable by students."""
        private = tmp_path / "private"
        private.mkdir(mode=0o700)
        exe = private / "python3"
        exe.write_text("#!/bin/sh\n")
        exe.chmod(0o755)
        assert not world_executable(exe)
        assert world_executable("/bin/sh")
