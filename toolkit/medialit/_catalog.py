"""Where articles and keys are found: the package's data, then each folder on MEDIALIT_PATH.

A library root holds ``articles/<id>.md`` and ``keys/<id>.yaml``. The package ships the
practice library; an instructor adds ``course/`` (assessment keys) with
``MEDIALIT_PATH=course``, or simply works in the course folder or the folder above it: an
nbgrader course directory (one with ``nbgrader_config.py``) that holds ``keys/`` is found there.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent / "data"


def library_roots() -> list[Path]:
    """Return the library roots in search order: package data first, then MEDIALIT_PATH."""
    roots = [PACKAGE_ROOT]
    for entry in os.environ.get("MEDIALIT_PATH", "").split(os.pathsep):
        if entry.strip():
            roots.append(Path(entry).expanduser().resolve())
    for course in (Path.cwd(), Path.cwd() / "course"):
        if (course / "nbgrader_config.py").is_file() and (course / "keys").is_dir():
            resolved = course.resolve()
            if resolved not in roots:
                roots.append(resolved)
    return roots


def article_files() -> dict[str, Path]:
    """Map every known article id to its file (the first root wins on a clash)."""
    found: dict[str, Path] = {}
    for root in library_roots():
        for path in sorted((root / "articles").glob("*.md")):
            found.setdefault(path.stem, path)
    return found


def key_files() -> dict[str, Path]:
    """Map every article id that has a key to the key file (the first root wins)."""
    found: dict[str, Path] = {}
    for root in library_roots():
        for path in sorted((root / "keys").glob("*.yaml")):
            found.setdefault(path.stem, path)
    return found


def looks_like_path(value: str | os.PathLike) -> bool:
    """Tell a file path from an article id: ids never contain a slash or a suffix."""
    text = os.fspath(value)
    return isinstance(value, os.PathLike) or "/" in text or os.sep in text or text.endswith(
        (".md", ".yaml", ".yml", ".txt"))
