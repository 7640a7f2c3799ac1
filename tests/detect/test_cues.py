"""Unverifiable cues and how they add up to a flagged sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.detect import detect_article
from medialit.detect.cues import flagged_sentences


class TestCueFinder:
    def test_seed_excerpt(self, seed_excerpt):
        """Loaded words, sweeping claims and unnamed sources are flagged with the cue that fired."""
        flagged = detect_article(seed_excerpt).flagged.set_index("sid")
        assert flagged.loc["p4s1", "reason"] == "evidence_not_shown"
        assert "irrefutable" in flagged.loc["p4s1", "cues"]
        assert flagged.loc["p10s1", "reason"] == "vague_source"
        assert flagged.loc["p11s1", "reason"] == "loaded_language"

    def test_plain_report_is_not_flagged(self, make_article):
        """A dated, sourced, neutral sentence carries no cue strong enough to flag it."""
        article = make_article("plain", """\
            # Vote

            The council will vote on the budget on March 3, the clerk said.
            """)
        assert detect_article(article).flagged.empty

    def test_month_name_is_not_a_hedge(self, make_article):
        """"May" as a month is not the hedge "may"."""
        article = make_article("may", "# Vote\n\nThe council will meet on May 4 to vote.\n")
        cues = detect_article(article).unverifiable
        assert "may" not in set(cues["cue"])


class TestFlaggedSentences:
    @pytest.mark.parametrize("weights, flagged", [
        ([("loaded_language", 1.0)], True),
        ([("speculation", 0.25), ("speculation", 0.25), ("speculation", 0.25), ("speculation", 0.25)], False),
        ([("speculation", 0.5), ("loaded_language", 0.5)], True),
        ([("speculation", 0.25), ("context", 0.5)], False),
        ([("loaded_language", 0.5), ("context", 0.5)], True),
        ([("context", 0.5)], False),
    ])
    def test_weights(self, weights, flagged):
        """Weak cues of one reason add up to 0.5 at most; context counts only next to a real cue."""
        cues = pd.DataFrame([{"sid": "p1s1", "reason": r, "cue": f"c{k}", "weight": w}
                             for k, (r, w) in enumerate(weights)])
        assert (not flagged_sentences(cues).empty) == flagged

    def test_reason_with_most_weight_wins(self):
        """The flagged reason is the one whose cues weigh most."""
        cues = pd.DataFrame([{"sid": "p1s1", "reason": "speculation", "cue": "will", "weight": 0.25},
                             {"sid": "p1s1", "reason": "vague_source", "cue": "sources say", "weight": 1.0}])
        assert flagged_sentences(cues).loc[0, "reason"] == "vague_source"
