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

    def test_same_speaker_needs_the_same_thing(self, make_article):
        """One speaker's two loosely related figures are no candidate."""
        article = make_article("same", """\
            # Figures

            Ruth Okonedo said twelve people were injured. Ruth Okonedo said eight people were injured later.
            """)
        assert not _pairs(article)

    def test_a_label_heading_is_no_claim(self, make_article):
        """A sub-heading of one or two words ("Injuries") labels a section: it pairs with nothing, however its
        words overlap a claim's."""
        article = make_article("label", """\
            # Twelve hurt in crush

            Police said twelve people were injured.

            ## Injuries

            The council said eight people were injured.
            """)
        assert not any(("label", "p3s1") in pair for pair in _pairs(article))

    def test_same_speaker_contradicting_itself(self, make_article):
        """One source giving two figures for the same thing is a candidate marked "same source"."""
        article = make_article("homes", """\
            # Homes

            Mayor Lina Ortez said in January that 200 new homes would be built on the Wharf site.

            The council approved the plan in May.

            In June, Ortez told councillors that 120 new homes would be built on the Wharf site.
            """)
        pairs = _pairs(article)
        key = frozenset({("homes", "p2s1"), ("homes", "p4s1")})
        assert key in pairs and pairs[key].startswith("same source")

    def test_counts_of_the_same_thing(self, make_article):
        """"Nine vessels were waiting" and "the harbour office counted 14" disagree on the number of ships."""
        article = make_article("ships", """\
            # Port

            Nine vessels were waiting at anchor on Monday, according to the port authority. The harbour office counted 14.
            """)
        pairs = _pairs(article)
        key = frozenset({("ships", "p2s1"), ("ships", "p2s2")})
        assert key in pairs and "ship: 9 vs 14" in pairs[key]

    def test_dismissal_pairs_with_the_claim_before(self, make_article):
        """A sentence dismissing "that" is paired with the claim it answers, without shared words."""
        article = make_article("myth", """\
            # Heat

            Ann Lowe said ice water can stop your heart. Dr Joe Bart called that a myth.
            """)
        pairs = _pairs(article)
        key = frozenset({("myth", "p2s1"), ("myth", "p2s2")})
        assert key in pairs and "dismisses" in pairs[key]

    def test_unrelated_articles_are_not_compared(self, make_article):
        """Articles that name none of the same people or organisations are never paired."""
        one = make_article("one", "# A\n\nRuth Okonedo said 12 people were injured in the fire.\n")
        two = make_article("two", "# B\n\nTomas Reyne said 8 people were injured in the fire.\n")
        assert not any(len({a for a, _ in p}) == 2 for p in _pairs(one, two))
