"""Merge candidate conflict pairs into candidate groups: pairs frame in, groups out.

A key's conflict groups hold every claim on one disputed question, and a reviewer reads a group
faster than the pairs it is made of ("A says 14, B says 12, C says 13" rather than three pairs).
Pairs are taken best first; a pair joins the group that already holds one of its claims when the
two share a topic word (or neither names one) and the group has room, otherwise it starts a group of
its own. Every pair's two claims end up in one group, so a draft key built from the groups holds
every pair the candidate list holds.
"""

from __future__ import annotations

MAX_CLAIMS = 5  # a bigger group is usually two questions run together: a reviewer splits it anyway


def group_pairs(pairs, max_claims: int = MAX_CLAIMS) -> list[dict]:
    """Candidate groups from the candidate pairs of ``conflicts.conflict_candidates`` (best first).

    Returns:
        list of dicts, best first: ``claims`` (list of (article, sid, speaker), in the order they joined),
        ``shared`` (topic words of its pairs), ``signals`` (the signal of each pair) and ``score`` (its
        best pair's).
    """
    groups: list[dict] = []
    where: dict[tuple[str, str], list[int]] = {}
    for pair in pairs.to_dict("records"):
        ends = [(pair["article_a"], pair["sid_a"], pair["speaker_a"]),
                (pair["article_b"], pair["sid_b"], pair["speaker_b"])]
        shared = set(pair["shared"])
        home = _home(groups, where, ends, shared, max_claims)
        if home is None:
            home = len(groups)
            groups.append({"claims": [], "shared": [], "signals": [], "score": pair["score"]})
        group = groups[home]
        for end in ends:
            if home not in where.get(end[:2], []):
                group["claims"].append(end)
                where.setdefault(end[:2], []).append(home)
        group["shared"] += [w for w in pair["shared"] if w not in group["shared"]]
        group["signals"].append(pair["signal"])
    return groups


def _home(groups: list[dict], where: dict, ends: list, shared: set, max_claims: int) -> int | None:
    """The group a pair joins: one that holds both its claims, else the first holding one of them with a
    topic word in common (or no topic words on either side) and room for one more claim."""
    held = [set(where.get(end[:2], [])) for end in ends]
    both = held[0] & held[1]
    if both:
        return min(both)
    for k in sorted(held[0] | held[1]):
        group_words = set(groups[k]["shared"])
        on_topic = bool(group_words & shared) or not (group_words or shared)
        if on_topic and len(groups[k]["claims"]) < max_claims:
            return k
    return None
