"""Find sweeping statements about whole groups of people: Doc in, cue tuples out.

News copy often speaks for a whole group in its own voice: "Riders love the new scooters",
"Parents want answers", "Nobody who was there will tell you it went well". No one can check what a
whole group feels or would say, so each such sentence is a ``loaded_language`` cue (weight 1).

Two shapes are found:

- a bare plural group noun opening a sentence that nobody is quoted for, followed by a verb of
  feeling, wanting or knowing in the present tense ("Commuters hate the new timetable"; "Most
  shoppers prefer ..." too). A group named with a number or a source ("Three riders said") is not
  sweeping, and a reported sentence already has its source;
- a universal pronoun ("nobody", "anyone", "everyone") whose speaker is vouched for as saying the
  same thing ("... will tell you", "... would say"): one voice made to speak for everybody.

Used by ``cues.CueFinder``; the group nouns come from ``patterns/group_nouns.jsonl`` (label
``group``) and ``patterns/roles.jsonl`` (plural job words such as "nurses").
"""

from __future__ import annotations

# Present-tense verbs of feeling, wanting and knowing: what a whole group cannot be shown to share.
ATTITUDE_VERBS = {"love", "adore", "hate", "loathe", "dislike", "want", "fear", "dread", "welcome", "support", "oppose",
                  "trust", "distrust", "know", "agree", "prefer", "demand", "deserve", "understand", "believe", "feel",
                  "enjoy", "appreciate", "despise", "resent", "embrace", "crave", "are"}
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
        cue = _everyone_vouches(doc, s, e)
        if cue is not None:
            out.append(cue)
    return out


def _is_group(word: str, groups: dict[str, str], roles: dict[str, str]) -> bool:
    if groups.get(word) == "group" and word not in ("many", "some", "others", "people", "source", "expert"):
        return word.endswith("s") or word in ("staff", "people")
    return word.endswith("s") and word[:-1] in roles


def _group_feeling(doc, s, e, groups, roles) -> tuple | None:
    """"Riders love the Glide.": a bare plural group noun, then a verb of feeling in the present tense."""
    i = s
    while i < e and (doc[i].is_punct or doc[i].is_space):
        i += 1
    start = i
    if i < e and doc[i].lower_ in SWEEPING_LEADS:
        i += 1
    if i + 1 >= e or not doc[i].is_alpha or not _is_group(doc[i].lower_, groups, roles):
        return None
    verb = doc[i + 1]
    if verb.lower_ not in ATTITUDE_VERBS:
        return None
    if verb.lower_ == "are" and (i + 2 >= e or doc[i + 2].lower_ not in FEELING_AFTER):
        return None
    return start, i + 2, REASON, f"sweeping: {doc[start:i + 2].text}", 1.0


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
