"""Set up a course hub from its config, and take it down again."""

from __future__ import annotations

import os
import secrets
import shutil

from . import accounts, course, proxy, sharedenv
from .config import HubConfig


def admin_token(config: HubConfig) -> str:
    """The token of the hub's ``medialit-admin`` service (state/admin-token, root only), made once."""
    path = config.state_dir / "admin-token"
    if not path.exists():
        config.state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def setup(config: HubConfig, *, refresh_course: bool = False, venv: bool = True, log=print) -> None:
    """Make everything the hub needs; safe to run again (each step skips what is already there).

    Steps, in order: the shared venv and the proxy (slow the first time, cached after), the
    exchange and state folders, the accounts (they must exist before files can be given to
    them), the instructor's course copy, then each account's nbgrader and lab config.
    """
    if os.geteuid() != 0:
        raise PermissionError("the hub's setup creates system users: run it as root.")
    if venv:
        sharedenv.ensure_shared_venv(config, log=log)
    proxy.ensure_proxy(log=log)
    course.ensure_exchange(config)
    admin_token(config)
    created = accounts.create_accounts(config)
    if created:
        log(f"accounts with new passwords: {', '.join(created)} (see {config.passwords_file})")
    course.copy_course(config, refresh=refresh_course)
    course.write_user_configs(config)


def teardown(config: HubConfig, *, log=print) -> None:
    """Remove what ``setup`` made for this config: accounts (with their homes and processes),
    the exchange and the state folder. The shared venv and hub/node_modules stay (they are
    caches shared by every config)."""
    removed = accounts.remove_accounts(config)
    if removed:
        log(f"removed accounts: {', '.join(removed)}")
    for path in (config.exchange, config.state_dir):
        shutil.rmtree(path, ignore_errors=True)
    try:
        config.root.rmdir()
    except OSError:
        pass
