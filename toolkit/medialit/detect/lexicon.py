"""Read the detector lexicons in ``patterns/*.jsonl``: one ``{"label", "pattern", "id"}`` dict a line.

A ``pattern`` is a phrase (matched on lower-cased tokens) or a spaCy ``Matcher`` token
pattern (a list of dicts). Every file is checked when it is first read.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent / "patterns"


@functools.lru_cache(maxsize=None)
def load_patterns(name: str) -> tuple[dict, ...]:
    """Return the entries of ``patterns/<name>.jsonl`` in file order.

    Args:
        name: the file stem, e.g. ``"cues"``.

    Raises:
        ValueError: an entry lacks ``label``, ``pattern`` or ``id``, or is not valid JSON
            (the message names the file and the line).
    """
    path = PATTERNS / f"{name}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {number}: not valid JSON ({exc.msg}). Fix: one JSON object a line.") from None
        missing = [k for k in ("label", "pattern", "id") if k not in row]
        if missing or not isinstance(row["pattern"], (str, list)):
            raise ValueError(f"{path}: line {number}: needs 'label', 'id' and a string or list 'pattern'. "
                             "Fix: see the other lines of the file.")
        rows.append(row)
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def word_labels(name: str) -> dict[str, str]:
    """Map each lower-cased phrase of a lexicon to its label (first entry wins)."""
    out: dict[str, str] = {}
    for row in load_patterns(name):
        if isinstance(row["pattern"], str):
            out.setdefault(row["pattern"].lower(), row["label"])
    return out


@functools.lru_cache(maxsize=None)
def phrase_entries(name: str) -> dict[str, dict]:
    """Map each lower-cased phrase of a lexicon to its whole entry (first entry wins)."""
    out: dict[str, dict] = {}
    for row in load_patterns(name):
        if isinstance(row["pattern"], str):
            out.setdefault(row["pattern"].lower(), row)
    return out


def phrase_matcher(nlp, name: str, labels: set[str] | None = None):
    """Build a ``PhraseMatcher`` (on ``LOWER``) over the phrase entries of a lexicon.

    Match ids are the phrase's lower-cased text, so ``phrase_entries(name)[text]`` gives the entry.
    """
    from spacy.matcher import PhraseMatcher

    from .sentences import merge_hyphenated

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for row in load_patterns(name):
        if isinstance(row["pattern"], str) and (labels is None or row["label"] in labels):
            matcher.add(row["pattern"].lower(), [merge_hyphenated(nlp.make_doc(row["pattern"].lower()))])
    return matcher


def token_matcher(nlp, name: str, labels: set[str] | None = None):
    """Build a ``Matcher`` over the token-pattern entries of a lexicon; match ids are the entries' ids."""
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab, validate=True)
    seen = set()
    for row in load_patterns(name):
        if isinstance(row["pattern"], list) and (labels is None or row["label"] in labels):
            if row["id"] in seen:
                raise ValueError(f"{PATTERNS / (name + '.jsonl')}: token pattern id {row['id']!r} is used twice. "
                                 "Fix: give every token pattern its own id.")
            seen.add(row["id"])
            matcher.add(row["id"], [row["pattern"]])
    return matcher
