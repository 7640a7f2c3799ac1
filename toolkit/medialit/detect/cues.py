"""Find what makes a claim hard to check: Doc in, cue spans out; cue frame in, flagged sentences out.

Writes ``doc.spans["medialit_unverifiable"]``: one span per cue, labelled with its reason
(``vague_source``, ``evidence_not_shown``, ``loaded_language``, ``speculation``); ``span._.cue`` is the
lexicon entry that triggered it and its weight. Cues come from ``patterns/cues.jsonl`` (phrases and
token patterns, weight 1 for strong cues and 0.5 for weak ones, 0.25 for the commonest hedges such
as "will" or "all"; the families cover sourcing, loaded words, superlatives and absolutes,
comparisons, evidence that is mentioned but not given, causes stated as fact, and predictions). An
entry may say where it counts: ``"only": ["headline", "subhead"]`` (headings state causes and
forecasts as fact: "Phones keep teenagers awake"), ``"unless": "figure"`` (a comparison is unchecked
only when no figure comes with it, and a question asserts none; ``"figure_near"``: no figure within
three words; ``"limit"``: not after a word of a legal or physical ceiling, "fines of up to"), ``"needs": "claim"`` (evidence withheld matters in a sentence that reports a claim:
"said the union had minutes ..., but did not release them") and ``"absolute": true`` (void after "not":
"not everyone"), ``"not_after"`` (void after one of its words: "the data shows" points at data the story
names). The attribution step adds
two: a speaker nobody can look up (``witnesses``, ``industry sources``; named once, not again for its
"he") is a vague source, and an unnamed document ("intelligence reports indicate") is evidence not
shown. Short quotations count as scare quotes in the writer's own voice only. ``generalisations``
adds sweeping statements about whole groups ("Commuters hate the timetable", "nobody ... will tell
you"). A heading that is one quotation is someone's words: it gets no heading weight.

``flagged_sentences`` turns the cue frame (sid, reason, cue, weight) into the flagged frame
(sid, reason, cues, score): a sentence is flagged when its weights add up to ``THRESHOLD``.
"""

from __future__ import annotations

from .generalisations import sweeping_cues
from .lexicon import TokenPatterns, load_patterns, phrase_entries, phrase_matcher, word_labels
from .marks import ALL_QUOTES

SPANS_KEY = "medialit_unverifiable"
THRESHOLD = 1.0
WEAK_CAP = 0.5       # weak cues of one reason add up to this at most
CONTEXT = "context"  # not a reason: extra weight where unchecked claims matter most
CONTEXT_WEIGHT = 0.5
OPINION_GENRES = {"opinion", "blog", "social-post"}
NEGATING = {"not", "n't", "n’t", "almost", "nearly", "hardly", "barely"}
# Words that name a document but let a reader find it: "the report", "its annual accounts".
DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
FIGURE_REACH = 3     # "unless": "figure_near" looks this many words either side for a figure
# "unless": "limit": a ceiling set by a rule is checkable ("fines of up to 5,000 euros", "a capacity of up to 300").
LIMIT_WORDS = {"fine", "fines", "fined", "penalty", "penalties", "jail", "jailed", "prison", "imprisonment", "sentence",
               "sentences", "sentenced", "capacity", "limit", "limits", "maximum", "holds", "seats", "seating", "ban",
               "banned", "compensation", "damages", "liable", "grant", "grants", "loan", "loans", "award", "awards"}
# "research from America": a place after these names no owner a reader could ask for the document.
PLACE_PREPOSITIONS = {"from", "in", "across", "throughout"}
REASON_ORDER = ("vague_source", "evidence_not_shown", "speculation", "loaded_language", "other")


class CueFinder:
    """Match the unverifiable-cue lexicon and add vague sources from the attribution step."""

    def __init__(self, nlp) -> None:
        self.phrases = phrase_matcher(nlp, "cues")
        self.entries = phrase_entries("cues")
        self.tokens = TokenPatterns(nlp, "cues")
        self.token_entries = {row["id"]: row for row in load_patterns("cues") if isinstance(row["pattern"], list)}
        self.orgs = set(word_labels("org_words"))
        self.groups = word_labels("group_nouns")
        self.roles = word_labels("roles")

    def __call__(self, doc):
        """Write ``doc.spans["medialit_unverifiable"]``.

        Args:
            doc (Doc): a document with sentence records and attribution spans.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc) -> list[tuple[int, int, str, str, float]]:
        """Return ``(start, end, reason, cue, weight)`` per cue, longest match first where they overlap."""
        found = []
        starts = {row["token_start"] for row in doc._.medialit_sentences}
        rows = {}
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                rows[i] = row
        # a refusal ("declined to say whether ...") reports no claim: what was withheld is not evidence withheld
        claims = {s.start for s in doc.spans.get("medialit_attribution", []) if not s._.attribution.get("refusal")}
        matches = [(self.entries[doc.vocab.strings[m]], start, end) for m, start, end in self.phrases(doc)]
        matches += [(self.token_entries[doc.vocab.strings[m]], start, end) for m, start, end in self.tokens(doc)]
        for entry, start, end in matches:
            row = rows.get(start)
            if row is not None and self.applies(doc, entry, start, row, row["token_start"] in claims):
                found.append((start, end, entry["label"], entry["id"], float(entry.get("weight", 1.0))))
        # a weak cue written as a name is a name: "May 4", "Will Smith"
        found = [f for f in found if f[4] >= 1.0 or not doc[f[0]].text[:1].isupper() or f[0] in starts
                 or doc[f[0] - 1].is_punct]
        attributed = set()
        unnamed = set()  # anonymous speakers already flagged: their "he" later is not flagged again
        for span in doc.spans.get("medialit_attribution", []):
            attributed.add(span.start)
            d = span._.attribution
            if d["via"] != "tag" or d.get("speaker_start") is None:
                continue
            words = doc[d["speaker_start"]:d["speaker_end"]]
            # named once is enough: "she" or "the nurse" later is the same unnamed source
            repeated = span._.speaker in unnamed and (d.get("speaker_kind") == "pronoun"
                                                      or words[0].lower_ in ("the", "this", "that"))
            if span._.speaker_type == "anonymous":
                unnamed.add(span._.speaker)
            if span._.speaker_type == "anonymous" and not repeated:
                found.append((words.start, words.end, "vague_source", f"unnamed source: {words.text}", 1.0))
            elif span._.speaker_type == "document" and self._unnamed_document(doc, words, span.start):
                found.append((words.start, words.end, "evidence_not_shown", f"unnamed document: {words.text}", 1.0))
        for span in doc.spans.get("medialit_quotes", []):
            row = rows.get(span.start)
            if span.label_ == "scare" and row is not None and row["kind"] == "body":
                # in a heading or in someone's reported words, a short quotation is usually borrowed, not scare
                weight = 0.25 if row["token_start"] in attributed else 0.5
                found.append((span.start, span.end, "loaded_language", f"scare quotes: {span.text}", weight))
        found += sweeping_cues(doc, self.groups, self.roles, {s.start for s in doc.spans.get("medialit_attribution", [])})
        found += self._context(doc, attributed)
        # keep the longest of overlapping cues with the same reason (the heavier of two as long)
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), -f[4]))
        kept = []
        for cue in found:
            if any(k[2] == cue[2] and k[0] <= cue[0] and cue[1] <= k[1] for k in kept):
                continue
            kept.append(cue)
        return kept

    def applies(self, doc, entry, start, row, claim: bool = True) -> bool:
        """Whether a lexicon match counts where it stands (the entry's ``only``, ``unless``, ``needs``, ``absolute``).

        *claim*: the sentence is attributed (reports a claim).
        """
        if entry.get("only") and row["kind"] not in entry["only"]:
            return False
        if entry.get("needs") == "claim" and not claim:
            return False
        if entry.get("unless") and doc[row["token_end"] - 1].text == "?":
            return False  # a question asserts nothing
        if entry.get("not_after") and start > row["token_start"] and doc[start - 1].lower_ in entry["not_after"]:
            return False  # "the data shows": data already named in the story
        if entry.get("absolute") and start > row["token_start"] and doc[start - 1].lower_ in NEGATING:
            return False  # "not everyone", "almost never"
        if entry.get("unless") == "limit" and any(
                t.lower_ in LIMIT_WORDS for t in doc[max(row["token_start"], start - FIGURE_REACH):start]):
            return False  # "fines of up to 5,000 euros": a legal ceiling, not a best case
        if entry.get("unless") == "figure" and any(
                t.like_num or t.is_currency for t in doc[row["token_start"]:row["token_end"]]):
            return False
        if entry.get("unless") == "figure_near" and any(
                t.like_num or t.is_currency for t in doc[max(row["token_start"], start - FIGURE_REACH):
                                                         min(row["token_end"], start + FIGURE_REACH + 1)]):
            return False  # "four times higher": a comparison that comes with its figure
        return True

    def _unnamed_document(self, doc, words, sentence_start: int) -> bool:
        """A document nobody could look up: no name, title, date or owner ("intelligence reports", "a study").

        A sender named before it in the sentence owns it: "The school sent a letter home saying ...".
        """
        toks = [t for t in words if not t.is_punct]
        if not toks or toks[0].lower_ in DEFINITE or any(t.text in ("’s", "'s") for t in toks):
            return False
        named = {i for m in doc.spans.get("medialit_mentions", []) for i in range(m.start, m.end)
                 if m.label_ in ("ORG", "PERSON", "NAME", "HANDLE")
                 and not (m.label_ == "NAME" and m.start > 0 and doc[m.start - 1].lower_ in PLACE_PREPOSITIONS)}
        before = doc[sentence_start:words.start]
        if any(t.i in named or t.lower_ in self.orgs for t in before):
            return False
        return not any(t.i in named or t.like_num for t in toks)

    def _context(self, doc, attributed) -> list[tuple]:
        """Where a cue weighs more: headlines and sub-headings, and the author's own voice in
        opinion pieces, blogs and social posts. Counted only next to a real cue."""
        genre = (doc._.medialit_meta or {}).get("genre")
        out = []
        for row in doc._.medialit_sentences:
            s, e = row["token_start"], row["token_end"]
            if row["kind"] in ("headline", "subhead") and not _all_quoted(doc, s, e):
                out.append((s, e, CONTEXT, "stated in a heading", CONTEXT_WEIGHT))
            elif row["kind"] == "body" and genre in OPINION_GENRES and s not in attributed:
                out.append((s, e, CONTEXT, f"the author's own claim ({genre})", CONTEXT_WEIGHT))
        return out

    def set_annotations(self, doc, cues):
        """Write the cue spans with their sentence ids."""
        sid_at = {}
        for row in doc._.medialit_sentences:
            for i in range(row["token_start"], row["token_end"]):
                sid_at[i] = (row["sid"], row["kind"])
        spans = []
        for start, end, reason, cue, weight in cues:
            sid, kind = sid_at.get(start, (None, None))
            if sid is None or kind == "dateline":
                continue
            span = doc[start:end]
            span.label_ = reason
            span._.sid = sid
            span._.cue = {"cue": cue, "weight": weight}
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def _all_quoted(doc, s: int, e: int) -> bool:
    """A heading that is one quotation ("'We were never offered anything'") gives someone's words, not the outlet's."""
    toks = [t for t in doc[s:e] if not t.is_space]
    marks = ALL_QUOTES
    if len(toks) < 3 or toks[0].text not in marks:
        return False
    last = len(toks) - 1 if toks[-1].text in marks else len(toks) - 2 if (
        toks[-2].text in marks and toks[-1].is_punct) else None
    return last is not None and not any(t.text in marks for t in toks[1:last])


def flagged_sentences(cues, threshold: float = THRESHOLD):
    """Flag the sentences whose cues add up to *threshold*.

    Per reason, weights add up to 1 when a strong cue (weight 1) is among them, else to at most
    ``WEAK_CAP``; the ``context`` weight counts only next to a real cue.

    Args:
        cues: DataFrame with columns sid, reason, cue, weight.
        threshold: the score a sentence needs.

    Returns:
        DataFrame with columns sid, reason (the reason with the most weight), cues (list of str), score.
    """
    import pandas as pd

    records = zip(cues["sid"], cues["reason"], cues["cue"], cues["weight"])
    return pd.DataFrame(score_sentences(records, threshold), columns=["sid", "reason", "cues", "score"])


def score_sentences(records, threshold: float = THRESHOLD) -> list[dict]:
    """``flagged_sentences`` on plain (sid, reason, cue, weight) tuples: one dict per flagged sentence.

    Plain Python, because the pipeline scores every article's cues once more for the trained cue.
    """
    by_sid: dict[str, list[tuple]] = {}
    for sid, reason, cue, weight in records:
        by_sid.setdefault(sid, []).append((reason, cue, float(weight)))
    rows = []
    for sid, cues in by_sid.items():
        real = [c for c in cues if c[0] != CONTEXT]
        if not real:
            continue
        by_reason = {}
        for reason in sorted({c[0] for c in real}):
            weights = [w for r, _, w in real if r == reason]
            cap = 1.0 if any(w >= 1.0 for w in weights) else WEAK_CAP
            by_reason[reason] = min(cap, sum(weights))
        context = CONTEXT_WEIGHT if len(real) < len(cues) else 0.0
        score = sum(by_reason.values()) + context
        if score < threshold:
            continue
        best = max(by_reason, key=lambda r: (by_reason[r], -REASON_ORDER.index(r) if r in REASON_ORDER else -9))
        ordered = sorted(real, key=lambda c: -c[2])
        rows.append({"sid": sid, "reason": best, "cues": [c[1] for c in ordered], "score": round(score, 2)})
    return rows
