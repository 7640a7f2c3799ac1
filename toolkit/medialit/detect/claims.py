"""Describe each sentence's claim for comparison: Doc in, claim spans out.

Writes ``doc.spans["medialit_claims"]``: one span per headline, sub-heading or body sentence with
``span._.claim`` = ``speaker`` (the attributed speaker, or the outlet for the article's own voice),
``numbers`` (list of ``[value, unit]``: ``[12, "injur"]``, ``[280, "time"]`` for 4:40 a.m.,
``[6.8, "percent"]``; counts of people fold to ``people``), ``times`` (days, months, seasons and
durations: ``["friday", "12 month"]``), ``negated`` (the content stems a negation or a denial
covers: ``["letter", "visit"]`` for "no letter ... no visit"), ``stance`` (the
reporting verb's lexicon label or None), ``terms`` (sorted content stems, speaker words left out),
``names`` (the people and organisations named), ``attributed`` (bool) and ``text``. In a social-media thread the
account that posts (``@name:`` opening the paragraph) is the speaker of its own unattributed posts.
"""

from __future__ import annotations

import re

from .lexicon import word_labels
from .terms import stem, terms

SPANS_KEY = "medialit_claims"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100, "dozen": 12, "half": 0.5, "a hundred": 100, "thousand": 1000}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}
NEGATIONS = {"not", "n't", "n’t", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without",
             "cannot", "denies", "denied", "deny", "rejected", "rejects", "disclaimed", "dismissed", "false",
             "falsehood"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "june", "july", "august", "september", "october", "november", "december",
              "easter", "christmas", "spring", "summer", "autumn", "winter", "tomorrow", "yesterday", "tonight"}
DURATIONS = {"second", "minut", "hour", "day", "week", "month", "year", "decad", "fortnight"}
HUMAN_UNITS = {"peopl", "person", "patient", "victim", "casualty", "dead", "injur", "hurt", "child", "kid", "teen",
               "pupil", "student", "resident", "worker", "adult", "man", "men", "women", "woman", "member",
               "employe", "firefighter", "passenger", "customer", "household", "famili", "civilian"}
SKIP_UNIT = {"still", "also", "now", "then", "them", "these", "those", "who", "which", "that", "being", "all",
             "of", "a", "an", "the", "more", "than", "about", "around", "nearly", "almost", "over", "under",
             "up", "to", "some", "just", "at", "least", "most", "and", "or", "per", "in", "on", "by", "were",
             "was", "had", "have", "been", "are", "is", "his", "her", "their", "our", "its", "them", "those"}
DENIALS = {"denies", "denied", "deny", "rejected", "rejects", "disclaimed", "dismissed"}
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")


class ClaimExtractor:
    """Numbers, negation, stance and topic words of every sentence."""

    def __init__(self, nlp) -> None:
        self.human = HUMAN_UNITS | {stem(w) for w in word_labels("roles")} | {
            stem(w) for w, label in word_labels("group_nouns").items() if label == "group"}

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
        for row in doc._.medialit_sentences:
            if row["kind"] == "dateline":
                continue
            span = doc[row["token_start"]:row["token_end"]]
            att = attributed.get(row["sid"])
            skip = set()
            stance = None
            speaker = outlet
            if att is not None and att._.speaker:
                speaker = att._.speaker
                d = att._.attribution
                if d.get("speaker_start") is not None:
                    skip.update(range(d["speaker_start"], d["speaker_end"]))
                stance = d.get("stance")
            if att is None and row["paragraph"] in handles:
                speaker = handles[row["paragraph"]]
            toks = [t for t in span if t.i not in skip]
            names = sorted({n for i in range(span.start, span.end) for n in mentions_at.get(i, ())})
            negated = negated_terms(toks)
            nums = numbers(toks, self.human)
            if stance == "denial":
                # "X denies that ...": everything after the verb is what is denied
                after = [t for t in span if t.i >= att._.attribution.get("verb_end", span.start) and t.i not in skip]
                negated = sorted(set(negated) | terms(after))
            out.append((row, {"speaker": speaker, "numbers": nums, "times": times(toks),
                              "stance": stance, "negated": negated,
                              "terms": sorted(terms(toks) | number_terms(nums)), "names": names, "attributed": att is not None,
                              "text": span.text}))
        return out

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


def _value(tok) -> float | None:
    text = tok.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    low = tok.lower_
    if low in ("one", "half"):
        return None
    if "-" in low:  # "forty-seven"
        tens, _, units = low.partition("-")
        if tens in NUMBER_WORDS and units in NUMBER_WORDS and NUMBER_WORDS[units] < 10:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[units]
        return None
    return NUMBER_WORDS.get(low)


def number_terms(nums: list[list]) -> set[str]:
    """Quantities as topic words (``#12``), so that "3.10" in two sentences links them; years left out."""
    return {"#" + _plain(v) for v, unit in nums if unit != "year" and not unit.startswith("date:")}


def negated_terms(toks, after: int = 3, before: int = 2) -> list[str]:
    """Content stems a negation covers: up to *after* content words after it and *before* before it,
    within the clause ("no letter, no phone call"); a denial verb covers the rest of its clause."""
    out: set[str] = set()
    clause_end = {",", ".", ";", ":", "?", "!", "but", "because", "although", "while"}
    for k, tok in enumerate(toks):
        low = tok.lower_
        if low not in NEGATIONS:
            continue
        limit = len(toks) if low in DENIALS else after
        found = 0
        for t in toks[k + 1:]:
            if t.lower_ in clause_end:
                break
            got = terms([t]) | ({"#" + _plain(_value(t))} if _value(t) is not None else set())
            out |= got
            found += len(got)
            if found >= limit:
                break
        found = 0
        for t in reversed(toks[:k]):
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
            out.append(low)
        elif low in ("next", "last", "this") and k + 1 < len(toks) and stem(toks[k + 1].lower_) in DURATIONS:
            out.append(f"{low} {stem(toks[k + 1].lower_)}")
        elif stem(low) in DURATIONS and k > 0:
            value = _value(toks[k - 1])
            if value is not None:
                out.append(f"{_plain(value)} {stem(low)}")
    return out


def _plain(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def numbers(toks, human: set[str] = frozenset()) -> list[list]:
    """``[value, unit]`` for each number among *toks* (times, money, per cent, dates, counts)."""
    out = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        low = tok.lower_
        nxt = toks[i + 1].lower_ if i + 1 < n else ""
        prev = toks[i - 1].lower_ if i > 0 else ""
        if nxt in ("o'clock", "o’clock") and _value(tok) is not None:
            out.append([_value(tok) * 60, "time"])
            i += 2
            continue
        if i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].is_alpha and tok.text.isdigit() \
                and toks[i - 1].lower_ not in MONTHS:
            i += 1  # a label, not a quantity: "Shed 9", "Route 66"
            continue
        m = _TIME.match(tok.text)
        if m and nxt in ("a.m.", "p.m.", "am", "pm"):
            hour = int(m.group(1)) % 12 + (12 if nxt.startswith("p") else 0)
            out.append([hour * 60 + int(m.group(2) or 0), "time"])
            i += 2
            continue
        value = _value(tok)
        if low in MONTHS and i + 1 < n and toks[i + 1].text.isdigit() and int(toks[i + 1].text) <= 31:
            out.append([int(toks[i + 1].text), "date:" + low])
            i += 2
            continue
        if value is None:
            i += 1
            continue
        if tok.text.isdigit() and len(tok.text) == 4 and 1800 <= value <= 2100:
            out.append([value, "year"])
            i += 1
            continue
        j = i + 1
        if j < n and toks[j].lower_ in MULTIPLIERS:
            value *= MULTIPLIERS[toks[j].lower_]
            j += 1
        if prev in ("£", "$", "€") or (i > 0 and toks[i - 1].is_currency):
            out.append([value, "money"])
        elif j < n and (toks[j].text == "%" or toks[j].lower_ in ("per", "percent")):
            out.append([value, "percent"])
        else:
            unit = None
            k = j
            while k < n and k - j < 3:
                w = toks[k].lower_
                if toks[k].is_alpha and w not in SKIP_UNIT and not w.endswith("ly"):
                    unit = stem(w)
                    break
                if toks[k].is_punct or toks[k].like_num:
                    break
                k += 1
            if prev in ("aged", "age", "ages"):
                unit = "age"
            if unit is None or unit in human:
                unit = "people" if unit is not None else "count"
            if re.fullmatch(r"\d+\.\d\d", tok.text):
                unit = "money"
            out.append([value, unit])
        i = j
    return out
