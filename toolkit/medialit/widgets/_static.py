"""The widgets' front-end files: each ES module is shared files plus its own, local imports dropped."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).with_name("static")
SHARED = ("article.js", "panel.js")
# `import { a, b } from "./article.js";` between our own files: the concatenation already holds them.
_LOCAL_IMPORT = re.compile(r'^import\s*\{[^}]*\}\s*from\s*"\./[\w.-]+\.js";[ \t]*$', re.M)


def esm(name: str) -> str:
    """The ES module of one widget: the shared files, then *name*, with local imports removed.

    Args:
        name (str): the widget's file in ``static/``, e.g. ``"attribution.js"``.

    Returns:
        str: JavaScript source (no build step, no network imports).
    """
    parts = [(STATIC / f).read_text(encoding="utf-8") for f in (*SHARED, name)]
    return "\n".join(_LOCAL_IMPORT.sub("", p) for p in parts)


def css() -> str:
    """The style sheet shared by all widgets (every rule scoped under ``.medialit``)."""
    return (STATIC / "medialit.css").read_text(encoding="utf-8")
