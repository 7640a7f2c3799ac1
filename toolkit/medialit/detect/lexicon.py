"""Read the detector lexicons in ``patterns/*.jsonl``: one ``{"label", "pattern", "id"}`` dict a line.

A ``pattern`` is a phrase (matched on lower-cased tokens) or a spaCy ``Matcher`` token
pattern (a list of dicts). Every file is checked when it is first read. ``TokenPatterns`` runs the
token patterns where their first word occurs (same matches as spaCy's ``Matcher``, far fewer tests).
"""

from __future__ import annotations

import functools
import json
import re
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

    from .sentences import merge_split_words

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for row in load_patterns(name):
        if isinstance(row["pattern"], str) and (labels is None or row["label"] in labels):
            matcher.add(row["pattern"].lower(), [merge_split_words(nlp.make_doc(row["pattern"].lower()))])
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


class TokenPatterns:
    """Match the token patterns of a lexicon like spaCy's ``Matcher``, but only where their first word occurs.

    spaCy's ``Matcher`` tries every pattern at every token and calls Python for each ``IN`` test, so
    each pattern costs about as much as the rest of a detector. Here a pattern whose first token is a
    word (or a list of words) is tried only where one of them stands. The patterns are the same data
    (``token_matcher`` still validates them); the subset understood is ``LOWER`` (a word, or ``IN``,
    ``NOT_IN``, ``REGEX``), ``IS_ALPHA``, ``IS_LOWER``, ``IS_PUNCT``, ``LIKE_NUM``, ``IS_CURRENCY`` and ``OP``
    ``?``/``*``/``+``.
    Calling it returns ``(match_id, start, end)`` with the longest end per pattern and start.
    """

    FLAGS = {"IS_ALPHA": "is_alpha", "LIKE_NUM": "like_num", "IS_CURRENCY": "is_currency", "IS_PUNCT": "is_punct",
             "IS_LOWER": "is_lower"}

    def __init__(self, nlp, name: str, labels: set[str] | None = None) -> None:
        self.by_word: dict[str, list] = {}
        self.anywhere: list = []
        for row in load_patterns(name):
            if not isinstance(row["pattern"], list) or (labels is not None and row["label"] not in labels):
                continue
            pattern = [self._compile(spec, name, row["id"]) for spec in row["pattern"]]
            key = nlp.vocab.strings.add(row["id"])
            first = row["pattern"][0]
            low = first.get("LOWER")
            words = [low] if isinstance(low, str) else (low or {}).get("IN") if isinstance(low, dict) else None
            if words and "OP" not in first and set(low if isinstance(low, dict) else {"x"}) <= {"IN", "x"}:
                for word in words:
                    self.by_word.setdefault(word, []).append((key, pattern))
            else:
                self.anywhere.append((key, pattern))

    def _compile(self, spec: dict, name: str, pattern_id: str):
        tests = []
        for attr, want in spec.items():
            if attr == "OP":
                continue
            if attr == "LOWER":
                if isinstance(want, str):
                    tests.append(lambda t, w=want: t.lower_ == w)
                    continue
                for op, value in want.items():
                    if op == "IN":
                        tests.append(lambda t, v=frozenset(value): t.lower_ in v)
                    elif op == "NOT_IN":
                        tests.append(lambda t, v=frozenset(value): t.lower_ not in v)
                    elif op == "REGEX":
                        tests.append(lambda t, r=re.compile(value): r.search(t.lower_) is not None)
                    else:
                        raise ValueError(f"{PATTERNS / (name + '.jsonl')}: pattern {pattern_id!r}: LOWER {op} is not "
                                         "supported. Fix: use a word, IN, NOT_IN or REGEX.")
            elif attr in self.FLAGS:
                tests.append(lambda t, a=self.FLAGS[attr], v=bool(want): getattr(t, a) == v)
            else:
                raise ValueError(f"{PATTERNS / (name + '.jsonl')}: pattern {pattern_id!r}: {attr} is not supported. "
                                 "Fix: use LOWER, IS_ALPHA, IS_LOWER, IS_PUNCT, LIKE_NUM, IS_CURRENCY or OP.")
        return tests, spec.get("OP", "1")

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        """Return ``(match_id, start, end)`` for every pattern matched in *doc*."""
        out = []
        n = len(doc)
        for i in range(n):
            for key, pattern in [*self.by_word.get(doc[i].lower_, ()), *self.anywhere]:
                end = _match(pattern, 0, doc, i, n)
                if end is not None and end > i:
                    out.append((key, i, end))
        return out


def _match(pattern, k: int, doc, i: int, n: int) -> int | None:
    """The longest end of *pattern*[k:] matched from token *i*, or None."""
    if k == len(pattern):
        return i
    tests, op = pattern[k]

    def ok(j):
        return j < n and all(test(doc[j]) for test in tests)

    if op == "1":
        return _match(pattern, k + 1, doc, i + 1, n) if ok(i) else None
    if op == "?":
        if ok(i):
            got = _match(pattern, k + 1, doc, i + 1, n)
            if got is not None:
                return got
        return _match(pattern, k + 1, doc, i, n)
    # "*" and "+": as many as possible, giving back one at a time
    j = i
    while ok(j):
        j += 1
    lowest = i + 1 if op == "+" else i
    while j >= lowest:
        got = _match(pattern, k + 1, doc, j, n)
        if got is not None:
            return got
        j -= 1
    return None
