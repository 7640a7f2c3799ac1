"""The shared virtual environment: medialit, nbgrader, JupyterLab and JupyterHub for every account.

The project's own .venv usually points at an interpreter under /root (pyenv), which students
cannot run, so the hub builds a separate venv from an interpreter every user can execute and
installs a snapshot (not an editable link) of the repository into it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import REPO, HubConfig

STAMP = ".medialit-hub-stamp"
# JupyterLab defaults for every account: classrooms may be offline, so no news or update checks.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}
_CANDIDATES = ("/usr/bin/python3", "/usr/local/bin/python3")


def world_executable(path: str | Path) -> bool:
    """True when any user can run *path*: the file and every folder above it allow others in."""
    real = Path(os.path.realpath(path))
    if not real.is_file() or not real.stat().st_mode & stat.S_IXOTH:
        return False
    return all(p.stat().st_mode & stat.S_IXOTH for p in real.parents)


def pick_python(config: HubConfig) -> str:
    """The interpreter to build the shared venv with.

    Raises:
        RuntimeError: no Python 3.10+ that every user can run was found.
    """
    candidates = [config.python] if config.python else [*_CANDIDATES, shutil.which("python3") or "", sys.executable]
    for candidate in filter(None, candidates):
        if world_executable(candidate):
            out = subprocess.run([candidate, "-c", "import sys, venv; print(sys.version_info >= (3, 10))"],
                                 capture_output=True, text=True)
            if out.stdout.strip() == "True":
                return candidate
    raise RuntimeError(f"{config.file}: no Python 3.10+ with venv that every user can run among "
                       f"{candidates}. Fix: apt-get install python3-venv, or set [paths] python.")


def _files(repo: Path) -> list[Path]:
    skip = {"__pycache__", ".ipynb_checkpoints"}
    files = [repo / "pyproject.toml", repo / "README.md"]
    for path in sorted((repo / "toolkit").rglob("*")):
        if path.is_file() and not skip & set(path.parts) and not any(p.endswith(".egg-info") for p in path.parts):
            files.append(path)
    return files


def source_digest(repo: Path = REPO) -> tuple[str, str]:
    """(hash of pyproject.toml, hash of everything installed): what decides a reinstall."""
    deps = hashlib.sha256((repo / "pyproject.toml").read_bytes()).hexdigest()
    whole = hashlib.sha256()
    for path in _files(repo):
        whole.update(str(path.relative_to(repo)).encode() + b"\0" + path.read_bytes() + b"\0")
    return deps, whole.hexdigest()


def _snapshot(repo: Path, into: Path) -> Path:
    """Copy what pip needs to build medialit, so the build never writes into the work tree."""
    dest = into / "medialit-src"
    for path in _files(repo):
        target = dest / path.relative_to(repo)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return dest


def _write_lab_overrides(venv: Path) -> None:
    """JupyterLab's system-wide setting overrides (``<venv>/share/jupyter/lab/settings``)."""
    import json

    path = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if venv.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(LAB_OVERRIDES, indent=1) + "\n")
        path.chmod(0o644)


def _pip(py: Path, args: list[str]) -> None:
    """Run pip in the venv; its output (build warnings) is shown only when it fails."""
    done = subprocess.run([str(py), "-m", "pip", *args], capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise subprocess.CalledProcessError(done.returncode, done.args)


def ensure_shared_venv(config: HubConfig, repo: Path = REPO, log=print) -> Path:
    """Create or refresh ``config.venv`` so it holds this repository's medialit with the hub extra.

    Dependencies are reinstalled only when pyproject.toml changed; medialit itself whenever any
    of its files changed. Everything in the venv is made world-readable.

    Returns:
        The venv's ``bin`` folder.
    """
    venv = config.venv
    py = venv / "bin" / "python"
    _write_lab_overrides(venv)
    deps, whole = source_digest(repo)
    stamp = venv / STAMP
    old = stamp.read_text().split() if stamp.exists() else []
    if old == [deps, whole] and py.exists():
        return venv / "bin"
    if not py.exists():
        log(f"creating the shared venv {venv}")
        subprocess.run([pick_python(config), "-m", "venv", str(venv)], check=True)
        _pip(py, ["install", "--quiet", "--upgrade", "pip"])
    with tempfile.TemporaryDirectory() as tmp:
        src = _snapshot(repo, Path(tmp))
        if old[:1] == [deps]:
            log(f"updating medialit in {venv}")
            cmd = ["install", "--quiet", "--no-deps", "--force-reinstall", str(src)]
        else:
            log(f"installing medialit[hub] and its dependencies into {venv} (takes a minute)")
            cmd = ["install", "--quiet", f"{src}[hub]"]
        _pip(py, cmd)
    _write_lab_overrides(venv)
    subprocess.run(["chmod", "-R", "a+rX", str(venv)], check=True)
    stamp.write_text(f"{deps}\n{whole}\n")
    return venv / "bin"
