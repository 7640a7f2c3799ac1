"""Conflict candidates: claims from different sources that disagree."""

from __future__ import annotations

import pandas as pd

from medialit.detect import conflict_candidates, detect_article


def _pairs(*articles):
    frame = pd.concat([detect_article(a).claims for a in articles], ignore_index=True)
    out = conflict_candidates(frame)
    return {frozenset({(r.article_a, r.sid_a), (r.article_b, r.sid_b)}): r.signal for r in out.itertuples()}


class TestCandidates:
    def test_denial_against_claim(self, seed_excerpt):
        """The ministry's denial and MSF's claim about the same air strike are a candidate pair."""
        pairs = _pairs(seed_excerpt)
        key = frozenset({("seed-excerpt", "p2s2"), ("seed-excerpt", "p3s1")})
        assert key in pairs
        assert "denies" in pairs[key]

    def test_different_numbers_across_articles(self, make_article):
        """Two outlets giving different injury counts for the same fire are paired across articles."""
        wire = make_article("fire-wire", """\
            # Fire at Calderport docks

            Twelve people were injured in the fire and taken to Calderport General Hospital, Chief Fire Officer Ruth Okonedo said.
            """)
        paper = make_article("fire-paper", """\
            # Eight hurt

            Eight people were injured in the fire, according to Calderport General Hospital, which treated Ruth Okonedo's crews.
            """)
        pairs = _pairs(wire, paper)
        key = frozenset({("fire-wire", "p2s1"), ("fire-paper", "p2s1")})
        assert key in pairs and "different numbers" in pairs[key]

    def test_same_speaker_is_no_conflict(self, make_article):
        """One speaker giving two figures is not a conflict between sources."""
        article = make_article("same", """\
            # Figures

            Ruth Okonedo said twelve people were injured. Ruth Okonedo said eight people were injured later.
            """)
        assert not _pairs(article)

    def test_unrelated_articles_are_not_compared(self, make_article):
        """Articles that name none of the same people or organisations are never paired."""
        one = make_article("one", "# A\n\nRuth Okonedo said 12 people were injured in the fire.\n")
        two = make_article("two", "# B\n\nTomas Reyne said 8 people were injured in the fire.\n")
        assert not any(len({a for a, _ in p}) == 2 for p in _pairs(one, two))
