"""Find the one sentence a key's quote points at (a W3C-TextQuoteSelector-like match)."""

from __future__ import annotations

import difflib

from .._text import normalize_quote

_QUOTE_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def matching_sids(sentences, quote: str) -> list[str]:
    """Return the ids of every sentence whose text contains *quote* exactly.

    A quote that is a whole sentence picks that sentence even where a longer one repeats it (a post
    that quotes an earlier post word for word), since no longer quote could point at it.
    """
    needle = normalize_quote(quote)
    hits = [(sid, text) for sid, text in zip(sentences["sid"], sentences["text"]) if needle in text]
    whole = [sid for sid, text in hits if text.strip() == needle.strip()]
    return whole if len(hits) > 1 and len(whole) == 1 else [sid for sid, _ in hits]


def explain_no_match(article, quote: str) -> tuple[str, str]:
    """Say why *quote* matches no sentence of *article*, and how to fix it."""
    needle = normalize_quote(quote)
    sentences = article.sentences
    if needle in article.text:
        start = article.text.index(needle)
        end = start + len(needle)
        hit = sentences[(sentences["end"] > start) & (sentences["start"] < end)]["sid"].tolist()
        return (f"the quote crosses a sentence boundary ({', '.join(hit)}).",
                "quote words from one sentence only.")
    folded = needle.translate(_QUOTE_FOLD)
    for sid, text in zip(sentences["sid"], sentences["text"]):
        if folded in text.translate(_QUOTE_FOLD):
            return (f"the quote differs from sentence {sid} only in its quote marks or apostrophes.",
                    f"copy the marks exactly as the article has them: {text!r}.")
    sid, text, score = _closest(sentences, needle)
    if score >= 0.6:
        return ("the quote matches no sentence of the article.",
                f"closest is {sid}: {text!r} - copy the text exactly.")
    return ("the quote matches no sentence of the article.",
            "copy the words exactly from the article (see `medialit sentences ID`).")


def _closest(sentences, needle: str) -> tuple[str, str, float]:
    """The sentence sharing the most characters, in order, with *needle* (share of the needle)."""
    best = ("", "", 0.0)
    for sid, text in zip(sentences["sid"], sentences["text"]):
        matcher = difflib.SequenceMatcher(None, needle, text, autojunk=False)
        score = sum(block.size for block in matcher.get_matching_blocks()) / max(len(needle), 1)
        if score > best[2]:
            best = (sid, text, score)
    return best
