"""Start a real JupyterLab and headless Chromium, and drive notebooks in it (shared by tests and benchmarks)."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
# Without these flags Chromium stalls here (no sandbox, no GPU, no background services).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"


@dataclasses.dataclass
class Lab:
    """A running JupyterLab server.

    Attributes:
        root: the server's root directory (notebooks and their answers/ live here).
        port: the loopback port.
        token: the access token.
        process: the server process (its own process group).
    """

    root: Path
    port: int
    token: str
    process: subprocess.Popen

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str, method: str = "GET", body: dict | None = None):
        """Call the server's REST API and return the decoded JSON (or None)."""
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        request = urllib.request.Request(f"{self.url}{path}", data=data, method=method,
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def notebook_url(self, name: str) -> str:
        """The URL that opens notebook *name* alone, in a workspace of its own (no other tabs restored)."""
        return f"{self.url}/lab/workspaces/{secrets.token_hex(4)}/tree/{name}?token={self.token}"

    def shutdown_kernels(self) -> None:
        """Shut down every kernel session of the server."""
        for session in self.api("/api/sessions"):
            with contextlib.suppress(OSError, urllib.error.URLError):
                self.api(f"/api/sessions/{session['id']}", method="DELETE")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_lab(root: Path, timeout: float = 90.0) -> Lab:
    """Start JupyterLab on a free loopback port serving *root* and wait until it answers.

    Args:
        root: an empty directory for notebooks; settings and runtime files go in ``root/.jupyter``.
        timeout: seconds to wait for the server.

    Returns:
        Lab: the running server; stop it with ``stop_lab``.
    """
    token = secrets.token_hex(16)
    port = free_port()
    home = root / ".jupyter"
    settings = home / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    # No news or update toasts over the notebook.
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "PYTHONUNBUFFERED": "1"}
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [str(VENV_BIN / "jupyter"), "lab", "--no-browser", f"--ServerApp.token={token}", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
         "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True", "--allow-root"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    lab = Lab(root, port, token, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with {process.returncode}; log: {home / 'server.log'}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            lab.api("/api/status")
            return lab
        time.sleep(0.2)
    stop_lab(lab)
    raise TimeoutError(f"JupyterLab did not answer within {timeout:.0f} s; log: {home / 'server.log'}")


def stop_lab(lab: Lab) -> None:
    """Shut the server (and its kernels) down; kill its process group if it does not stop in time."""
    with contextlib.suppress(OSError, urllib.error.URLError):
        lab.api("/api/shutdown", method="POST")
    try:
        lab.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(lab.process.pid, signal.SIGKILL)  # the group this module started
        lab.process.wait(timeout=5)


def launch_chromium(playwright):
    """Launch Debian's Chromium headless with the flags it needs here."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Write a notebook of code cells (Python 3 kernel) to *path*."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nbformat.write(nb, path)
    return path


def open_notebook(page, lab: Lab, name: str, timeout: float = 60_000) -> None:
    """Open notebook *name* and wait until its kernel is idle."""
    page.goto(lab.notebook_url(name))
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout)
    wait_kernel_idle(page, timeout)


def wait_kernel_idle(page, timeout: float = 60_000) -> None:
    """Wait until the current notebook's kernel is connected and idle."""
    page.wait_for_function(
        """() => {
            const panel = window.jupyterapp?.shell?.currentWidget;
            const kernel = panel?.sessionContext?.session?.kernel;
            return kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
        }""", timeout=timeout)


def run_all(page, widget: str = ".medialit", timeout: float = 60_000) -> None:
    """Run every cell of the current notebook, then wait for the widget *widget* to render."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(f".jp-OutputArea-output {widget} [role=option]", timeout=timeout)


def restart_kernel(page, timeout: float = 60_000) -> None:
    """Restart the current notebook's kernel (no dialog) and wait until it is idle."""
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    wait_kernel_idle(page, timeout)


def execute(page, code: str) -> str:
    """Run *code* in the current notebook's kernel (no cell, no history); return the reply status."""
    return page.evaluate("""async (code) => {
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        const reply = await kernel.requestExecute({ code, store_history: false }).done;
        return reply.content.status;
    }""", code)


def clear_outputs(page) -> None:
    """Clear every output of the current notebook, so that the next run renders fresh widgets."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.wait_for_function("() => document.querySelectorAll('.jp-Notebook .medialit').length === 0")


def wait_for_file(path: Path, predicate, timeout: float = 10.0, interval: float = 0.005):
    """Poll *path* until it holds JSON for which *predicate* is true; return that JSON.

    Raises:
        TimeoutError: naming the file and its last content.
    """
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError, json.JSONDecodeError):
            last = json.loads(path.read_text(encoding="utf-8"))
            if predicate(last):
                return last
        time.sleep(interval)
    raise TimeoutError(f"{path}: condition not met within {timeout} s; last content: {last}")
