"""The plain baseline the evaluation compares against."""

from __future__ import annotations

from medialit.detect.baseline import baseline_conflicts, baseline_detections


class TestBaseline:
    def test_reporting_verb_or_quote_mark(self, seed_excerpt):
        """A sentence with a reporting verb or a quotation mark counts as attributed."""
        att = baseline_detections(seed_excerpt).attribution.set_index("sid")
        assert {"p2s2", "p4s1", "p6s1"} <= set(att.index)
        assert "p6s2" not in att.index  # inside a quotation, but no mark of its own
        assert att.loc["p7s1", "speaker"] == "Konashenkov"

    def test_number_pairs(self, seed_excerpt):
        """Any two sentences whose numbers differ are a baseline conflict pair."""
        claims = baseline_detections(seed_excerpt).claims
        pairs = baseline_conflicts(claims)
        assert len(pairs) > 0
        assert set(pairs["signal"]) == {"different numbers"}
