"""A throwaway course hub for tests and benchmarks: unique accounts, free loopback ports, full cleanup.

Example:
    with TempHub(course_source, students=5) as hub:
        hub.run_as(hub.config.students[0], ["nbgrader", "fetch_assignment", "01-who-says"])
        hub.api("GET", "/users")
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import provision
from .config import DEFAULT_CONFIG, HUB_DIR, HubConfig, check_config, load_config
from .runas import run_as


OWNER_FILE = "owner.pid"  # pid of the process that made a TempHub; reap_stale removes orphans


def free_ports(count: int, ip: str = "127.0.0.1") -> list[int]:
    """*count* distinct TCP ports that are free on *ip* right now."""
    socks = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((ip, 0))
            socks.append(sock)
        return [s.getsockname()[1] for s in socks]
    finally:
        for sock in socks:
            sock.close()


def unique_prefix() -> str:
    """``mlt`` and five random characters: the user-name prefix of one throwaway hub."""
    return "mlt" + "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(5))


class TempHub:
    """Accounts, exchange, course copy and a running JupyterHub that vanish on exit.

    Args:
        course_source: the nbgrader course directory to give the instructor.
        students: how many student accounts (``<prefix>-s01`` ...).
        course_id: nbgrader course id.
        venv: the shared venv (reused between runs: building it takes a minute); default
            $MEDIALIT_HUB_VENV, else the one the base config names.
        start: also start JupyterHub (False: accounts and files only, for CLI-only work).
        base_config: the TOML file whose other settings (venv, python) are used.
    """

    def __init__(self, course_source: str | Path, students: int = 5, *, course_id: str = "medialit",
                 venv: str | Path | None = None, start: bool = True, base_config: Path = DEFAULT_CONFIG):
        self.prefix = unique_prefix()
        self.workdir = Path(tempfile.mkdtemp(prefix=f"{self.prefix}-"))
        os.chmod(self.workdir, 0o755)  # homes live inside: every account must get through
        port, hub_port, api_port = free_ports(3)
        base = load_config(base_config)
        self.config: HubConfig = base.with_changes(
            file=self.workdir / "hub.toml",
            course_id=course_id,
            course_source=Path(course_source).resolve(),
            instructor=f"{self.prefix}-inst",
            students=tuple(f"{self.prefix}-s{i:02d}" for i in range(1, students + 1)),
            home_base=self.workdir / "home",
            password="",
            root=self.workdir / "hub",
            venv=Path(venv or os.environ.get("MEDIALIT_HUB_VENV") or base.venv),
            port=port, hub_port=hub_port, proxy_api_port=api_port,
        )
        check_config(self.config)
        (self.workdir / OWNER_FILE).write_text(str(os.getpid()))
        self.start_hub = start
        self.process: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterhub.log"

    # -- life cycle ---------------------------------------------------------------------------
    def __enter__(self) -> TempHub:
        try:
            self.setup()
            if self.start_hub:
                self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def setup(self) -> None:
        """Write the TOML file and run the hub's setup for it."""
        self.config.home_base.mkdir(parents=True, exist_ok=True)
        self.config.file.write_text(_toml(self.config))
        provision.setup(self.config, log=lambda msg: None)

    def start(self, timeout: float = 60) -> None:
        """Start JupyterHub (its own process group) and wait until its API answers."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
               "MEDIALIT_HUB_CONFIG": str(self.config.file)}
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(self.config.venv / "bin" / "jupyterhub"), "-f", str(HUB_DIR / "jupyterhub_config.py")],
            cwd=self.config.state_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.3)
        raise TimeoutError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop JupyterHub (SIGTERM, which also stops the proxy and every user's server)."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the group of the hub we started, by its id
            proc.wait(timeout=10)

    def close(self) -> None:
        """Stop the hub, remove the accounts (and their processes) and every file made here."""
        try:
            self.stop()
        finally:
            try:
                proxy_pid = self.config.state_dir / "proxy.pid"
                if proxy_pid.exists():  # a proxy left behind by a hub that was killed
                    _kill_pid(int(proxy_pid.read_text().strip() or 0))
                provision.teardown(self.config, log=lambda msg: None)
            finally:
                shutil.rmtree(self.workdir, ignore_errors=True)

    # -- use ----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The hub's public address (the proxy)."""
        return f"http://{self.config.ip}:{self.config.port}"

    def uid(self, user: str) -> int:
        """The system uid of *user*."""
        import pwd

        return pwd.getpwnam(user).pw_uid

    def password(self, user: str) -> str:
        """The password setup gave *user*."""
        from .accounts import read_passwords

        return read_passwords(self.config)[user]

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 30):
        """Call the hub's REST API (``/hub/api`` + *path*) with the admin service token."""
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {provision.admin_token(self.config)}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def run_as(self, user: str, args, **kwargs) -> subprocess.CompletedProcess:
        """Run a command as *user* (see ``medialit_hub.runas.run_as``); output captured as text."""
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("text", True)
        return run_as(self.config, user, args, **kwargs)

    def log_tail(self, lines: int = 40) -> str:
        """The end of the hub's log, for failure messages."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def reap_stale(tmp: str | Path | None = None) -> list[Path]:
    """Remove the TempHubs whose owning process is gone (a test run that was killed).

    Only folders ``<tmp>/mlt?????-*`` holding this module's owner.pid and hub.toml are touched:
    their hub and proxy are stopped by pid, their accounts and files removed.

    Returns:
        The folders removed.
    """
    removed = []
    for workdir in sorted(Path(tmp or tempfile.gettempdir()).glob("mlt?????-*")):
        owner, toml = workdir / OWNER_FILE, workdir / "hub.toml"
        if not owner.is_file() or not toml.is_file() or Path(f"/proc/{owner.read_text().strip()}").exists():
            continue
        config = load_config(toml)
        for pidfile, name in ((config.state_dir / "jupyterhub.pid", b"jupyterhub"),
                              (config.state_dir / "proxy.pid", b"configurable-http-proxy")):
            if pidfile.exists():
                _kill_pid(int(pidfile.read_text().strip() or 0), name)
        provision.teardown(config, log=lambda msg: None)
        shutil.rmtree(workdir, ignore_errors=True)
        removed.append(workdir)
    return removed


def _kill_pid(pid: int, name: bytes = b"configurable-http-proxy") -> None:
    """SIGTERM *pid* if its command line still names *name* (pids are reused)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ValueError):
        return
    if pid > 0 and name in cmdline:
        try:
            os.kill(pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass


def _toml(config: HubConfig) -> str:
    """The TOML text of *config* (what hub.toml would say)."""
    students = ", ".join(json.dumps(s) for s in config.students)
    return (f'[course]\nid = "{config.course_id}"\nsource = "{config.course_source}"\n'
            f'dirname = "{config.course_dirname}"\n\n'
            f'[accounts]\ninstructor = "{config.instructor}"\nstudents = [{students}]\n'
            f'home_base = "{config.home_base}"\npassword = "{config.password}"\n\n'
            f'[paths]\nroot = "{config.root}"\nvenv = "{config.venv}"\npython = "{config.python}"\n\n'
            f'[network]\nip = "{config.ip}"\nport = {config.port}\nhub_port = {config.hub_port}\n'
            f'proxy_api_port = {config.proxy_api_port}\n')
