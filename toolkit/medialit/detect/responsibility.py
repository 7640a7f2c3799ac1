"""Say whether a sentence places responsibility or pushes it away: tokens in, ``"blame"``/``"defence"``/None out.

Disputes over who is to blame are among the commonest conflicts in news: "The town will hold the
operator fully responsible" against "We followed our procedure to the letter", or "The union says its
warnings were ignored" against "The authority has always met its obligations". The two sides rarely
share topic words (one names the accused, the other speaks as the accused), so ``conflicts`` pairs a
sentence that blames with one that defends inside one article on this signal alone.

The phrases come from ``patterns/conflict_words.jsonl`` (labels ``blame`` and ``defence``), matched
on lower-cased words. A defence phrase wins over a blame phrase it contains ("not to blame" is a
defence), and a blame phrase right after a negation flips to a defence ("was not negligent").
"""

from __future__ import annotations

import functools

from .lexicon import load_patterns

NEGATORS = {"not", "n't", "n’t", "never", "no"}


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_patterns("conflict_words")
    blame = tuple(sorted({r["pattern"] for r in rows if r["label"] == "blame"}, key=len, reverse=True))
    defence = tuple(sorted({r["pattern"] for r in rows if r["label"] == "defence"}, key=len, reverse=True))
    return blame, defence


def responsibility(words: list[str]) -> str | None:
    """``"defence"``, ``"blame"`` or None for a sentence's lower-cased words (speaker words left out).

    Example: ``responsibility("we followed our procedure to the letter".split())`` -> ``"defence"``.
    """
    blame, defence = _phrases()
    text = " " + " ".join(words) + " "
    if any(f" {p} " in text for p in defence):
        return "defence"
    for p in blame:
        k = text.find(f" {p} ")
        if k < 0:
            continue
        before = text[:k].split()[-2:]
        return "defence" if any(w in NEGATORS for w in before) else "blame"
    return None
