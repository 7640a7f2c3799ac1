"""Hints for practice mode: detections in, one hint per sentence and task out (never the answer).

``hints_for(article)`` returns a DataFrame with columns ``sid`` (str), ``kind`` (``attribution``,
``unverifiable`` or ``conflicts``) and ``hint`` (str): a question that points to where to look.
Every body sentence, headline and sub-heading gets a hint for every task, so a hint's presence
gives nothing away; where a detector found something the hint says where to look (the reporting
verb, the paragraph above, the words that judge), never who speaks, which reason applies or which
sentence disagrees. ``hints_from_detections`` is the pure part, usable with any ``Detections``.
"""

from __future__ import annotations

HINT_COLUMNS = ["sid", "kind", "hint"]
GENERIC = {
    "attribution": "Ask: who says this - the writer, or someone the article names? Look for a verb of saying.",
    "unverifiable": "Ask: could a reader check this claim? Who or what backs it up?",
    "conflicts": "Does anyone else in the article (or in another article on the story) talk about the same thing?",
}
HEADING = {
    "attribution": "A heading is short: does it say who makes this claim? Read the paragraphs below it.",
}
BY_LABEL = {
    "direct": "Look at the words around the quotation marks: a verb of saying names the speaker.",
    "indirect": "Look at the reporting verb in this sentence: who does it belong to?",
    "mixed": "Part of this sentence is quoted. Look at the reporting verb outside the quotation marks.",
    "according_to": "Look at how this sentence names where its information comes from.",
    "continued": "This sentence has no verb of saying. Is it inside a quotation? Find where the quotation opens "
                 "or closes.",
    "anecdote": "This sentence tells what happened to someone, with no verb of saying. Whose story is it, and "
                "could you ask them?",
}
BY_SPEAKER_WORDS = {
    "pronoun": "The speaker is only a pronoun here. Look at the sentences before: who was named last?",
    "role": "The speaker is named by a job or title here. Who in the article was given that title?",
    "carry": "Look at the paragraph before: who was speaking there, and does this paragraph go on with it?",
}
BY_REASON = {
    "vague_source": "Could you look up or contact the source of this claim? Is it named?",
    "evidence_not_shown": "Evidence is mentioned here. Is it shown, or only described?",
    "loaded_language": "Look at the adjectives and verbs: do any of them judge rather than describe?",
    "speculation": "Is this something that has happened, or a prediction, a guess or a cause taken for granted?",
    "other": "Is this claim offered as information, or does it close the discussion?",
}
CONFLICT = {
    "numbers": "This sentence gives a figure or a time. Does another source give a different one?",
    "negation": "Someone denies or rejects something in the article. Is it this claim, or does this sentence deny "
                "another?",
    "cause": "This sentence says what caused something. Does another source give another cause?",
    "default": "Another source may tell this differently. Compare it with the other sources on the same subject.",
}


def _pronoun_like(words) -> bool:
    return isinstance(words, str) and words.strip().lower() in ("he", "she", "they", "him", "her", "them", "it")


def hints_from_detections(article, detections, pairs=None):
    """Build the hint frame for *article* from its *detections* (and conflict candidate *pairs*).

    Args:
        article: a ``medialit.Article``.
        detections: ``pipeline.Detections`` for the article.
        pairs: candidate conflict pairs (``conflicts.COLUMNS``); None to use only generic conflict hints.

    Returns:
        DataFrame with ``HINT_COLUMNS``, one row per sentence (datelines left out) and task.
    """
    import pandas as pd

    att = {r["sid"]: r for r in detections.attribution.to_dict("records")}
    flagged = {r["sid"]: r for r in detections.flagged.to_dict("records")}
    signal_of = {}
    if pairs is not None:
        for r in pairs.to_dict("records"):
            for side in ("a", "b"):
                if r[f"article_{side}"] == article.id:
                    signal_of.setdefault(r[f"sid_{side}"], r["signal"])
    rows = []
    for sid, kind in zip(article.sentences["sid"], article.sentences["kind"]):
        if kind == "dateline":
            continue
        a = att.get(sid)
        if a is None:
            hint = HEADING["attribution"] if kind in ("headline", "subhead") else GENERIC["attribution"]
        elif a["label"] == "unattributed":
            hint = HEADING["attribution"]
        elif _pronoun_like(a["speaker_words"]):
            hint = BY_SPEAKER_WORDS["pronoun"]
        elif a["via"] == "carry":
            hint = BY_SPEAKER_WORDS["carry"]
        elif a["speaker_type"] == "person" and isinstance(a["speaker_words"], str) \
                and a["speaker"] not in a["speaker_words"] and a["speaker_words"][:1].islower():
            hint = BY_SPEAKER_WORDS["role"]
        else:
            hint = BY_LABEL.get(a["label"], GENERIC["attribution"])
        rows.append({"sid": sid, "kind": "attribution", "hint": hint})
        f = flagged.get(sid)
        rows.append({"sid": sid, "kind": "unverifiable",
                     "hint": BY_REASON.get(f["reason"], GENERIC["unverifiable"]) if f else GENERIC["unverifiable"]})
        signal = signal_of.get(sid)
        if signal is None:
            hint = GENERIC["conflicts"]
        elif "numbers" in signal or "times" in signal:
            hint = CONFLICT["numbers"]
        elif "denies" in signal:
            hint = CONFLICT["negation"]
        elif "cause" in signal:
            hint = CONFLICT["cause"]
        else:
            hint = CONFLICT["default"]
        rows.append({"sid": sid, "kind": "conflicts", "hint": hint})
    return pd.DataFrame(rows, columns=HINT_COLUMNS)


def hints_for(article):
    """Hints for every sentence of *article* and every task (see the module docstring).

    Args:
        article: a ``medialit.Article`` or an id/path accepted by ``load_article``.

    Returns:
        DataFrame with columns sid, kind, hint.
    """
    from ..articles.load import load_article
    from .conflicts import conflict_candidates
    from .pipeline import detect_article

    article = load_article(article)
    detections = detect_article(article)
    return hints_from_detections(article, detections, conflict_candidates(detections.claims))
