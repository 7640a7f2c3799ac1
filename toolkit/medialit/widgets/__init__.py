"""Student-facing widgets: SpotAttribution, SpotUnverifiable, SpotConflicts (loaded on first use)."""

from __future__ import annotations

import importlib

_EXPORTS = {
    "SpotAttribution": "medialit.widgets.attribution",
    "SpotUnverifiable": "medialit.widgets.unverifiable",
    "SpotConflicts": "medialit.widgets.conflicts",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'medialit.widgets' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
