"""nbgrader on the hub: the shared exchange, the instructor's course copy, each account's config."""

from __future__ import annotations

import json
import os
import pwd
import shutil
from pathlib import Path

from .config import HubConfig

# Runtime folders of an nbgrader course: never copied from the repository into the hub.
_NOT_COPIED = shutil.ignore_patterns("gradebook.db", "submitted", "autograded", "feedback", "release",
                                     "__pycache__", ".ipynb_checkpoints", "*.log")
# Lab plugins students do not get (nbgrader's docs: students use only the assignment list).
STUDENT_DISABLED_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                            "@jupyter/nbgrader:course-list")
STUDENT_DISABLED_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                                      "nbgrader.server_extensions.course_list")


def ensure_exchange(config: HubConfig) -> Path:
    """Create nbgrader's exchange: owned by root, mode 1777 (everyone writes, sticky).

    nbgrader's docs ask for a directory "readable and writable by all users"; the sticky bit
    keeps a student from deleting or renaming the instructor's course folder inside it.
    nbgrader itself gives ``<course>/inbound`` mode 2733 and ``<course>/feedback`` 0711, so
    nobody but the instructor can list submissions or feedback.
    """
    config.root.mkdir(parents=True, exist_ok=True)
    os.chmod(config.root, 0o755)
    config.state_dir.mkdir(exist_ok=True)
    os.chmod(config.state_dir, 0o700)
    config.exchange.mkdir(exist_ok=True)
    os.chown(config.exchange, 0, 0)
    os.chmod(config.exchange, 0o1777)
    return config.exchange


def _chown_tree(path: Path, user: str) -> None:
    entry = pwd.getpwnam(user)
    for dirpath, dirnames, filenames in os.walk(path):
        os.chown(dirpath, entry.pw_uid, entry.pw_gid)
        for name in filenames:
            os.lchown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)


def _write_owned(path: Path, text: str, user: str, mode: int = 0o644) -> None:
    entry = pwd.getpwnam(user)
    path.parent.mkdir(parents=True, exist_ok=True)
    home = Path(entry.pw_dir)
    for parent in [p for p in path.parents if home in p.parents or p == home][::-1]:
        os.chown(parent, entry.pw_uid, entry.pw_gid)
    path.write_text(text, encoding="utf-8")
    os.chown(path, entry.pw_uid, entry.pw_gid)
    os.chmod(path, mode)


def copy_course(config: HubConfig, refresh: bool = False) -> Path:
    """Copy the course directory into the instructor's home (private: 0700), once.

    Args:
        refresh: replace ``source/``, ``keys/`` and the course config with the repository's
            versions even when the instructor already has a copy; the gradebook and the
            submitted/autograded/feedback folders are never touched.

    Returns:
        The instructor's course directory.
    """
    dest = config.course_dir
    if not config.course_source.is_dir():
        raise FileNotFoundError(f"{config.file}: [course] source {config.course_source} is not a folder.")
    if not dest.exists():
        shutil.copytree(config.course_source, dest, ignore=_NOT_COPIED)
    elif refresh:
        shutil.copytree(config.course_source, dest, ignore=_NOT_COPIED, dirs_exist_ok=True)
    _chown_tree(dest, config.instructor)
    os.chmod(dest, 0o700)
    return dest


def nbgrader_config_text(config: HubConfig, instructor: bool) -> str:
    """The ``~/.jupyter/nbgrader_config.py`` of one account."""
    lines = [
        "# Written by hub/run-hub (medialit course hub); rerunning setup overwrites it.",
        "c = get_config()  # noqa: F821",
        f"c.CourseDirectory.course_id = {config.course_id!r}",
        f"c.Exchange.root = {str(config.exchange)!r}",
    ]
    if instructor:
        lines.append(f"c.CourseDirectory.root = {str(config.course_dir)!r}")
    return "\n".join(lines) + "\n"


def write_user_configs(config: HubConfig) -> None:
    """Give every account its nbgrader config; hide the instructor tools from students.

    Students get a lab ``page_config.json`` that disables the formgrader, create-assignment and
    course-list plugins and a server config that turns off the matching server extensions.
    """
    for user in config.users:
        jupyter = config.home(user) / ".jupyter"
        is_instructor = user == config.instructor
        _write_owned(jupyter / "nbgrader_config.py", nbgrader_config_text(config, is_instructor), user)
        page = {"disabledExtensions": {} if is_instructor else dict.fromkeys(STUDENT_DISABLED_PLUGINS, True)}
        _write_owned(jupyter / "labconfig" / "page_config.json", json.dumps(page, indent=1) + "\n", user)
        server = {"ServerApp": {"jpserver_extensions": {}
                                if is_instructor else dict.fromkeys(STUDENT_DISABLED_SERVER_EXTENSIONS, False)}}
        _write_owned(jupyter / "jupyter_server_config.json", json.dumps(server, indent=1) + "\n", user)


def user_environment(config: HubConfig, user: str) -> dict[str, str]:
    """Environment of every process the hub runs for *user* (servers and command-line tools).

    The shared venv's bin comes first on PATH (nbgrader shells out to ``alembic``);
    MEDIALIT_EXCHANGE names the exchange, since the course's own nbgrader_config.py (loaded
    when the instructor works in the course folder) reads it; the instructor's MEDIALIT_PATH
    holds the course, so articles and assessment keys resolve.
    """
    env = {
        "PATH": f"{config.venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": str(config.home(user)),
        "USER": user,
        "LOGNAME": user,
        "SHELL": "/bin/bash",
        "MEDIALIT_EXCHANGE": str(config.exchange),
    }
    if user == config.instructor:
        env["MEDIALIT_PATH"] = str(config.course_dir)
    return env
