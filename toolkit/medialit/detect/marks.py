"""Quotation marks, named once for every detector: which characters open or close a quotation.

Double marks (curly, straight, guillemets, low-9) always mark a quotation; single marks also
serve as apostrophes, so only the detectors that can tell the two apart use them.
"""

from __future__ import annotations

DOUBLE_QUOTES = frozenset("\u201c\u201d\"\u00ab\u00bb\u201e")
SINGLE_QUOTES = frozenset("\u2018\u2019'")
ALL_QUOTES = DOUBLE_QUOTES | SINGLE_QUOTES
