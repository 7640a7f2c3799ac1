"""The hub's settings, read from a TOML file (hub/hub.toml)."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from pathlib import Path

HUB_DIR = Path(__file__).resolve().parents[1]
REPO = HUB_DIR.parent
DEFAULT_CONFIG = HUB_DIR / "hub.toml"
# POSIX-portable user names, as useradd accepts them without --badname.
_USER_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
_COURSE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


class HubConfigError(ValueError):
    """A hub.toml value is missing or invalid; the message names the file and the key."""


@dataclasses.dataclass(frozen=True)
class HubConfig:
    """Everything a course hub needs, with absolute paths.

    Args:
        file: the TOML file the settings came from.
        course_id: nbgrader course id (``CourseDirectory.course_id``).
        course_source: the nbgrader course directory copied to the instructor.
        course_dirname: its folder name inside the instructor's home.
        instructor: the instructor's user name.
        students: the students' user names.
        home_base: parent of every home directory.
        password: one password for every account, or "" for random ones.
        root: runtime folder: ``state/`` (root only) and ``exchange/``.
        venv: the shared virtual environment every account runs.
        python: interpreter for the shared venv, or "" to pick one.
        ip, port, hub_port, proxy_api_port: where the hub listens.
    """

    file: Path
    course_id: str
    course_source: Path
    course_dirname: str
    instructor: str
    students: tuple[str, ...]
    home_base: Path
    password: str
    root: Path
    venv: Path
    python: str
    ip: str
    port: int
    hub_port: int
    proxy_api_port: int

    @property
    def users(self) -> tuple[str, ...]:
        """The instructor first, then the students."""
        return (self.instructor, *self.students)

    @property
    def state_dir(self) -> Path:
        """Hub database, cookie secret, proxy token, passwords: readable by root only."""
        return self.root / "state"

    @property
    def exchange(self) -> Path:
        """nbgrader's exchange (``Exchange.root``): root-owned, mode 1777."""
        return self.root / "exchange"

    @property
    def passwords_file(self) -> Path:
        """``user:password`` lines for the accounts setup created (mode 0600)."""
        return self.state_dir / "passwords.txt"

    @property
    def accounts_file(self) -> Path:
        """JSON list of the accounts setup created, so teardown removes only those."""
        return self.state_dir / "accounts.json"

    def home(self, user: str) -> Path:
        """The home directory setup gives *user*."""
        return self.home_base / user

    @property
    def course_dir(self) -> Path:
        """The instructor's copy of the course (``CourseDirectory.root``)."""
        return self.home(self.instructor) / self.course_dirname

    def with_changes(self, **changes) -> HubConfig:
        """A copy with some fields replaced (tests use it for ports and accounts)."""
        return dataclasses.replace(self, **changes)


def _get(data: dict, file: Path, section: str, key: str, kind: type, default=None):
    value = data.get(section, {}).get(key, default)
    if value is None:
        raise HubConfigError(f"{file}: [{section}] {key} is missing. Fix: add it (see hub/hub.toml).")
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise HubConfigError(f"{file}: [{section}] {key} = {value!r} must be a {kind.__name__}.")
    return value


def load_config(path: str | Path | None = None) -> HubConfig:
    """Read and check a hub TOML file.

    Args:
        path: the file; defaults to hub/hub.toml.

    Returns:
        The settings, with every path made absolute (relative to the file).

    Raises:
        HubConfigError: a key is missing or has a wrong type or value.
    """
    file = Path(path or DEFAULT_CONFIG).resolve()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HubConfigError(f"{file}: no such hub config. Fix: copy hub/hub.toml.") from None
    except tomllib.TOMLDecodeError as exc:
        raise HubConfigError(f"{file}: not valid TOML ({exc}).") from None

    def path_of(section: str, key: str, default=None) -> Path:
        value = Path(_get(data, file, section, key, str, default))
        return value if value.is_absolute() else (file.parent / value).resolve()

    students = _get(data, file, "accounts", "students", list)
    config = HubConfig(
        file=file,
        course_id=_get(data, file, "course", "id", str),
        course_source=path_of("course", "source"),
        course_dirname=_get(data, file, "course", "dirname", str, "course"),
        instructor=_get(data, file, "accounts", "instructor", str),
        students=tuple(students),
        home_base=path_of("accounts", "home_base", "/home"),
        password=_get(data, file, "accounts", "password", str, ""),
        root=path_of("paths", "root"),
        venv=path_of("paths", "venv"),
        python=_get(data, file, "paths", "python", str, ""),
        ip=_get(data, file, "network", "ip", str, "127.0.0.1"),
        port=_get(data, file, "network", "port", int, 8000),
        hub_port=_get(data, file, "network", "hub_port", int, 8081),
        proxy_api_port=_get(data, file, "network", "proxy_api_port", int, 8001),
    )
    check_config(config)
    return config


def check_config(config: HubConfig) -> None:
    """Raise HubConfigError when names, ports or the course id are unusable."""
    for user in config.users:
        if not isinstance(user, str) or not _USER_NAME.match(user):
            raise HubConfigError(f"{config.file}: user name {user!r} is not a valid system user name "
                                 "(lowercase letters, digits, '_' or '-', at most 32).")
    if len(set(config.users)) != len(config.users):
        raise HubConfigError(f"{config.file}: a user name appears twice in [accounts].")
    if not _COURSE_ID.match(config.course_id):
        raise HubConfigError(f"{config.file}: [course] id {config.course_id!r} may use only letters, "
                             "digits, '.', '_' and '-'.")
    ports = [config.port, config.hub_port, config.proxy_api_port]
    if len(set(ports)) != 3 or not all(0 < p < 65536 for p in ports):
        raise HubConfigError(f"{config.file}: [network] port, hub_port and proxy_api_port must be "
                             f"three different ports, got {ports}.")
