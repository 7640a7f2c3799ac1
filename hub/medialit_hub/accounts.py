"""System accounts for the instructor and the students: useradd, chpasswd, userdel."""

from __future__ import annotations

import json
import os
import pwd
import secrets
import signal
import subprocess
import time
from pathlib import Path

from .config import HubConfig


def user_exists(name: str) -> bool:
    """True when *name* is a system user."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _recorded(config: HubConfig) -> list[str]:
    try:
        return json.loads(config.accounts_file.read_text())
    except FileNotFoundError:
        return []


def _record(config: HubConfig, names: list[str]) -> None:
    config.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = config.accounts_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(sorted(set(names)), indent=1))
    os.replace(tmp, config.accounts_file)


def create_accounts(config: HubConfig) -> dict[str, str]:
    """Create every missing account with a private (0700) home and a password.

    Existing accounts keep their password unless ``config.password`` is set. The passwords of
    the accounts created here are appended to ``config.passwords_file`` (mode 0600).

    Returns:
        ``{user: password}`` for the accounts whose password was set now.
    """
    recorded = _recorded(config)
    created: dict[str, str] = {}
    for user in config.users:
        home = config.home(user)
        if not user_exists(user):
            subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
                            "--user-group", user], check=True)
            recorded.append(user)
            _record(config, recorded)
        if config.password or user in recorded and user not in read_passwords(config):
            created[user] = config.password or secrets.token_urlsafe(12)
        # Homes are private: other students must not read fetched work, feedback or the
        # nbgrader cache, which holds each submission's secret.
        os.chmod(home, 0o700)
    if created:
        lines = "".join(f"{user}:{password}\n" for user, password in created.items())
        subprocess.run(["chpasswd"], input=lines, text=True, check=True)
        old = {u: p for u, p in read_passwords(config).items() if u not in created}
        write_passwords(config, {**old, **created})
    return created


def read_passwords(config: HubConfig) -> dict[str, str]:
    """The ``{user: password}`` setup wrote, or {}."""
    try:
        text = config.passwords_file.read_text()
    except FileNotFoundError:
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def write_passwords(config: HubConfig, passwords: dict[str, str]) -> None:
    """Write the passwords file, readable by root only."""
    config.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(config.passwords_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.writelines(f"{u}:{p}\n" for u, p in passwords.items())


def user_pids(name: str) -> list[int]:
    """Ids of the running processes owned by *name* (read from /proc)."""
    uid = pwd.getpwnam(name).pw_uid
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except FileNotFoundError:
                pass
    return pids


def stop_user_processes(name: str, grace: float = 5.0) -> None:
    """End the processes of an account this hub created: SIGTERM by id, then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = user_pids(name)
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace
        while user_pids(name) and time.monotonic() < deadline:
            time.sleep(0.1)
        if not user_pids(name):
            return


def remove_accounts(config: HubConfig) -> list[str]:
    """Remove the accounts that ``create_accounts`` created (processes, home, user, group).

    Returns:
        The user names removed.
    """
    removed = []
    for user in _recorded(config):
        if user_exists(user):
            stop_user_processes(user)
            subprocess.run(["userdel", "--remove", user], check=False, stderr=subprocess.DEVNULL)
            subprocess.run(["groupdel", user], check=False, stderr=subprocess.DEVNULL)
        removed.append(user)
    _record(config, [])
    config.passwords_file.unlink(missing_ok=True)
    return removed
