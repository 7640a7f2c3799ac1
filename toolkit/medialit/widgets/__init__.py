"""Student-facing widgets: SpotAttribution, SpotUnverifiable, SpotConflicts (loaded on first use)."""

from __future__ import annotations

from medialit._lazy import lazy_exports

_EXPORTS = {
    "SpotAttribution": "medialit.widgets.attribution",
    "SpotUnverifiable": "medialit.widgets.unverifiable",
    "SpotConflicts": "medialit.widgets.conflicts",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
