"""Conflicts that need the meaning of a claim: where, who-by, which way, how much, when (invented sentences)."""

from __future__ import annotations

import pandas as pd
import pytest
import spacy

from medialit.detect import conflict_candidates, detect_article
from medialit.detect.conflicts import daypart
from medialit.detect.quantities import quantities
from medialit.detect.slots import slots


def _pairs(article) -> dict[frozenset, str]:
    out = conflict_candidates(detect_article(article).claims)
    return {frozenset({r.sid_a, r.sid_b}): r.signal for r in out.itertuples()}


def _toks(text: str):
    return list(spacy.blank("en")(text))


class TestSlots:
    def test_place_after_an_event_verb(self):
        assert "place:kitchen" in slots(_toks("The fire started in the kitchen."), {})

    def test_no_place_for_times_and_topics(self):
        """'in the morning', 'interested in politics' and 'in 2019' are no places."""
        assert not [s for s in slots(_toks("She was interested in politics and left in the morning in 2019."), {})
                    if s.startswith("place:")]

    def test_agent_of_a_passive(self):
        assert "agent:heater" in slots(_toks("The blaze was started by a faulty heater."), {})

    def test_scale_side_flips_after_not(self):
        scales = {"safe": "safety:+"}
        assert slots(_toks("The bridge is safe."), scales) == ["scale:safety:+@bridg"]
        assert slots(_toks("The bridge is not safe."), scales) == ["scale:safety:-@bridg"]

    def test_vague_amount(self):
        assert "vague:high" in slots(_toks("The plan had overwhelming support."), {})


class TestQuantities:
    @pytest.mark.parametrize("text, minutes", [("at 7.41am", 461), ("at 9pm", 1260), ("by 10:30p.m.", 1350)])
    def test_clock_written_as_one_word(self, text, minutes):
        assert [minutes, "time"] in [[v, u] for v, u in quantities(_toks(text))]

    def test_counted_with_of_us(self):
        assert quantities(_toks("There were 300 of us on the train.")) == [[300, "people"]]

    def test_of_them_with_a_noun_counts_the_noun(self):
        """'nine of them police officers' counts officers, as the noun says, not "them"."""
        assert quantities(_toks("Nine of them police officers."))[0][1] != "people"

    def test_daypart(self):
        assert daypart(21 * 60) == "night" and daypart(7 * 60 + 52) == "morning"


class TestCandidates:
    def test_different_place_for_the_same_event(self, make_article):
        article = make_article("place", """\
            # Flat fire

            The fire started in the kitchen, fire chief Tomas Berg said.

            A neighbour, Ilse Marner, said the blaze began in the garage.
            """)
        assert "different place" in _pairs(article)[frozenset({"p2s1", "p3s1"})]

    def test_time_against_nobody(self, make_article):
        article = make_article("call", """\
            # Call

            Police were called at 9pm, the landlord said.

            Nobody called the police until the morning, a neighbour said.
            """)
        signal = _pairs(article)[frozenset({"p2s1", "p3s1"})]
        assert "different times" in signal and "denies" in signal

    def test_blame_against_not_to_blame(self, make_article):
        article = make_article("blame", """\
            # Blame

            The faulty heater caused the fire, investigators said.

            The heater was not to blame, its maker said.
            """)
        assert frozenset({"p2s1", "p3s1"}) in _pairs(article)

    def test_opposite_sides_of_a_scale(self, make_article):
        article = make_article("scale", """\
            # Crossing

            The new crossing is safer for children, the council said.

            Parents at Hillcrest School say the new crossing is dangerous for children.
            """)
        assert "opposite claims" in _pairs(article)[frozenset({"p2s1", "p3s1"})]

    def test_vague_amount_against_a_figure(self, make_article):
        article = make_article("amount", """\
            # Consultation

            Mayor Lina Ortez said the scheme had overwhelming support in the consultation.

            The consultation report shows 52 per cent of respondents supported the scheme.
            """)
        assert "amount in words" in _pairs(article)[frozenset({"p2s1", "p3s1"})]

    def test_dismissal_of_a_named_claim_further_away(self, make_article):
        """'dismissed the union's staffing figures' answers the union's claim about staff paragraphs before."""
        article = make_article("dismiss", """\
            # Staffing

            Union organiser Dana Kell said the company had cut maintenance staffing by a third.

            The line reopened on Tuesday after a week of repairs.

            Trains ran every ten minutes through the evening.

            Passengers crowded onto the platforms at Eastgate.

            Ticket prices are unchanged this year.

            A company spokesman dismissed the union's maintenance staffing figures as "simply wrong".
            """)
        assert "dismisses" in _pairs(article)[frozenset({"p2s1", "p7s1"})]

    def test_reply_that_calls_a_post_a_myth(self, make_article):
        """'That's a myth' answers the post before the poster's own follow-up."""
        article = make_article("thread", """\
            # Heat

            @ann_b: Never give kids ice-cold water in a heatwave, it causes shock. Everyone knows that.

            @kofi_r: That's a myth, I'm a nurse.
            """, genre="social-post")
        assert frozenset({"p2s1", "p3s1"}) in _pairs(article)


def test_pairs_spread_over_claims():
    """A claim already in chosen pairs counts less, so a slightly weaker pair of two fresh claims gets in."""
    from medialit.detect.conflicts import _spread

    pairs = [{"article_a": "x", "sid_a": "p1s1", "article_b": "x", "sid_b": f"p{k}s1", "score": 10 - k / 10}
             for k in range(2, 9)] + [{"article_a": "x", "sid_a": "p20s1", "article_b": "x", "sid_b": "p21s1",
                                       "score": 8.0}]
    kept = _spread(sorted(pairs, key=lambda p: -p["score"]), 3)
    assert {"p20s1", "p21s1"} in [{p["sid_a"], p["sid_b"]} for p in kept]
    assert pd.DataFrame(kept)["score"].is_monotonic_decreasing
