"""The package as installed: dependencies, light import, shipped data."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml

from tests.conftest import REPO


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ ]", spec, maxsplit=1)[0].lower()


def test_environment_yml_matches_pyproject():
    """environment.yml lists exactly pyproject's runtime dependencies, with the same bounds."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    env = yaml.safe_load((REPO / "environment.yml").read_text())["dependencies"]
    conda = {_name(d): d.replace(" ", "") for d in env if isinstance(d, str) and _name(d) not in ("python", "pip")}
    pip = {_name(d): d.replace(" ", "") for d in project}
    assert conda == pip


def test_import_is_light():
    """`import medialit` loads neither spaCy, pandas, pydantic nor Jupyter."""
    code = "import sys, medialit; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "{'spacy','pandas','pydantic','jupyterlab','ipywidgets','anywidget','nbgrader','yaml'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_api_exports():
    """Every name in __all__ resolves."""
    import medialit

    for name in medialit.__all__:
        assert getattr(medialit, name) is not None, name


def test_no_assessment_key_in_package():
    """Assessment keys live only under course/, never in the package data."""
    import medialit

    shipped = {p.stem for p in (REPO / "toolkit" / "medialit" / "data" / "keys").glob("*.yaml")}
    for row in medialit.list_articles().itertuples():
        if row.use == "assessment":
            assert row.id not in shipped, row.id


def test_everything_shipped_validates():
    """`medialit validate` passes on the package data and the course keys."""
    result = subprocess.run([sys.executable, "-m", "medialit.cli.main", "validate"], capture_output=True, text=True,
                            env={"MEDIALIT_PATH": str(REPO / "course"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
