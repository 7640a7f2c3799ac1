"""Describe each sentence's claim for comparison: Doc in, claim spans out.

Writes ``doc.spans["medialit_claims"]``: one span per headline, sub-heading or body sentence with
``span._.claim`` = ``speaker`` (the attributed speaker, or the outlet for the article's own voice),
``numbers`` (list of ``[value, unit]`` from ``quantities``: ``[12, "people"]``, ``[280, "time"]`` for
4:40 a.m., ``[6.8, "percent"]``, ``[19, "ship"]``; a figure that only points back - "the real figure
is closer to 30", "the office counted 34" - takes the unit of the sentence before), ``times`` (days, months, seasons and
durations: ``["friday", "12 month"]``), ``negated`` (the content stems a negation or a denial
covers: ``["letter", "visit"]`` for "no letter ... no visit"), ``stance`` (the
reporting verb's lexicon label or None), ``terms`` (sorted content stems, speaker words left out, plus
``#value`` and ``~unit`` terms for each quantity, so that "19 ships" and "34" counted just after share
what they measure), ``names`` (the people and organisations named), ``attributed`` (bool),
``slots`` (where, who-by, which way on a scale, vague amounts: see ``slots``), ``dismisses`` (bool: the
sentence rejects what was just said - "The company rejected that claim", "X called that a fairy tale",
"That is a myth.", "dismissed the union's figures as wrong"; words in ``patterns/conflict_words.jsonl``)
``holds_line`` (bool: its reporting verb holds a line against another account - "insisted", "maintains",
"stood by", "denied"), ``kind`` (headline, subhead, body), ``blame`` (``"blame"``, ``"defence"`` or None: see
``responsibility``), ``hedged`` (bool: "may", "could", "suggests" ...) and ``text``. A disagreement
phrase (label ``disagree``: "does not agree", "far from proof") also makes a sentence dismissive. In a social-media thread the account that posts (``@name:`` opening the paragraph) is
the speaker of its own unattributed posts.
"""

from __future__ import annotations

from .lexicon import load_patterns, word_labels
from .quantities import number_value, quantities
from .responsibility import responsibility
from .slots import slots
from .terms import TIME_WORDS as _TIME_WORDS
from .terms import stem, terms

SPANS_KEY = "medialit_claims"
NEGATIONS = {"not", "n't", "n’t", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without",
             "cannot", "denies", "denied", "deny", "rejected", "rejects", "disclaimed", "dismissed", "false",
             "falsehood"}
TIME_WORDS = _TIME_WORDS - {"today"}  # "today" dates nothing a rival claim could contradict
DURATIONS = {"second", "minut", "hour", "day", "week", "month", "year", "decad", "fortnight"}
HUMAN_UNITS = {"peopl", "person", "patient", "victim", "casualty", "dead", "injur", "hurt", "child", "children", "kid",
               "teen", "pupil", "student", "resident", "worker", "adult", "man", "men", "women", "woman", "member",
               "employe", "firefighter", "passenger", "customer", "household", "famili", "civilian"}
# "None of the readings was high enough to pose a health risk": the subject's "none" negates the whole clause.
NEGATIVE_QUANTIFIERS = {"none", "nobody", "nothing", "neither", "no"}
# After a preposition a negation covers only what follows ("outside agitators with no connection to the
# town"); elsewhere also the words just before ("the hospital was not destroyed", "planes flew no sorties").
PREPOSITIONS = {"with", "of", "at", "in", "for", "by", "from", "on", "to", "under", "without", "into", "about"}
# What follows a "not" that describes the source rather than the claim.
ABOUT_THE_SOURCE = ("to be named", "be named", "authorised", "authorized", "be reached", "immediately",
                    "available", "respond", "return calls", "to comment", "comment")
WHOLE_CLAUSE = 8
DENIALS = {"denies", "denied", "deny", "rejected", "rejects", "disclaimed", "dismissed"}
# Reporting verbs that hold a line against someone else's account ("A spokeswoman insisted the text was checked").
HOLDING_LINE = ("insist", "maintain", "stand by", "stood by", "stands by", "counter", "den")
# Nouns that name what someone said, so that a denial aimed at them answers an earlier claim.
CLAIM_NOUNS = {"figure", "figures", "claim", "claims", "allegation", "allegations", "report", "reports", "account",
               "accounts", "estimate", "estimates", "suggestion", "suggestions", "accusation", "accusations", "version",
               "numbers", "statistics", "findings", "story", "stories", "warning", "warnings", "criticism"}
# Units too common to say two figures measure the same thing.
GENERIC_UNITS = {"count", "figure", "year", "people", "time"}
# Words that make a claim tentative: "may cut sick days", "is linked to", "suggests".
HEDGES = {"may", "might", "could", "possibly", "perhaps", "suggest", "suggests", "suggested", "appear", "appears",
          "linked", "associated", "likely", "probably", "potentially", "seem", "seems"}
# Words that may stand between a number and its duration: "two full days", "three more weeks".
DURATION_FILLERS = {"full", "whole", "more", "further", "long", "entire", "extra", "working", "school", "calendar"}
# Units a figure that only points back may take from the sentence before.
NOT_INHERITED = {"year", "count", "figure", "age", "time", "percent"}


class ClaimExtractor:
    """Numbers, negation, stance and topic words of every sentence."""

    def __init__(self, nlp) -> None:
        self.human = HUMAN_UNITS | {stem(w) for w in word_labels("roles")} | {
            stem(w) for w, label in word_labels("group_nouns").items() if label == "group"}
        rows = load_patterns("conflict_words")
        self.dismissals = {r["pattern"] for r in rows if r["label"] == "dismissal"}
        self.anaphors = {r["pattern"] for r in rows if r["label"] == "anaphor"}
        self.pointers = {r["pattern"] for r in rows if r["label"] == "pointer"}
        self.dismiss_verbs = {r["pattern"]: r["id"] for r in rows if r["label"] == "dismiss_verb"}
        self.disagreements = {r["pattern"] for r in rows if r["label"] == "disagree"}
        self.scales = {r["pattern"]: r["id"] for r in rows if r["label"] == "scale"}

    def __call__(self, doc):
        """Write ``doc.spans["medialit_claims"]``.

        Args:
            doc (Doc): a document with attribution spans and speakers.

        RETURNS (Doc): the same document.
        """
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc) -> list[tuple[dict, dict]]:
        """Return ``(sentence row, claim detail)`` per sentence."""
        attributed = {s._.sid: s for s in doc.spans.get("medialit_attribution", [])}
        outlet = (doc._.medialit_meta or {}).get("outlet") or "the article"
        handles = self._handles(doc)
        mentions_at: dict[int, list] = {}
        for m in doc.spans.get("medialit_mentions", []):
            if m.label_ in ("PERSON", "ORG", "NAME"):
                mentions_at.setdefault(m.start, []).append(m._.mention["name"])
        out = []
        before: list[list] = []  # the quantities of the sentence before (same or previous paragraph)
        for row in doc._.medialit_sentences:
            if row["kind"] == "dateline":
                continue
            span = doc[row["token_start"]:row["token_end"]]
            att = attributed.get(row["sid"])
            skip = set()
            stance = None
            holds_line = False
            speaker = outlet
            if att is not None and att._.speaker:
                speaker = att._.speaker
                d = att._.attribution
                if d.get("speaker_start") is not None:
                    skip.update(range(d["speaker_start"], d["speaker_end"]))
                stance = d.get("stance")
                holds_line = str(att._.attribution.get("cue", "")).lower().startswith(HOLDING_LINE)
            if att is None and row["paragraph"] in handles:
                speaker = handles[row["paragraph"]]
            toks = [t for t in span if t.i not in skip]
            low = [t.lower_ for t in toks]
            names = sorted({n for i in range(span.start, span.end) for n in mentions_at.get(i, ())})
            negated = negated_terms(toks)
            nums = inherit_units(numbers(toks, self.human), before)
            before = nums if row["kind"] == "body" else []
            if stance == "denial":
                # "X denies that ...": everything after the verb is what is denied
                after = [t for t in span if t.i >= att._.attribution.get("verb_end", span.start) and t.i not in skip]
                negated = sorted(set(negated) | terms(after))
            out.append((row, {"speaker": speaker, "numbers": nums, "times": times(toks),
                              "stance": stance, "negated": negated,
                              "terms": sorted(terms(toks) | number_terms(nums)), "names": names,
                              "attributed": att is not None, "dismisses": self.dismisses(span, stance),
                              "holds_line": holds_line,
                              "slots": slots(toks, self.scales), "kind": row["kind"],
                              "blame": responsibility(low), "hedged": bool(HEDGES & set(low)),
                              "text": span.text}))
        return out

    def dismisses(self, span, stance) -> bool:
        """Whether a sentence rejects what was just said: a denial or a dismissive word aimed at "that",
        "the claim", "such reports" ("The company rejected that claim", "Castellan called that a fairy tale").

        A bare pointer ("that", "it") counts right after the verb and before a pause or a noun ("denied it.",
        "called that "a fairy tale""), never as the "that" of reported speech ("denied that he ...").
        """
        low = [t.lower_ for t in span]
        text = " " + " ".join(low) + " "
        dismissive = any(f" {d} " in text for d in self.dismissals)
        if any(f" {d} " in text for d in self.disagreements):
            return True  # "Professor Holm does not agree.", "said the result was far from proof"
        if stance == "denial" and dismissive and any(w in CLAIM_NOUNS for w in low):
            return True  # "dismissed the union's staffing figures as simply wrong"
        if any(f" {a} " in text for a in self.anaphors) and (stance == "denial" or dismissive):
            return True
        words = [w for w in low if (w[:1].isalpha() or w in ("'s", "’s")) and not w.startswith("@")]
        if dismissive and len(words) > 2 and words[0] in self.pointers and words[1] in ("is", "was", "'s", "’s"):
            return True  # "That is a myth.", "This is simply untrue."
        for k, w in enumerate(low[:-2]):
            kind = self.dismiss_verbs.get(w)
            if kind is None or low[k + 1] not in self.pointers:
                continue
            after = span[k + 2]
            if not (after.is_punct or after.lower_ in ("as", "a", "an", "claim", "claims", "figure", "report", "idea")):
                continue
            if kind == "deny" or dismissive:
                return True
        return False

    def _handles(self, doc) -> dict[int, str]:
        """Paragraphs that open with ``@name:`` (posts in a thread) and the account posting them."""
        out = {}
        for row in doc._.medialit_sentences:
            span = doc[row["token_start"]:row["token_end"]]
            toks = [t for t in span if not (t.like_num or "/" in t.text)][:2]
            if len(toks) == 2 and toks[0].text.startswith("@") and toks[1].text == ":" and row["paragraph"] not in out:
                out[row["paragraph"]] = toks[0].text
        return out

    def set_annotations(self, doc, claims):
        """Write one claim span per sentence."""
        spans = []
        for row, detail in claims:
            span = doc[row["token_start"]:row["token_end"]]
            span.label_ = "claim"
            span._.sid = row["sid"]
            span._.claim = detail
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc


def number_terms(nums: list[list]) -> set[str]:
    """Quantities as topic words: ``#12`` (so that "3.10" in two sentences links them; years left out) and
    ``~unit:ship`` for what a figure measures (units as common as people or plain counts left out)."""
    out = {"#" + _plain(v) for v, unit in nums if unit != "year" and not unit.startswith("date:")}
    return out | {"~unit:" + unit for _, unit in nums if unit not in GENERIC_UNITS and not unit.startswith("date:")}


def inherit_units(nums: list[list], before: list[list]) -> list[list]:
    """Give a figure that only points back ("the real figure is 30") the unit of the sentence before."""
    source = next((unit for _, unit in before if unit not in NOT_INHERITED and not unit.startswith("date:")), None)
    out = []
    for value, unit in nums:
        if unit == "figure" or (unit == "count" and source is not None and len(nums) == 1):
            unit = source or "count"
        out.append([value, unit])
    return out


def negated_terms(toks, after: int = 3, before: int = 2) -> list[str]:
    """Content stems a negation covers: up to *after* content words after it and (unless it follows a
    preposition) *before* before it, within the clause ("no letter, no phone call"); a denial verb covers the rest of
    its clause, a negative subject ("none of the readings", "nobody") up to ``WHOLE_CLAUSE`` words of it."""
    out: set[str] = set()
    clause_end = {",", ".", ";", ":", "?", "!", "but", "because", "although", "while"}
    for k, tok in enumerate(toks):
        low = tok.lower_
        if low not in NEGATIONS:
            continue
        nxt = " ".join(t.lower_ for t in toks[k + 1:k + 4])
        if nxt.startswith(ABOUT_THE_SOURCE):
            continue  # "asked not to be named", "could not be reached": about the source, not the claim
        limit = len(toks) if low in DENIALS else WHOLE_CLAUSE if low in NEGATIVE_QUANTIFIERS else after
        found = 0
        for t in toks[k + 1:]:
            if t.lower_ in clause_end or (limit == WHOLE_CLAUSE and t.lower_ in ("and", "then")):
                break
            got = terms([t]) | ({"#" + _plain(number_value(t))} if number_value(t) is not None else set())
            out |= got
            found += len(got)
            if found >= limit:
                break
        found = 0
        after_preposition = k > 0 and toks[k - 1].lower_ in PREPOSITIONS
        for t in reversed(toks[:k] if not after_preposition else []):
            if t.lower_ in clause_end or found >= before:
                break
            got = terms([t])
            out |= got
            found += len(got)
    return sorted(out)


def times(toks) -> list[str]:
    """Days, months, seasons and durations named among *toks*: ``["friday", "12 month", "next year"]``."""
    out = []
    for k, tok in enumerate(toks):
        low = tok.lower_
        if low in TIME_WORDS:
            out.append("night" if low == "overnight" else low)
        elif low in ("next", "last", "this") and k + 1 < len(toks) and stem(toks[k + 1].lower_) in DURATIONS:
            out.append(f"{low} {stem(toks[k + 1].lower_)}")
        elif stem(low) in DURATIONS and k > 0:
            j = k - 1 if toks[k - 1].lower_ not in DURATION_FILLERS or k < 2 else k - 2
            value = number_value(toks[j])
            if value is None and toks[j].lower_ in ("a", "an", "one"):
                half = " ".join(t.lower_ for t in toks[k + 1:k + 4]) == "and a half"
                value = 1.5 if half else None
            elif value is not None and " ".join(t.lower_ for t in toks[k + 1:k + 4]) == "and a half":
                value = float(value) + 0.5
            if value is not None:
                out.append(f"{_plain(value)} {stem(low)}")
    return out


def _plain(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def numbers(toks, human: set[str] = frozenset()) -> list[list]:
    """``[value, unit]`` for each quantity among *toks* (see ``quantities.quantities``)."""
    return quantities(toks, human)
