"""Pair up claims that may contradict each other: claims frame in, candidate pairs out.

Takes the ``claims`` frame of one or more articles (article, sid, speaker, numbers, negated, stance,
terms, text; see ``claims.py``) and returns one row per candidate pair: article_a, sid_a,
article_b, sid_b, speaker_a, speaker_b, signal (why they may disagree), shared (the topic words
they share) and score, best first.

Two claims are a candidate when they come from different sources, are about the same thing
(shared topic words, weighted by rarity, with synonyms folded through ``patterns/conflict_words.jsonl``;
what a figure measures counts as a topic word, so "19 ships were waiting" and "the office counted 34"
share ``ship``) and disagree by at least one signal: different numbers for the same unit (people,
ships, jobs, money, clock times, occasions; a crowd is counted in people), different times or days,
one negated or denied where the other is not, both naming a cause, a different place or agent for the same
event, opposite sides of one scale ("safer" / "more dangerous"), an amount in words against a figure
("overwhelming support" / "52 per cent"), a contrast word ("yet",
"however") opening the later of two neighbouring claims, or a sentence that dismisses what was just
said ("Castellan called that a fairy tale": paired with the sentence before it, or with the attributed
claim before that, whatever the topic).
Three more signals: one claim blames and the other defends ("hold the operator responsible" / "we
followed procedure to the letter"; see ``responsibility``; no shared words needed inside one article),
or both place blame; and a heading that states flatly what a body sentence hedges ("X cuts Y" / "X may
cut Y"). A sentence in the outlet's voice that names someone and disagrees ("Professor Holm does not
agree.") counts as another source.
One source contradicting itself is a candidate too when it gives two different figures for the same
thing (weighed at half), when one sentence negates what another says of all ("every patient" / "in two
patients it did not") or negates a concept another asserts ("independently validated" / "not yet
peer-reviewed"), or when its heading drops the hedge of its own body. Claims in different articles are
compared only when the articles name at least two of the same people or organisations (the same story).
Each article keeps at most ``max_pairs(n)`` pairs (``PAIRS_PER_SENTENCE`` per sentence), chosen for
variety: a pair counts less for each chosen pair sharing one of its claims or the kind of its main
signal, so one noisy kind (a shared word under a "not") cannot fill the list.

With ``learned=True`` (the default) the trained pair model (``conflict_model``) scores every pair of claims
from different sources in one story, the rules' signals among its facts: a pair the rules find stays a
candidate, and a pair they have no signal for becomes one when the model rates it at least
``MIN_PROBABILITY``. Under the same budget, the rules' own best pairs fill ``RULE_SHARE`` of each list
and the model's best of the rest fill the remainder (the model alone, or the rules alone, recalled
fewer groups of unseen rounds than the two together); the score is then the model's probability. Topic-word
rarity is counted within each story, so a story scores alike judged alone or among many articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .lexicon import load_patterns
from .quantities import UNIT_FAMILY

COLUMNS = ["article_a", "sid_a", "article_b", "sid_b", "speaker_a", "speaker_b", "signal", "shared", "score"]
MIN_TOPIC = 1.5
MIN_IDF = 0.75
MAX_TOPIC = 8.0
ATTRIBUTED_WEIGHT = {0: 0.4, 1: 0.7, 2: 1.0}
SHARED_NAMES = 2
SAME_SOURCE_WEIGHT = 0.5   # one source giving two figures for one thing
DISMISSAL_WEIGHT = 3.0
DISMISSAL_REACH = 2        # a dismissal answers one of the two claims before it
DENIAL_BASE = 1.0          # a shared word under a "not" in one claim only: the weakest, commonest signal
DENIAL_FULL = 3.0          # rarity-weighted denied words that make a denial signal full strength (2.0)
REPEAT_DISCOUNT = 0.9      # a pair's score counts this much less for each chosen pair sharing a claim
KIND_DISCOUNT = 0.9        # ... and this much less for each chosen pair whose main signal is of the same kind
NAMED_DISMISSAL_WEIGHT = 1.5  # a dismissal further away that shares the earlier claim's topic
SLOT_WEIGHT = 1.0          # a different place, agent, or a vague amount against a figure
SCALE_WEIGHT = 1.5         # opposite sides of one scale: "safer" / "more dangerous"
DEFENCE_WEIGHT = 3.0       # one blames, the other defends itself (see ``responsibility``)
BLAME_WEIGHT = 1.0         # two sources each placing the blame
HEDGE_WEIGHT = 2.0         # a heading states flatly what the body only says "may" be so
HEADINGS = ("headline", "subhead")
# Candidate pairs a draft keeps per sentence. Chosen by the by-round cross-validation in ``make model``
# (``benchmarks/results/conflict_model.json``, ``budget``): up to 1.2 pairs per sentence the extra draft
# groups hold a key group about as often as the ones before them (a third), so a longer list costs the
# reviewer little for the groups it adds. 1.2 (about 31 candidate groups an article) from round 50: at 1.0 (28)
# the unseen rounds 38-49 recalled 0.71-0.73 of their groups by pairs, under the 0.77 cross-validation promised.
PAIRS_PER_SENTENCE = 1.2
CROSS_SHARE = 5 / 6        # two articles of one story: this share of the budget per sentence of both
MIN_PROBABILITY = 0.7      # the trained pair model: a pair it rates lower is a candidate only if the rules find it
RULE_SHARE = 0.75          # the rules' own best pairs keep this share of each list; the model ranks the rest
# Words that claim something for all: an exception from the same source contradicts them.
UNIVERSAL = {"every", "all", "each", "everyone", "everybody", "always"}
# Any negation word in a claim's text: a fact the trained pair model weighs (one side negated, or both).
NEGATION_WORD = re.compile(r"\b(not|no|never|none|nobody|nothing|cannot|denie[sd]|deny|rejects?|rejected)\b|n[’']t\b",
                           re.IGNORECASE)


def _concepts() -> tuple[dict[str, str], list[str]]:
    from .terms import stem

    concept = {}
    contrast = []
    for row in load_patterns("conflict_words"):
        if row["label"] == "concept":
            concept[stem(row["pattern"])] = "~" + row["id"]
        elif row["label"] == "contrast":
            contrast.append(row["pattern"])
    return concept, contrast


def max_pairs(n_sentences: int, per_sentence: float = PAIRS_PER_SENTENCE) -> int:
    """How many candidate pairs an article may keep: *per_sentence* for each sentence, and at least eight."""
    return max(8, math.ceil(n_sentences * per_sentence))


def _cap(n_a: int, n_b: int, same: bool, per_sentence: float = PAIRS_PER_SENTENCE) -> int:
    """Pairs kept within one article, or between two articles (five-sixths of the budget per sentence of both)."""
    if same:
        return max_pairs(n_a, per_sentence)
    return max(10, math.ceil((n_a + n_b) * per_sentence * CROSS_SHARE))


def _order(sid: str) -> tuple[int, int]:
    p, s = sid[1:].split("s")
    return int(p), int(s)


def _number_signal(a: list, b: list) -> tuple[str, float] | None:
    """Different values for the same unit (counts of people compare with bare counts)."""
    def units(nums):
        out: dict[str, set] = {}
        for value, unit in nums:
            if unit == "year" or unit.startswith("date:"):
                continue
            out.setdefault(UNIT_FAMILY.get(unit, unit), set()).add(float(value))
        return out

    ua, ub = units(a), units(b)
    for unit in sorted(ua.keys() & ub.keys()):
        if ua[unit] != ub[unit]:
            weight = 2.0 if not ua[unit] & ub[unit] else 1.0
            if unit == "people" and (len(ua[unit]) > 1 or len(ub[unit]) > 1):
                weight -= 0.5
            x = sorted(ua[unit] - ub[unit]) or sorted(ua[unit])
            y = sorted(ub[unit] - ua[unit]) or sorted(ub[unit])
            return f"different numbers ({unit}: {_num(x[0])} vs {_num(y[0])})", weight
    return None


def _num(v) -> str:
    v = float(v)
    return str(int(v)) if v.is_integer() else str(v)


_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "yesterday",
         "tonight"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


# Parts of the day, and the clock hours (from, to) each covers; a clock time counts as its part of the day.
DAYPARTS = {"morning": (5, 12), "afternoon": (12, 17), "evening": (17, 21), "night": (21, 29)}


def daypart(minutes: float) -> str:
    """The part of the day a clock time falls in: 9pm -> ``night``, 7:52 a.m. -> ``morning``."""
    hour = minutes / 60
    hour = hour + 24 if hour < 5 else hour
    return next(name for name, (lo, hi) in DAYPARTS.items() if lo <= hour < hi)


def _time_kind(t: str) -> str:
    if t in _DAYS:
        return "day"
    if t in DAYPARTS:
        return "daypart"
    if t in _MONTHS:
        return "month"
    if " " in t and t.split()[0][0].isdigit():
        return "duration:" + t.split()[1]
    if t.startswith(("next ", "last ", "this ")):
        return "relative"
    return "season"


def _times(claim: dict) -> list:
    """A claim's times, with the part of the day of each clock time it gives ("at 9pm": night)."""
    out = list(claim.get("times") or [])
    words = {t for t in out if t in DAYPARTS}
    for value, unit in claim["numbers"]:
        if unit == "time" and not words:
            out.append(daypart(float(value)))
    return out


def _time_signal(a: list, b: list) -> str | None:
    """Times of the same kind (two weekdays, two durations in months) that differ."""
    ka: dict[str, set] = {}
    for t in a:
        ka.setdefault(_time_kind(t), set()).add(t)
    for t in b:
        kind = _time_kind(t)
        if kind in ka and t not in ka[kind] and not ka[kind] & set(b):
            return f"different times ({sorted(ka[kind])[0]} vs {t})"
    return None


def _slot_signal(a: dict, b: dict) -> tuple[str, float] | None:
    """Different fillers for the same slot of an event (see ``slots``): a place or an agent one names and the
    other does not mention at all, opposite sides of one scale, or an amount in words against a figure."""
    sa, sb = a["_slots"], b["_slots"]
    for kind in ("place", "agent"):
        xa = {x.split(":", 1)[1] for x in sa if x.startswith(kind + ":")}
        xb = {x.split(":", 1)[1] for x in sb if x.startswith(kind + ":")}
        if xa and xb and not xa & xb and not xa & b["_terms"] and not xb & a["_terms"]:
            return f"different {kind} ({sorted(xa)[0]} vs {sorted(xb)[0]})", SLOT_WEIGHT
    for scale, near_a in a["_scales"].items():
        other = scale[:-1] + ("-" if scale.endswith("+") else "+")
        near_b = b["_scales"].get(other)
        if near_b is not None and scale not in b["_scales"] and other not in a["_scales"] and near_a & near_b:
            return f"opposite claims ({scale.split(':')[0]}: {sorted(near_a & near_b)[0].lstrip('~')})", SCALE_WEIGHT
    for one, two in ((a, b), (b, a)):
        if any(x.startswith("vague:") for x in one["_slots"]) and not any(
                x.startswith("vague:") for x in two["_slots"]) and any(
                unit in ("percent", "people", "count", "crowd") for _, unit in two["numbers"]):
            return "an amount in words against a figure", SLOT_WEIGHT
    return None


def _named_disagreement(first: dict, second: dict) -> bool:
    """The later sentence names someone the earlier does not and dismisses it in the outlet's voice
    ("Professor Holm does not agree."): a different source even though no speaker was attributed."""
    names = set(second.get("names") or []) - set(first.get("names") or [])
    return bool(names) and not second.get("attributed")


def _responsibility_signal(a: dict, b: dict) -> tuple[str, float] | None:
    """One claim blames and the other defends, or both place blame (``blame``: see ``responsibility``)."""
    x, y = a.get("blame"), b.get("blame")
    if not isinstance(x, str) or not isinstance(y, str):
        return None
    if x != y:
        return "one defends against what the other blames", DEFENCE_WEIGHT
    if x == "blame":
        return "both place the blame", BLAME_WEIGHT
    return None


def _hedge_signal(a: dict, b: dict) -> str | None:
    """A heading states as fact what a body sentence only says may be so ("Cold showers cut sick days" /
    "cold showers may mean fewer sick days")."""
    for head, body in ((a, b), (b, a)):
        if head.get("kind") in HEADINGS and body.get("kind") == "body" and not head.get("hedged") \
                and body.get("hedged") is True:
            return "the heading states as fact what the body hedges"
    return None


def _self_denial(a: dict, b: dict, idf: dict) -> str | None:
    """One source negating in one sentence what it states in another: an exception to its own "every"
    ("Every patient was paced" / "In two patients the device did not pace"), or a denied concept it
    asserts elsewhere ("independently validated" / "not yet peer-reviewed")."""
    for one, two in ((a, b), (b, a)):
        denied = _denied(one, two)
        if not denied:
            continue
        if UNIVERSAL & set(str(two["text"]).lower().split()) and sum(idf[t] for t in denied) >= MIN_TOPIC:
            return "same source, an exception to its own claim about all"
        if any(t.startswith("~") and t != "~cause" for t in denied) and sum(idf[t] for t in denied) >= MIN_TOPIC:
            return "same source, one sentence negates what the other states"
    return None


def _denies(a: dict, b: dict) -> bool:
    """Whether *a* negates or denies something *b* asserts (a shared topic word under a negation)."""
    return bool(_denied(a, b))


def _denied(a: dict, b: dict) -> set:
    """The topic words *a* negates or denies that *b* asserts."""
    return (a["_negated"] - b["_negated"]) & b["_terms"]


def _add(signals: list, kinds: dict, kind: str, text: str, weight: float, total: float) -> float:
    """Record one signal of a pair (its text, and its weight under its kind); return the new total weight."""
    signals.append(text)
    kinds[kind] = kinds.get(kind, 0.0) + weight
    return total + weight


def _spread(pairs: list[dict], cap: int) -> list[dict]:
    """The *cap* best pairs, a pair's score discounted by ``REPEAT_DISCOUNT`` for each pair already chosen
    that holds one of its claims.

    A sentence full of figures would otherwise fill the list with its pairings and push out
    the one pair that answers another sentence; a reader also learns more from varied suggestions.
    Returned best first (by the undiscounted score).
    """
    used: Counter = Counter()
    left = list(pairs)
    chosen = []
    while left and len(chosen) < cap:
        k = max(range(len(left)), key=lambda i: left[i]["score"] * REPEAT_DISCOUNT ** (
            used[(left[i]["article_a"], left[i]["sid_a"])] + used[(left[i]["article_b"], left[i]["sid_b"])])
            * KIND_DISCOUNT ** used[left[i].get("_kind")])
        p = left.pop(k)
        used[(p["article_a"], p["sid_a"])] += 1
        used[(p["article_b"], p["sid_b"])] += 1
        used[p.get("_kind")] += 1
        chosen.append(p)
    return sorted(chosen, key=lambda p: -p["score"])


def conflict_candidates(claims, max_per_article: int | None = None, learned: bool = True, model=None,
                        per_sentence: float = PAIRS_PER_SENTENCE):
    """Return candidate pairs of claims that may disagree (see the module docstring).

    Args:
        claims: the ``claims`` frame of one or more articles.
        max_per_article: cap on pairs per article (or article pair); default ``max_pairs``.
        learned: rate every pair of claims from different sources with the trained pair model
            (``conflict_model``) and keep the rules' best pairs and the model's (see the module docstring);
            False keeps only the pairs the rules find, ranked by their own score.
        model: a ``ConflictModel`` to rank with instead of the shipped one (for cross-validation).
        per_sentence: the pair budget per sentence (``PAIRS_PER_SENTENCE``), for measuring other budgets.

    Returns:
        pandas.DataFrame with ``COLUMNS``, best first.
    """
    import pandas as pd

    if claims is None or len(claims) == 0:
        return pd.DataFrame([], columns=COLUMNS)
    if learned and model is None:
        from .conflict_model import load_conflict_model

        model = load_conflict_model()
    elif not learned:
        model = None
    # a label of one or two words ("Figures", "Inspection") states nothing another source could contradict
    claims = claims[claims["text"].map(_says_something)]
    buckets: dict[tuple[str, str], list] = {}
    for judged in judge_pairs(claims, every_pair=model is not None):
        row = _candidate(judged, model)
        if row is not None:
            buckets.setdefault((row["article_a"], row["article_b"]), []).append(row)
    sizes = claims.groupby("article").size().to_dict()
    out = []
    for (a, b), pairs in buckets.items():
        cap = max_per_article if max_per_article is not None else _cap(sizes[a], sizes[b], a == b, per_sentence)
        out += _choose(pairs, cap, ranked=model is not None)
    out.sort(key=lambda p: -p["score"])
    return pd.DataFrame(out, columns=COLUMNS)  # the internal "_" keys are dropped


def _says_something(text: str) -> bool:
    """Whether a claim's text has at least three words: a heading that only labels a section makes no claim."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w)) >= 3


def _candidate(judged: dict, model) -> dict | None:
    """One judged pair as a candidate row, or None: scored by the rules (*model* None) or by the model."""
    a, b = judged["a"], judged["b"]
    rule = judged["rule_score"] if judged["on_topic"] else 0.0
    if model is None:
        if not rule:
            return None
        score, signal = rule, "; ".join(judged["signals"])
    else:
        if judged["one_source"] and not judged["rule_score"]:
            return None
        p = model.probability(judged)
        if p < MIN_PROBABILITY and not rule:
            return None  # a pair the rules find stays a candidate, ranked by the model
        score = round(p, 3)
        signal = ("; ".join(judged["signals"]) or "two sources on the same subject") + f" (trained model, p={p:.2f})"
    rule_kind = max(judged["kinds"], key=judged["kinds"].get) if judged["kinds"] else None
    return {"article_a": a["article"], "sid_a": a["sid"], "article_b": b["article"], "sid_b": b["sid"],
            "speaker_a": a["speaker"], "speaker_b": b["speaker"], "signal": signal,
            "shared": sorted(t.lstrip("~") for t in judged["shared"]), "score": score,
            "_kind": rule_kind if model is None else None, "_rule": rule, "_rule_kind": rule_kind}


def _choose(pairs: list[dict], cap: int, ranked: bool) -> list[dict]:
    """The *cap* pairs one article (or article pair) keeps. Rules alone: the best by their score, for
    variety (``_spread``). *ranked* by the model: the rules' own best fill ``RULE_SHARE`` of the list and
    the model's best of the rest fill the remainder."""
    if not ranked:
        return _spread(sorted(pairs, key=lambda p: -p["score"]), cap)
    by_rule = [dict(p, score=p["_rule"], _kind=p["_rule_kind"], _original=p) for p in pairs if p["_rule"]]
    kept = [p["_original"] for p in _spread(sorted(by_rule, key=lambda p: -p["score"]), math.ceil(cap * RULE_SHARE))]
    chosen = {id(p) for p in kept}
    rest = [p for p in pairs if id(p) not in chosen]
    return kept + _spread(sorted(rest, key=lambda p: -p["score"]), cap - len(kept))


def _prepare(claims) -> list[dict]:
    """The claims as dicts, in reading order, with the folded terms, scales and flags the signals read."""
    concept, contrast = _concepts()
    rows = sorted(claims.to_dict("records"), key=lambda r: (r["article"], _order(r["sid"])))
    for r in rows:
        r["_terms"] = {concept.get(t, t) for t in r["terms"]}
        r["_negated"] = {concept.get(t, t) for t in (r["negated"] or [])}
        low = str(r["text"]).lower().lstrip("\u201c\"' ")
        r["_contrast"] = any(low.startswith(c + " ") or low.startswith(c + ",") for c in contrast)
        r["_cause"] = "~cause" in r["_terms"]
        r["_negation_word"] = bool(NEGATION_WORD.search(str(r["text"])))
        r["_slots"] = set(r.get("slots") if isinstance(r.get("slots"), list) else [])
        r["_scales"] = {}  # "safety:+" -> the (concept-folded) words near it
        for x in r["_slots"]:
            if x.startswith("scale:"):
                scale, _, near = x[len("scale:"):].partition("@")
                r["_scales"].setdefault(scale, set()).update(concept.get(t, t) for t in near.split(",") if t)
    return rows


def _stories(rows: list[dict]) -> tuple[list[list[str]], set]:
    """Articles on one story (naming at least ``SHARED_NAMES`` of the same people or organisations), joined
    transitively; and the related article pairs themselves."""
    names: dict[str, set] = {}
    for r in rows:
        names.setdefault(r["article"], set()).update(r.get("names") or [])
    ids = list(names)
    related = set()
    parent = {a: a for a in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if len(names[a] & names[b]) >= SHARED_NAMES:
                related |= {(a, b), (b, a)}
                parent[root(b)] = root(a)
    stories: dict[str, list] = {}
    for a in ids:
        stories.setdefault(root(a), []).append(a)
    return list(stories.values()), related


def judge_pairs(claims, every_pair: bool = False):
    """Yield each pair of claims the rules would compare (``every_pair``: every pair in one article or in
    two related ones) with what the rules make of it.

    Each item is a dict: ``a``, ``b`` (the prepared claims), ``signals`` (texts), ``kinds`` (signal kind ->
    weight), ``rule_score`` (0.0 when the rules drop the pair), ``on_topic`` (whether the pair passes the
    rules' topic minimum), ``topic`` (rarity-weighted shared words), ``shared``, ``one_source``, ``gap``
    (claims between them in one article, None across articles) and ``idf``. Rarity is counted within the
    story, so one article judged alone and the same article judged among many others score alike.
    """
    rows = _prepare(claims)
    stories, related = _stories(rows)
    for story in stories:
        members = [r for r in rows if r["article"] in story]
        df = Counter(t for r in members for t in r["_terms"])
        n = len(members)
        # rarity of a topic word among the compared claims (a floor keeps tiny inputs comparable)
        idf = {t: max(MIN_IDF, math.log((n + 1) / (c + 0.5))) for t, c in df.items()}
        position = {(r["article"], r["sid"]): k for k, r in enumerate(members)}
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a["article"] != b["article"] and (a["article"], b["article"]) not in related:
                    continue
                judged = _judge(a, b, idf, position)
                if judged["rule_score"] or every_pair:
                    yield judged


def _judge(a: dict, b: dict, idf: dict, position: dict) -> dict:
    """What the rules make of one pair (see ``judge_pairs``)."""
    same = a["article"] == b["article"]
    one_source = a["speaker"] == b["speaker"]
    shared = a["_terms"] & b["_terms"]
    first, second = (a, b) if _order(a["sid"]) < _order(b["sid"]) else (b, a)
    if one_source and same and second.get("dismisses") and _named_disagreement(first, second):
        one_source = False  # "Professor Holm does not agree.": the outlet reports another voice
    topic = sum(idf[t] for t in shared)
    if any(t.startswith("~unit:") for t in shared):
        topic = max(topic, MIN_TOPIC)  # both count the same specific thing (ships, jobs): one topic
    later, earlier = (b, a) if same and _order(b["sid"]) > _order(a["sid"]) else (a, b)
    gap = position[(later["article"], later["sid"])] - position[(earlier["article"], earlier["sid"])]
    adjacent = same and 0 < gap <= 1  # a contrast word answers the sentence right before it
    judged = {"a": a, "b": b, "signals": [], "kinds": {}, "rule_score": 0.0, "on_topic": False, "topic": topic,
              "shared": shared, "one_source": one_source, "gap": abs(gap) if same else None, "idf": idf}
    signals, kinds, weight = judged["signals"], judged["kinds"], 0.0
    number = _number_signal(a["numbers"], b["numbers"]) if shared else None
    hedge = _hedge_signal(a, b) if same and topic >= MIN_TOPIC else None
    if one_source and hedge and number is None:
        # a heading overstating its own body: the outlet contradicting itself
        weight = _add(signals, kinds, "hedge", hedge, HEDGE_WEIGHT, weight)
        hedge = None
    elif one_source:
        # one source contradicting itself: two figures for the same thing, or (in one text) a
        # sentence denying what another states for all or of a named concept
        self_denial = _self_denial(a, b, idf) if same and number is None else None
        if self_denial:
            weight = _add(signals, kinds, "denial", self_denial, DENIAL_BASE * SAME_SOURCE_WEIGHT * 2, weight)
        elif number is None or topic < 2 * MIN_TOPIC:
            return judged
        else:
            weight = _add(signals, kinds, "number", "same source, " + number[0],
                          number[1] * SAME_SOURCE_WEIGHT, weight)
        number = None
    if number:
        weight = _add(signals, kinds, "number", number[0], number[1], weight)
    # a dismissal answers the claim just before it, or an earlier one it names ("dismissed the union's
    # staffing figures" answers the union's claim about staff, paragraphs before)
    voice = earlier.get("attributed") or str(earlier["speaker"]).startswith("@")  # a post has its author
    dismissal = same and later.get("dismisses") and not one_source and (
        gap == 1 or (gap <= DISMISSAL_REACH and voice) or (voice and topic >= MIN_TOPIC))
    if dismissal:
        near = gap == 1 or (gap <= DISMISSAL_REACH and voice)
        weight = _add(signals, kinds, "dismissal", "dismisses what the other says",
                      DISMISSAL_WEIGHT if near else NAMED_DISMISSAL_WEIGHT, weight)
    timing = None if one_source else _time_signal(_times(a), _times(b))
    if timing:
        weight = _add(signals, kinds, "time", timing, 1.5, weight)
    denied = set() if one_source else _denied(a, b) | _denied(b, a)
    if denied:
        # one shared word under a "not" is weak; the more (and rarer) words denied, the stronger
        weight = _add(signals, kinds, "denial", "one denies or negates what the other asserts",
                      DENIAL_BASE + min(1.0, sum(idf[t] for t in denied) / DENIAL_FULL), weight)
    if not one_source and a["_cause"] and b["_cause"]:
        weight = _add(signals, kinds, "cause", "both name a cause", 1.0, weight)
    if not one_source and later["_contrast"] and adjacent:
        weight = _add(signals, kinds, "contrast", "contrast word", 1.5, weight)
    if hedge:
        weight = _add(signals, kinds, "hedge", hedge, HEDGE_WEIGHT, weight)
    blame = _responsibility_signal(a, b) if same and not one_source else None
    if blame:
        weight = _add(signals, kinds, "blame", blame[0], blame[1], weight)
    slot = None if one_source or not shared else _slot_signal(a, b)
    if slot:
        weight = _add(signals, kinds, "slot", slot[0], slot[1], weight)
    if not signals:
        return judged
    judged["on_topic"] = topic >= MIN_TOPIC or bool(later["_contrast"] and adjacent) or bool(dismissal) or bool(blame)
    # claims with a named source are what conflicts are made of; the outlet's own voice counts less
    voiced = ATTRIBUTED_WEIGHT[bool(a.get("attributed")) + bool(b.get("attributed"))]
    judged["rule_score"] = round(weight * (1.0 + min(topic, MAX_TOPIC) / 4.0) * voiced, 3)
    return judged
