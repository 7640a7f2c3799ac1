"""Run a command as one of the hub's accounts, with the environment its hub server would have."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from .config import HubConfig
from .course import user_environment


def run_as(config: HubConfig, user: str, args: Sequence[str], *, cwd: str | Path | None = None,
           check: bool = True, timeout: float | None = 600, **kwargs) -> subprocess.CompletedProcess:
    """Run *args* as *user* through ``runuser`` (own uid, own files), from their home by default.

    Args:
        config: the hub.
        user: one of ``config.users`` (or any account).
        args: the command, e.g. ``["nbgrader", "fetch_assignment", "01-who-says"]``.
        cwd: working directory; defaults to the user's home.
        check: raise CalledProcessError on a non-zero exit.
        timeout: seconds before the command is killed.
        **kwargs: passed on to subprocess.run (``capture_output``, ``text``, ``input``).

    Returns:
        The completed process.
    """
    runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin") or "runuser"
    return subprocess.run([runuser, "-u", user, "--", *args], cwd=cwd or config.home(user),
                          env=user_environment(config, user), check=check, timeout=timeout, **kwargs)
