"""Whitespace normalization shared by the importer, the loader and the keys."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


def normalize_line(text: str) -> str:
    """Return *text* with non-breaking and other odd spaces folded to one space, stripped.

    Curly quotes and apostrophes are kept: they carry meaning for quote tracking.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalize_quote(text: str) -> str:
    """Normalize a key's quote the same way as article text, also folding inner newlines."""
    return normalize_line(text.replace("\r", " ").replace("\n", " "))
