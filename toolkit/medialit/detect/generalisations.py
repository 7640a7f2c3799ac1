"""Find sweeping statements about whole groups of people: Doc in, cue tuples out.

News copy often speaks for a whole group in its own voice: "Riders love the new scooters",
"Parents want answers", "Nobody who was there will tell you it went well". No one can check what a
whole group feels or would say, so each such sentence is a ``loaded_language`` cue (weight 1).

Four shapes are found:

- a bare plural group noun opening a sentence that nobody is quoted for, followed by a verb of
  feeling, wanting or knowing in the present tense ("Commuters hate the new timetable"; "Most
  shoppers prefer ..." too). A group named with a number or a source ("Three riders said") is not
  sweeping, and a reported sentence already has its source;
- a universal pronoun ("nobody", "anyone", "everyone") whose speaker is vouched for as saying the
  same thing ("... will tell you", "... would say"): one voice made to speak for everybody.

- a sentence that opens with a universal pronoun as its subject ("Everybody in the valley has a story
  about the mill", "Nobody was warned"): a claim about every single person. Counting the hurt or the
  arrested ("No one was injured") is a checkable fact and does not count;
- a list of plural groups, optionally placed ("Farmers, shops and schools across the county"), then a
  present verb of feeling or benefiting ("are already feeling the benefits"), or "many"/"most" and a
  group before such a verb anywhere in the writer's own voice ("many athletes swear by them").

Used by ``cues.CueFinder``; the group nouns come from ``patterns/group_nouns.jsonl`` (label
``group``) and ``patterns/roles.jsonl`` (plural job words such as "nurses").
"""

from __future__ import annotations

# Present-tense verbs of feeling, wanting and knowing: what a whole group cannot be shown to share.
ATTITUDE_VERBS = {"love", "adore", "hate", "loathe", "dislike", "want", "fear", "dread", "welcome", "support", "oppose",
                  "trust", "distrust", "know", "agree", "prefer", "demand", "deserve", "understand", "believe", "feel",
                  "enjoy", "appreciate", "despise", "resent", "embrace", "crave", "swear", "are", "rely", "depend"}
# Present participles after "are" that claim what a whole group experiences: "are already feeling the benefits".
EXPERIENCE_VERBS = {"feeling", "seeing", "enjoying", "reaping", "noticing", "benefiting", "benefitting", "loving",
                    "struggling", "suffering", "demanding", "calling", "asking", "crying"}
# Words between a group and its verb that keep the claim about the whole group.
LIST_WORDS = {",", "and", "or", "small", "big", "large", "local", "young", "older", "rural", "urban", "family-run"}
PLACE_PREPS = {"across", "in", "throughout", "around", "all", "over", "everywhere"}
FILLER_ADVERBS = {"already", "now", "increasingly", "still", "really", "all", "truly", "finally"}
# What a universal subject may be said to be without sweeping: a count of victims or the unreachable
# ("Nobody in the van was hurt", "No one was available for comment"), or where nobody was ("No one was at home").
CHECKABLE_AFTER = {"injured", "hurt", "killed", "harmed", "hospitalised", "hospitalized", "arrested", "charged",
                   "available", "reached", "seriously", "died", "survived", "missing", "rescued", "evacuated"}
WHERE_AFTER = {"inside", "home", "aboard", "on", "in", "at", "there"}
BE = {"was", "were", "is", "are"}
# "are" only counts when an emotion word follows: "Residents are furious".
FEELING_AFTER = {"furious", "angry", "delighted", "thrilled", "outraged", "fed", "sick", "worried", "terrified",
                 "scared", "desperate", "united", "happy", "unhappy", "livid", "appalled", "disgusted", "horrified",
                 "overjoyed", "unanimous"}
# Quantifiers that keep a group sweeping ("Most drivers ..."); a number or "some" does not.
SWEEPING_LEADS = {"most", "all", "local", "ordinary", "everyday", "real", "regular", "british", "young", "older"}
UNIVERSAL = {"nobody", "everyone", "everybody", "anyone", "anybody"}
UNIVERSAL_PAIRS = {("no", "one")}
# What the universal pronoun is made to say: "will tell you", "would say", "can tell you".
VOUCHING_MODALS = {"will", "would", "can", "could"}
VOUCHING_VERBS = {"tell", "say", "agree", "confirm", "admit", "deny"}
REASON = "loaded_language"


def sweeping_cues(doc, groups: dict[str, str], roles: dict[str, str], attributed: set[int]) -> list[tuple]:
    """Return ``(start, end, reason, cue, weight)`` for each sweeping statement in *doc*.

    Args:
        doc: a Doc with ``doc._.medialit_sentences``.
        groups: the group-noun lexicon (word -> label).
        roles: the roles lexicon (job word -> label).
        attributed: token starts of the sentences the attribution step found a source for.
    """
    out = []
    for row in doc._.medialit_sentences:
        if row["kind"] == "dateline":
            continue
        s, e = row["token_start"], row["token_end"]
        if s not in attributed:
            cue = _group_feeling(doc, s, e, groups, roles)
            if cue is not None:
                out.append(cue)
        cue = _everyone_vouches(doc, s, e) or _universal_subject(doc, s, e)
        if cue is not None:
            out.append(cue)
        if s not in attributed and cue is None:
            cue = _many_feel(doc, s, e, groups, roles)
            if cue is not None:
                out.append(cue)
    return out


def _is_group(word: str, groups: dict[str, str], roles: dict[str, str]) -> bool:
    if groups.get(word) == "group" and word not in ("many", "some", "others", "people", "source", "expert"):
        return word.endswith("s") or word in ("staff", "people")
    return word.endswith("s") and word[:-1] in roles


def _group_feeling(doc, s, e, groups, roles) -> tuple | None:
    """"Riders love the Glide.": a bare plural group noun (or a list of them, optionally placed: "Farmers and
    schools across the county"), then a verb of feeling in the present tense."""
    i = s
    while i < e and (doc[i].is_punct or doc[i].is_space):
        i += 1
    start = i
    if i < e and doc[i].lower_ in SWEEPING_LEADS:
        i += 1
    if i + 1 >= e or not doc[i].is_alpha or not _is_group(doc[i].lower_, groups, roles):
        return None
    i += 1
    while i < e and (doc[i].lower_ in LIST_WORDS or _is_group(doc[i].lower_, groups, roles)):
        i += 1
    if i < e and doc[i].lower_ in PLACE_PREPS:  # "across the uplands": up to four words of place
        j = i + 1
        while j < e and j - i <= 4 and not (doc[j].lower_ in ATTITUDE_VERBS or doc[j].is_punct):
            j += 1
        i = j
    return _feeling_at(doc, start, i, e)


def _feeling_at(doc, start: int, i: int, e: int) -> tuple | None:
    """The cue when a present verb of feeling starts at *i* ("love", "are furious", "are already feeling")."""
    if i >= e:
        return None
    verb = doc[i]
    if verb.lower_ not in ATTITUDE_VERBS:
        return None
    if verb.lower_ == "are":
        k = i + 1
        while k < e and doc[k].lower_ in FILLER_ADVERBS:
            k += 1
        if k >= e or (doc[k].lower_ not in FEELING_AFTER and doc[k].lower_ not in EXPERIENCE_VERBS):
            return None
        i = k
    return start, i + 1, REASON, f"sweeping: {doc[start:i + 1].text}", 1.0


def _many_feel(doc, s, e, groups, roles) -> tuple | None:
    """"... and many athletes swear by them": "many" or "most" and a plural group, then a verb of feeling."""
    for i in range(s, e - 2):
        if doc[i].lower_ in ("many", "most") and _is_group(doc[i + 1].lower_, groups, roles) and (
                i == s or doc[i - 1].lower_ != "how"):
            cue = _feeling_at(doc, i, i + 2, e)
            if cue is not None:
                return cue
    return None


def _universal_subject(doc, s, e) -> tuple | None:
    """"Everybody in the valley has a story.", "Nobody was warned.": a universal pronoun opening the sentence."""
    i = s
    while i < e and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i >= e:
        return None
    low = doc[i].lower_
    width = 2 if i + 1 < e and (low, doc[i + 1].lower_) in UNIVERSAL_PAIRS else 1
    if low not in UNIVERSAL - {"anyone", "anybody"} and width == 1:
        return None
    after = [t.lower_ for t in doc[i + width:min(e, i + width + 8)]]
    if not after or after[0] in ("?", "else") or any(w in CHECKABLE_AFTER for w in after):
        return None
    if any(w in BE and k + 1 < len(after) and after[k + 1] in WHERE_AFTER for k, w in enumerate(after)):
        return None
    return i, i + width, REASON, f"sweeping: {doc[i:i + width].text}", 1.0


def _everyone_vouches(doc, s, e) -> tuple | None:
    """"Nobody who was on the ward will tell you ...": one speaker makes everybody say the same."""
    for i in range(s, e):
        low = doc[i].lower_
        pair = i + 1 < e and (low, doc[i + 1].lower_) in UNIVERSAL_PAIRS
        if low not in UNIVERSAL and not pair:
            continue
        for k in range(i + 1, min(e - 1, i + 12)):
            if doc[k].lower_ in VOUCHING_MODALS and doc[k + 1].lower_ in VOUCHING_VERBS:
                return i, k + 2, REASON, f"everyone would say: {doc[i:k + 2].text}", 1.0
    return None
