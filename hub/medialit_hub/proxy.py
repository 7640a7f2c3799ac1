"""configurable-http-proxy, installed from the npm registry into hub/node_modules (never globally)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .config import HUB_DIR


def proxy_command(hub_dir: Path = HUB_DIR) -> Path:
    """Path of the project-local ``configurable-http-proxy`` executable."""
    return hub_dir / "node_modules" / ".bin" / "configurable-http-proxy"


def ensure_proxy(hub_dir: Path = HUB_DIR, log=print) -> Path:
    """Install the proxy pinned in hub/package.json (``npm ci``) when it is missing.

    Raises:
        RuntimeError: npm is not installed.
    """
    command = proxy_command(hub_dir)
    if command.exists():
        return command
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is missing: the hub's proxy comes from the npm registry. "
                           "Fix: apt-get install nodejs npm (Node.js 20 or newer).")
    log(f"installing configurable-http-proxy into {hub_dir / 'node_modules'}")
    lock = hub_dir / "package-lock.json"
    subprocess.run([npm, "ci" if lock.exists() else "install", "--no-audit", "--no-fund", "--loglevel=error"],
                   cwd=hub_dir, check=True)
    return command
