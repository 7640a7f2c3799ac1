"""The Kubernetes deployment files: what can be checked on one machine without a cluster or helm."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from medialit_hub.config import load_config
from medialit_hub.course import STUDENT_DISABLED_PLUGINS, STUDENT_DISABLED_SERVER_EXTENSIONS

from .assignments import REPO

pytestmark = pytest.mark.hub

DEPLOY = REPO / "deploy"
DOCKERFILE = DEPLOY / "singleuser" / "Dockerfile"
# Top-level keys of the Zero to JupyterHub chart's values (chart 3.x/4.x values.schema.yaml).
Z2JH_TOP_LEVEL = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecret", "imagePullSecrets", "hub",
                  "rbac", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "custom", "cull", "debug",
                  "global"}


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text())


@pytest.fixture(scope="module")
def ngshare_values() -> dict:
    return yaml.safe_load((DEPLOY / "z2jh" / "ngshare-values.yaml").read_text())


class TestHelmValues:
    def test_top_level_keys_are_chart_keys(self, values):
        """Every top-level key of values.yaml is one the z2jh chart knows (a typo would be ignored by helm)."""
        assert set(values) <= Z2JH_TOP_LEVEL

    def test_singleuser_image_is_ours(self, values):
        """User pods run the image deploy/singleuser/Dockerfile builds, opening JupyterLab."""
        image = values["singleuser"]["image"]
        assert image["name"].endswith("/medialit/singleuser") and isinstance(image["tag"], str)
        assert values["singleuser"]["defaultUrl"] == "/lab"

    def test_exchange_is_ngshare_service(self, values, ngshare_values):
        """The hub registers ngshare with the token the ngshare chart is given, and a role for it."""
        service = values["hub"]["services"]["ngshare"]
        assert service["url"].startswith("http://ngshare:")
        assert service["apiToken"] == ngshare_values["ngshare"]["hub_api_token"]
        assert values["hub"]["loadRoles"]["ngshare"]["services"] == ["ngshare"]

    def test_extra_config_is_python(self, values):
        """Each hub.extraConfig snippet compiles as Python."""
        for name, code in values["hub"]["extraConfig"].items():
            compile(code, name, "exec")

    def test_student_config_path_exists_in_image(self, values):
        """The folder the hub puts on students' JUPYTER_CONFIG_PATH is copied into the image."""
        snippet = values["hub"]["extraConfig"]["medialit-student-config"]
        folder = re.search(r'JUPYTER_CONFIG_PATH"\] = "([^"]+)"', snippet)[1]
        assert f"COPY deploy/singleuser/student {folder}" in DOCKERFILE.read_text()


class TestSingleUserFiles:
    def test_student_lab_config_matches_local_hub(self):
        """Students on Kubernetes lose the same nbgrader tools as on the local hub."""
        student = DEPLOY / "singleuser" / "student"
        page = json.loads((student / "labconfig" / "page_config.json").read_text())
        assert set(page["disabledExtensions"]) == set(STUDENT_DISABLED_PLUGINS)
        server = json.loads((student / "jupyter_server_config.json").read_text())
        assert set(server["ServerApp"]["jpserver_extensions"]) == set(STUDENT_DISABLED_SERVER_EXTENSIONS)

    def test_nbgrader_config_compiles(self):
        """The image's global nbgrader config is valid Python naming the course."""
        text = (DEPLOY / "singleuser" / "nbgrader_config.py").read_text()
        compile(text, "nbgrader_config.py", "exec")
        assert 'course_id = "medialit"' in text

    def test_copied_files_exist(self):
        """Every COPY source of the Dockerfile exists (paths relative to the repository root)."""
        for line in DOCKERFILE.read_text().splitlines():
            if line.startswith("COPY "):
                sources = [w for w in shlex.split(line)[1:-1] if not w.startswith("--")]
                for source in sources:
                    assert (REPO / source).exists(), source


def pip_steps(dockerfile: Path) -> list[list[str]]:
    """The Dockerfile's RUN steps that install with pip, each as a list of commands."""
    text = dockerfile.read_text().replace("\\\n", " ")
    steps = []
    for line in text.splitlines():
        if line.startswith("RUN ") and "pip install" in line:
            steps.append([part.strip() for part in line[4:].split("&&")])
    return steps


@pytest.mark.slow
def test_dockerfile_pip_steps_run(tmp_path, hub_ready):
    """The Dockerfile's pip steps install into a scratch venv and give a working ngshare exchange.

    The scratch venv sees the hub's shared venv through a .pth file, so pip finds the heavy
    dependencies (JupyterLab, spaCy, ...) already there and installs only what the steps add:
    medialit from a copy of the sources, ngshare_exchange and its needs.
    """
    from medialit_hub.sharedenv import _snapshot, ensure_shared_venv

    shared = load_config()
    ensure_shared_venv(shared, log=lambda m: None)
    base = subprocess.run([str(shared.venv / "bin" / "python"), "-c", "import sys; print(sys._base_executable)"],
                          capture_output=True, text=True, check=True).stdout.strip()
    venv = tmp_path / "venv"
    subprocess.run([base, "-m", "venv", str(venv)], check=True)
    site = next((venv / "lib").glob("python3.*/site-packages"))
    shared_site = next((shared.venv / "lib").glob("python3.*/site-packages"))
    (site / "zz_shared_venv.pth").write_text(f"{shared_site}\n")
    src = _snapshot(REPO, tmp_path)  # what the Dockerfile's COPY lines put in /tmp/medialit
    env = {**os.environ, "PIP_NO_WARN_CONFLICTS": "1"}
    steps = pip_steps(DOCKERFILE)
    assert len(steps) == 2
    for step in steps:
        for command in step:
            # --no-cache-dir keeps the image small; here pip's cache keeps the test short.
            argv = [str(venv / "bin" / "python") if w == "python" else w.replace("/tmp/medialit", str(src))
                    for w in shlex.split(command) if w != "--no-cache-dir"]
            done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
            assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    check = textwrap.dedent("""
        import medialit, ngshare_exchange
        from traitlets.config import Config
        from nbgrader.exchange import ExchangeFactory
        c = Config()
        ngshare_exchange.configureExchange(c)
        factory = ExchangeFactory(config=c)
        assert factory.submit.__module__.startswith("ngshare_exchange"), factory.submit
        print(medialit.__file__)
        """)
    # ngshare_exchange reads $USER (docker-stacks images set it to jovyan).
    done = subprocess.run([str(venv / "bin" / "python"), "-c", check], capture_output=True, text=True,
                          env={**env, "USER": "jovyan"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(site)), "medialit came from the scratch venv"


@pytest.mark.slow
def test_helm_template(tmp_path):
    """`helm template` renders the values with the z2jh chart (needs helm and a local copy of the chart)."""
    helm, chart = shutil.which("helm"), os.environ.get("MEDIALIT_Z2JH_CHART")
    if not helm or not chart:
        pytest.skip("helm and the z2jh chart are not installable from this machine's registries "
                    "(Debian, PyPI, npm); set MEDIALIT_Z2JH_CHART to a downloaded chart and put helm on PATH")
    out = subprocess.run([helm, "template", "medialit", chart, "--values", str(DEPLOY / "z2jh" / "values.yaml")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "registry.example.edu/medialit/singleuser" in out.stdout
