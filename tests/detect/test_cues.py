"""Unverifiable cues and how they add up to a flagged sentence (the lexicon alone: the trained
model has its own tests in test_learned.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.detect import detect_article
from medialit.detect.cues import flagged_sentences


class TestCueFinder:
    def test_seed_excerpt(self, seed_excerpt):
        """Loaded words, sweeping claims and unnamed sources are flagged with the cue that fired."""
        flagged = detect_article(seed_excerpt, learned=False).flagged.set_index("sid")
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
        assert detect_article(article, learned=False).flagged.empty

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


class TestCueConditions:
    def _cues(self, make_article, body, genre="wire"):
        article = make_article("cond", body, genre=genre)
        det = detect_article(article, learned=False)
        return det.unverifiable, set(det.flagged["sid"])

    def test_causal_verbs_count_in_headings_only(self, make_article):
        """"Phones keep teenagers awake" in a heading states a cause as fact; in the body it is a plain verb."""
        cues, flagged = self._cues(make_article, "# Phones keep teenagers awake\n\nShe said phones keep her awake.\n")
        assert "p1s1" in flagged
        assert "causal verb in a heading" not in set(cues.loc[cues["sid"] == "p2s1", "cue"])

    def test_comparison_without_a_figure(self, make_article):
        """"did much more than" is unchecked with no figure, and checked when a figure comes with it."""
        cues, flagged = self._cues(make_article, """\
            # Note

            Ann Lowe said her team did much more than the others.

            Ann Lowe said her team did much more than the others, 40 visits against 12.
            """)
        assert "p2s1" in flagged and "p3s1" not in flagged

    def test_withheld_evidence_needs_a_claim(self, make_article):
        """"but did not release them" after a claim is evidence not shown; "Police gave no figure." is no claim."""
        cues, flagged = self._cues(make_article, """\
            # Note

            Joe Bart said the union had minutes that proved it, but did not release them. Police gave no figure.
            """)
        assert "p2s1" in flagged and "p2s2" not in flagged

    def test_negated_absolute(self, make_article):
        """"Not everyone" is no sweeping claim; "Every man and woman here" is."""
        cues, flagged = self._cues(make_article, """\
            # Note

            Not everyone agreed. "Every man and woman here will vote no," he said.
            """)
        assert "everyone" not in set(cues.loc[cues["sid"] == "p2s1", "cue"])
        assert "p2s2" in flagged

    def test_superlative_ever_and_unnamed_documents(self, make_article):
        """"the most thorough review ever seen" is loaded; "Intelligence reports indicate" names no document."""
        cues, flagged = self._cues(make_article, """\
            # Note

            The minister said it was the most thorough review ever seen. Intelligence reports indicate a plot.
            """)
        assert {"p2s1", "p2s2"} <= flagged
        assert any(c.startswith("unnamed document") for c in cues.loc[cues["sid"] == "p2s2", "cue"])
