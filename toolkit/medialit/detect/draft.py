"""Draft an answer key from the detectors: article in, key (dict / YAML text) out.

``draft_key(article)`` returns a dict in the key format of ``docs/formats.md`` with ``status: draft``:
``sources`` (every speaker with the article's ways of naming it as aliases), ``items`` (attribution,
unattributed headings, unverifiable sentences; each item's ``explanation`` names the cue that
produced it) and ``conflicts`` (every candidate pair, within the article and with any articles
passed as ``compare``, merged into candidate groups by ``candidate_groups``, best first). Every quote
is a whole sentence, so it matches exactly one sentence. The draft passes ``medialit validate`` and is
meant to be corrected by an instructor, not trusted.
"""

from __future__ import annotations

import re

from ..keys.schema import REASON_LABELS

DRAFT_NOTE = ("Draft written by medialit.detect: check every item, fix speakers and reasons, delete what is "
              "wrong, then set status: reviewed.")
_WORD = re.compile(r"[\w’'-]+")
_MODEL_NOTE = re.compile(r" \(trained model, p=([\d.]+)\)$")


def _quote_ok(sentences, text: str) -> bool:
    from ..keys.resolve import matching_sids

    return len(matching_sids(sentences, text)) == 1


def _attribution_explanation(row) -> str:
    label = {"direct": "a direct quotation", "indirect": "reported speech", "mixed": "reported speech with quoted words",
             "according_to": "an \"according to\" attribution", "continued": "a quotation continued from another sentence",
             "anecdote": "an anecdote about an unnamed person"}.get(row["label"], row["label"])
    if row["via"] == "tag":
        words = row["speaker_words"]
        how = "" if not isinstance(words, str) or words == row["speaker"] else f" (\"{words}\" = {row['speaker']})"
        return f"Detected {label}: cue \"{row['cue']}\", speaker {row['speaker']}{how}."
    if row["via"] == "chain":
        return f"Detected {label}: inside a quotation whose speaker tag names {row['speaker']}."
    if row["speaker"]:
        return f"Detected {label}: no tag of its own; taken as {row['speaker']}, the speaker just before."
    return f"Detected {label}: no speaker found - fill in the source."


def _surface(stems: list[str], texts: list[str]) -> list[str]:
    """Topic stems as words the claims use ("instanc" -> "instance"), for a readable group topic."""
    from .terms import stem

    words = {}
    for text in texts:
        for word in _WORD.findall(text):
            words.setdefault(stem(word), word.lower())
    return [words.get(s, s.removeprefix("unit:")) for s in stems]


def _signals(signals: list[str]) -> str:
    """The distinct signals of a group's pairs, the trained model's probability named once."""
    plain = [_MODEL_NOTE.sub("", s) for s in signals]
    best = max((float(m.group(1)) for s in signals for m in [_MODEL_NOTE.search(s)] if m), default=None)
    text = "; ".join(dict.fromkeys(plain))
    return text + (f" (trained model, best pair p={best:.2f})" if best is not None else "")


def draft_key(article, compare=()) -> dict:
    """Write a draft key for *article*.

    Args:
        article: a ``medialit.Article`` or an id/path accepted by ``load_article``.
        compare: other articles (or ids) on the same story, for conflicts across articles.

    Returns:
        dict: ``article``, ``status`` (``draft``), ``sources``, ``items``, ``conflicts``.
    """
    import pandas as pd

    from ..articles.load import load_article
    from .candidate_groups import group_pairs
    from .conflicts import conflict_candidates
    from .pipeline import detect_article

    article = load_article(article)
    det = detect_article(article)
    others = [load_article(a) for a in compare]
    other_dets = {a.id: detect_article(a) for a in others}
    texts = {article.id: dict(zip(article.sentences["sid"], article.sentences["text"]))}
    sentences = {article.id: article.sentences}
    for a in others:
        texts[a.id] = dict(zip(a.sentences["sid"], a.sentences["text"]))
        sentences[a.id] = a.sentences

    sources: dict[str, dict] = {}

    def declare(name: str, kind: str, aliases=()) -> str:
        entry = sources.setdefault(name, {"name": name, "type": kind, "aliases": []})
        for alias in aliases:
            if alias and alias != name and alias not in entry["aliases"]:
                entry["aliases"].append(alias)
        return entry["type"]

    for row in det.sources.to_dict("records"):
        declare(row["name"], row["type"], row["aliases"])

    items = []
    speaker_of = {}
    for row in det.attribution.to_dict("records"):
        text = texts[article.id][row["sid"]]
        if not _quote_ok(article.sentences, text):
            continue
        if row["label"] == "unattributed":
            items.append({"quote": text, "category": "unattributed", "source_type": "none", "reason": None,
                          "explanation": f"Detected: a heading that {row['cue']}.", "acceptable": False})
            continue
        if not isinstance(row["speaker"], str) or not row["speaker"]:
            continue
        kind = declare(row["speaker"], row["speaker_type"] or "anonymous")
        speaker_of[row["sid"]] = (row["speaker"], kind)
        items.append({"quote": text, "category": "attribution", "source": row["speaker"], "source_type": kind,
                      "reason": None, "explanation": _attribution_explanation(row), "acceptable": False})
    for row in det.flagged.to_dict("records"):
        text = texts[article.id][row["sid"]]
        if not _quote_ok(article.sentences, text):
            continue
        cues = ", ".join(f"\"{c}\"" for c in row["cues"][:4])
        item = {"quote": text, "category": "unverifiable"}
        if row["sid"] in speaker_of:
            item["source"], item["source_type"] = speaker_of[row["sid"]]
        item.update({"reason": row["reason"],
                     "explanation": f"Detected {REASON_LABELS[row['reason']]} (score {row['score']}); cues: {cues}.",
                     "acceptable": False})
        items.append(item)

    conflicts = []
    if len(det.claims):
        frame = pd.concat([det.claims, *(d.claims for d in other_dets.values())], ignore_index=True)
        pairs = conflict_candidates(frame)
        pairs = pairs[(pairs["article_a"] == article.id) | (pairs["article_b"] == article.id)]
        outlets = {article.id: article.meta.get("outlet"), **{a.id: a.meta.get("outlet") for a in others}}
        for other_id, d in other_dets.items():
            for row in d.sources.to_dict("records"):
                declare(row["name"], row["type"], [])
        for group in group_pairs(pairs):
            claims = []
            for aid, sid, speaker in group["claims"]:
                text = texts[aid][sid]
                if not _quote_ok(sentences[aid], text):
                    continue
                if speaker in sources:
                    kind = sources[speaker]["type"]
                elif speaker == outlets.get(aid):
                    kind = "organization"  # the outlet's own voice
                else:
                    kind = "person" if str(speaker).startswith("@") else "anonymous"
                declare(speaker, kind)
                claim = {"quote": text, "source": speaker}
                if aid != article.id:
                    claim["article"] = aid
                claims.append(claim)
            if len(claims) < 2:
                continue
            shared = ", ".join(_surface(group["shared"][:4], [c["quote"] for c in claims])) or "the same subject"
            signals = _signals(group["signals"])
            voices = " vs ".join(dict.fromkeys(str(c["source"]) for c in claims))
            conflicts.append({"topic": f"Candidate: {shared}",
                              "explanation": f"Detected: {signals} ({voices}). Check that the claims really "
                                             "disagree; drop a claim that does not, split a group that holds two "
                                             "questions.",
                              "claims": claims})

    return {"article": article.id, "status": "draft", "sources": list(sources.values()), "items": items,
            "conflicts": conflicts}


def key_yaml(key: dict) -> str:
    """The draft as YAML text, with a comment saying how to finish it."""
    import yaml

    body = yaml.safe_dump(key, sort_keys=False, allow_unicode=True, width=120)
    return f"# {DRAFT_NOTE}\n# Format: docs/formats.md\n{body}"
