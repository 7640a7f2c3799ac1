"""Candidate groups: the conflict pairs merged for a reviewer, and the draft key and evaluation built on them."""

from __future__ import annotations

import pandas as pd

from medialit.detect import draft_key
from medialit.detect.candidate_groups import MAX_CLAIMS, group_pairs
from medialit.detect.conflicts import COLUMNS, conflict_candidates
from medialit.detect.evaluate import conflict_metrics
from medialit.detect.pipeline import detect_article


def _pairs(*rows):
    """A candidate frame from (sid_a, sid_b, shared words) rows of one article, best first."""
    return pd.DataFrame([{"article_a": "x", "sid_a": a, "article_b": "x", "sid_b": b, "speaker_a": "A" + a,
                          "speaker_b": "B" + b, "signal": "test", "shared": list(words), "score": 1.0 - k / 100}
                         for k, (a, b, words) in enumerate(rows)], columns=COLUMNS)


def _claims(group):
    return {sid for _, sid, _ in group["claims"]}


class TestGroupPairs:
    def test_pairs_on_one_topic_sharing_a_claim_merge(self):
        """"14 walkers" / "12 clients" / "13 people": three pairs about one count make one group of three."""
        groups = group_pairs(_pairs(("p1s1", "p4s1", ["walker"]), ("p1s1", "p7s1", ["walker", "group"]),
                                    ("p4s1", "p7s1", ["walker"])))
        assert len(groups) == 1 and _claims(groups[0]) == {"p1s1", "p4s1", "p7s1"}
        assert groups[0]["signals"] == ["test"] * 3

    def test_a_shared_claim_on_another_topic_starts_a_new_group(self):
        """One sentence disputed on two questions gives two groups, each with that sentence."""
        groups = group_pairs(_pairs(("p1s1", "p4s1", ["warning"]), ("p1s1", "p9s1", ["route", "closed"])))
        assert [_claims(g) for g in groups] == [{"p1s1", "p4s1"}, {"p1s1", "p9s1"}]

    def test_groups_stop_growing_at_the_limit(self):
        """A hub sentence paired with many others fills one group up to MAX_CLAIMS, then starts another."""
        rows = [("p1s1", f"p{k}s1", ["ship"]) for k in range(2, 2 + MAX_CLAIMS + 2)]
        groups = group_pairs(_pairs(*rows))
        assert len(groups[0]["claims"]) == MAX_CLAIMS
        assert all(len(g["claims"]) <= MAX_CLAIMS for g in groups)

    def test_every_pair_lands_whole_in_one_group(self, seed_excerpt):
        """The draft's groups hold every candidate pair of the real detectors: no pair is lost in merging."""
        pairs = conflict_candidates(detect_article(seed_excerpt).claims)
        assert len(pairs)
        groups = [{sid for _, sid, _ in g["claims"]} for g in group_pairs(pairs)]
        for row in pairs.itertuples():
            assert any({row.sid_a, row.sid_b} <= g for g in groups)


class TestDraftAndEvaluation:
    def test_draft_key_holds_every_candidate_pair(self, seed_excerpt):
        """A draft key's conflicts hold both sentences of every candidate pair, each group naming its signals."""
        key = draft_key(seed_excerpt)
        pairs = conflict_candidates(detect_article(seed_excerpt).claims)
        text = dict(zip(seed_excerpt.sentences["sid"], seed_excerpt.sentences["text"]))
        quoted = [{c["quote"] for c in g["claims"]} for g in key["conflicts"]]
        for row in pairs.itertuples():
            assert any({text[row.sid_a], text[row.sid_b]} <= q for q in quoted), (row.sid_a, row.sid_b)
        assert all(g["explanation"].startswith("Detected: ") and g["topic"].startswith("Candidate: ")
                   for g in key["conflicts"])

    def test_merged_group_recalls_what_no_single_pair_does(self):
        """Pairs A-B and A-C merge into {A, B, C}: the key group {B, C} is recalled by the group, not by a pair."""
        frame = _pairs(("p1s1", "p2s1", ["walker"]), ("p1s1", "p3s1", ["walker"]))
        key_groups = [{"article": "x", "topic": "how many", "claims": frozenset({("x", "p2s1"), ("x", "p3s1")})}]
        metrics = conflict_metrics(key_groups, frame)
        assert (metrics["recalled"], metrics["recalled_by_groups"], metrics["candidate_groups"]) == (0, 1, 1)
        assert conflict_metrics(key_groups, frame, grouped=False)["recalled_by_groups"] == 0
