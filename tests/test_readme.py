"""The README's Python examples run as written."""

from __future__ import annotations

import re

from tests.conftest import REPO


def test_python_examples_run(tmp_path, monkeypatch):
    """Every ```python block of the README runs, in order, in a fresh folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDIALIT_PATH", str(REPO / "course"))
    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    assert blocks
    namespace: dict = {}
    exec(compile("\n".join(blocks), "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert (tmp_path / "answers" / "who-says.json").exists()
