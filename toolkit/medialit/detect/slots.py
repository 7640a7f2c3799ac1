"""What a claim says about the where, who-by, which way and how much of its event: tokens in, slot strings out.

Two accounts of one event often disagree without a number or a "not": "the fire started in the
kitchen" / "the fire began in the garage" (where), "the blaze was started by a heater" / "... by a
cigarette" (who or what by), "the new route is safer" / "the route is more dangerous" (which way on
a scale), "overwhelming support" / "52 per cent supported it" (a vague amount against a figure).
``slots(toks, scales)`` returns strings that ``conflicts`` compares:

- ``place:<stem>`` / ``agent:<stem>``: the head noun after a locative preposition (in, at, inside,
  near, outside, behind, under, beside) right after a verb of something happening ("started in",
  "was found at"), after "from" following a verb of rescue or recovery ("pulled from the river"),
  or after a passive "by"; times of day and dates are no places ("in the morning");
- ``scale:<id>:+@<stems>`` / ``scale:<id>:-@<stems>``: a word on one side of a scale
  (``patterns/conflict_words.jsonl``, label ``scale``, id ``<scale>:+`` or ``<scale>:-``) and the content
  stems within four words of it (what is on the scale: "the crossing is safer" -> ``crossing``); a "not"
  just before flips the side;
- ``vague:high`` / ``vague:low``: an amount given in words ("overwhelming", "most", "hardly any").

No model: the head noun is the last word of the noun phrase before a mark, a preposition or a verb-like word.
"""

from __future__ import annotations

from .terms import stem, terms

LOCATIVE = {"in", "at", "inside", "near", "outside", "behind", "under", "beside", "beneath", "underneath", "into",
            "onto", "through"}
# Words after a locative that make it a time, a manner or a state, not a place.
NOT_PLACES = {"morning", "afternoon", "evening", "night", "midnight", "dawn", "dusk", "noon", "midday", "daylight",
              "time", "times", "moment", "past", "future", "end", "start", "beginning", "middle", "least", "most",
              "first", "last", "fact", "total", "all", "general", "particular", "response", "order", "case", "view",
              "hospital", "court", "custody", "charge", "place", "touch", "line", "favour", "favor", "public",
              "private", "person", "writing", "statement", "interview", "report", "way", "full", "part", "addition",
              "front", "recent", "week", "weeks", "month", "months", "year", "years", "day", "days", "hour", "hours",
              "minute", "minutes", "risk", "danger", "question", "doubt", "support", "opposition", "talks", "work",
              "service", "use", "action", "effect", "terms", "spite", "light", "advance", "words", "school", "power",
              "office", "progress", "operation", "control", "charge", "contact", "common", "short", "vain"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
               "your", "one", "some", "another"}
STOP_AT = {",", ".", ";", ":", "?", "!", "and", "or", "but", "when", "where", "which", "who", "that", "after",
           "before", "while", "because", "as", "since", "until", "than", "of", "to", "for", "with", "on", "by",
           "from", "in", "at", "near", "about", "during", "was", "were", "is", "are", "had", "has", "have", "been"}
MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"}
PASSIVE = {"was", "were", "is", "are", "been", "being", "be"}
VAGUE_HIGH = {"overwhelming", "overwhelmingly", "most", "majority", "vast", "nearly all", "almost all", "countless",
              "widespread", "near-universal", "unanimous", "unanimously", "huge", "massive", "virtually all"}
VAGUE_LOW = {"few", "handful", "minority", "hardly any", "barely any", "scarcely any", "tiny", "negligible", "little"}
FLIP = {"not", "n't", "n’t", "never", "no", "hardly", "barely"}
# Verbs of an event happening somewhere: a place right after them is where it happened.
EVENT_VERBS = {"began", "begun", "begin", "begins", "broke", "out", "happened", "happens", "occurred", "occurs",
               "started", "starts", "was", "were", "found", "seen", "held", "hit", "struck", "spread", "died", "caught",
               "sparked", "erupted", "fell", "took", "lay", "lies", "stood", "met", "crashed", "collided", "landed",
               "stopped", "parked", "sat", "slept", "kept", "stored", "left", "lost", "hidden", "born", "made", "built"}
# Past forms that describe rather than place an event ("interested in", "involved in").
NOT_EVENTS = {"interested", "involved", "included", "based", "engaged", "used", "needed", "trained", "qualified",
              "specialised", "specialized", "invested", "rooted", "published", "reported", "quoted", "named",
              "described", "mentioned", "listed", "covered", "reflected", "expressed", "increased", "decreased"}
# Verbs after which "from" gives where something or someone was: "recovered from a flooded house".
FROM_VERBS = {"recovered", "pulled", "rescued", "retrieved", "evacuated", "removed", "freed", "dragged", "airlifted",
              "winched", "cut"}
MAX_PHRASE = 4
SCALE_REACH = 4  # content words either side of a scale word that say what is on the scale


def slots(toks, scales: dict[str, str]) -> list[str]:
    """The slot strings of one sentence's tokens (see the module docstring).

    Args:
        toks: the tokens of one sentence (speaker words left out).
        scales: lower-cased word -> ``<scale>:+`` or ``<scale>:-``.
    """
    out: list[str] = []
    n = len(toks)
    low = [t.lower_ for t in toks]
    for k, word in enumerate(low):
        if (word in LOCATIVE and k > 0 and _event_verb(low[k - 1])) or (word == "by" and _passive_before(low, k)) or (
                word == "from" and k > 0 and low[k - 1] in FROM_VERBS):
            head = _head(toks, k + 1)
            if head is not None:
                out.append(("agent:" if word == "by" else "place:") + head)
        side = scales.get(word)
        if side is not None:
            if k > 0 and low[k - 1] in FLIP or (k > 1 and low[k - 2] in FLIP and low[k - 1] in ("be", "as", "so")):
                side = side[:-1] + ("-" if side.endswith("+") else "+")
            near = sorted(terms(toks[max(0, k - SCALE_REACH):k]) | terms(toks[k + 1:k + 1 + SCALE_REACH]))
            out.append("scale:" + side + "@" + ",".join(near))
        if word in VAGUE_HIGH or (k + 1 < n and f"{word} {low[k + 1]}" in VAGUE_HIGH):
            out.append("vague:high")
        elif word in VAGUE_LOW or (k + 1 < n and f"{word} {low[k + 1]}" in VAGUE_LOW):
            out.append("vague:low")
    return sorted(set(out))


def _event_verb(word: str) -> bool:
    """A verb of something happening right before a locative: "started in", "was found at", "broke out in"."""
    return word in EVENT_VERBS or (word.endswith("ed") and len(word) > 4 and word not in NOT_EVENTS)


def _passive_before(low: list[str], k: int) -> bool:
    """A past participle after a form of "be" right before "by": "was started by", "were caused by"."""
    return k >= 2 and low[k - 1].endswith(("ed", "en", "wn", "un", "lt")) and low[k - 2] in PASSIVE


def _head(toks, k: int) -> str | None:
    """The stem of the head noun of the phrase starting at *k*, or None (a time, a number, nothing)."""
    n = len(toks)
    while k < n and toks[k].lower_ in DETERMINERS:
        k += 1
    last = None
    j = k
    while j < n and j - k < MAX_PHRASE:
        t = toks[j]
        w = t.lower_
        if w in STOP_AT or t.is_punct or t.text in ("’s", "'s"):
            break
        if t.like_num or w in MONTHS_AND_DAYS or not (t.is_alpha or "-" in t.text):
            return None
        if t.is_lower and w.endswith("ly"):
            break
        last = t
        j += 1
    if last is None or last.lower_ in NOT_PLACES or len(last.lower_) < 3:
        return None
    return stem(last.lower_)
