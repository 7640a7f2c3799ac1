"""A plain baseline to measure the detectors against: article in, the same frames as ``detect_article`` out.

- attribution: a sentence with a reporting verb (short fixed list) or a quotation mark is attributed;
- speaker: the nearest capitalised name before the verb (or the sentence end), looking back
  through earlier sentences when the sentence has none;
- unverifiable: a sentence holding a word of a tiny hedge list;
- conflicts (``baseline_conflicts``): any two sentences whose numbers differ.

Output columns follow ``pipeline.Detections``: ``attribution`` (sid, kind, label, cue, speaker,
speaker_type, speaker_words, via), ``flagged`` (sid, reason, cues, score), ``claims`` (article, sid,
speaker, numbers, times, negated, stance, terms, names, attributed, dismisses, holds_line, text).
"""

from __future__ import annotations

import re

from .marks import DOUBLE_QUOTES

REPORTING = ("said", "says", "say", "told", "tells", "added", "according to", "claimed", "claims", "stated",
             "announced", "reported", "warned", "explained", "insisted", "denied")
HEDGES = ("reportedly", "allegedly", "may", "might", "could", "apparently", "sources", "experts")
QUOTE_MARKS = "".join(sorted(DOUBLE_QUOTES))
_VERB = re.compile(r"\b(" + "|".join(re.escape(v) for v in REPORTING) + r")\b", re.I)
_HEDGE = re.compile(r"\b(" + "|".join(HEDGES) + r")\b", re.I)
_CAPS = re.compile(r"(?<![\w\u201c\"'])([A-Z][\w\-\u2019']*(?:\s+[A-Z][\w\-\u2019']*)*)")
_NUMBER = re.compile(r"\d[\d,.:]*")


def _names_before(text: str, end: int) -> list[str]:
    """Capitalised runs ending before *end*, skipping the sentence's first word and "I"."""
    out = []
    for m in _CAPS.finditer(text[:end]):
        name = m.group(1)
        if m.start() == 0 or text[:m.start()].strip() in ("", *QUOTE_MARKS):
            words = name.split()
            if len(words) == 1:
                continue
            name = " ".join(words[1:])
        if name != "I":
            out.append(name)
    return out


def baseline_detections(article):
    """Run the baseline over one article.

    Args:
        article: a ``medialit.Article``.

    Returns:
        pipeline.Detections: attribution, flagged and claims filled; cues and sources empty.
    """
    import pandas as pd

    from .pipeline import ATTRIBUTION_COLUMNS, CLAIM_COLUMNS, CUE_COLUMNS, SOURCE_COLUMNS, Detections

    rows, flagged, claims = [], [], []
    last_name = None
    for sid, kind, text in zip(article.sentences["sid"], article.sentences["kind"], article.sentences["text"]):
        verb = _VERB.search(text)
        names = _names_before(text, verb.start() if verb else len(text))
        if verb or any(c in text for c in QUOTE_MARKS):
            speaker = names[-1] if names else last_name
            rows.append({"sid": sid, "kind": kind, "label": "indirect" if verb else "direct",
                         "cue": verb.group(0) if verb else "quotation mark", "speaker": speaker,
                         "speaker_type": None, "speaker_words": speaker, "via": "tag"})
        all_names = _names_before(text, len(text))
        if all_names:
            last_name = all_names[-1]
        hedge = _HEDGE.search(text)
        if hedge:
            flagged.append({"sid": sid, "reason": "other", "cues": [hedge.group(0)], "score": 1.0})
        numbers = sorted(set(_NUMBER.findall(text)))
        claims.append({"article": article.id, "sid": sid, "speaker": None, "numbers": numbers, "times": [],
                       "negated": False, "stance": None, "terms": [], "names": [], "attributed": False,
                       "dismisses": False, "holds_line": False, "slots": [], "text": text})
    return Detections(article.id, pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS),
                      pd.DataFrame([], columns=CUE_COLUMNS), pd.DataFrame(flagged, columns=["sid", "reason", "cues", "score"]),
                      pd.DataFrame([], columns=SOURCE_COLUMNS), pd.DataFrame(claims, columns=CLAIM_COLUMNS))


def baseline_conflicts(claims):
    """Every pair of sentences that both hold numbers and whose numbers differ.

    Args:
        claims: DataFrame with columns article, sid, numbers (list of str) - one or more articles.

    Returns:
        DataFrame with columns article_a, sid_a, article_b, sid_b, signal, score.
    """
    import pandas as pd

    rows = [r for r in claims.to_dict("records") if r["numbers"]]
    pairs = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if set(a["numbers"]) != set(b["numbers"]):
                pairs.append({"article_a": a["article"], "sid_a": a["sid"], "article_b": b["article"],
                              "sid_b": b["sid"], "signal": "different numbers", "score": 1.0})
    return pd.DataFrame(pairs, columns=["article_a", "sid_a", "article_b", "sid_b", "signal", "score"])
