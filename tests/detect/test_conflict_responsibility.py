"""Blame against defence, a heading that drops a hedge, disagreement without an object, and pair variety."""

from __future__ import annotations

import pandas as pd

from medialit.detect import conflict_candidates, detect_article
from medialit.detect.conflicts import _spread
from medialit.detect.responsibility import responsibility


def _pairs(*articles):
    frame = pd.concat([detect_article(a).claims for a in articles], ignore_index=True)
    out = conflict_candidates(frame)
    return {frozenset({(r.article_a, r.sid_a), (r.article_b, r.sid_b)}): r.signal for r in out.itertuples()}


class TestResponsibility:
    def test_blame_and_defence_phrases(self):
        assert responsibility("the families hold the ferry company fully responsible".split()) == "blame"
        assert responsibility("our crew followed the procedure to the letter".split()) == "defence"
        assert responsibility("the haulier was not negligent , the court heard".split()) == "defence"
        assert responsibility("the ferry left at noon".split()) is None

    def test_defence_answers_blame_without_shared_words(self, make_article):
        """The accused speaks for itself and names nobody: the pair is still a candidate."""
        article = make_article("ferry", """\
            # Ferry grounding

            The harbour master, Ines Calloway, said the ferry company was to blame for the grounding.

            "Our captain acted properly at every stage," said Dorian Pike, a spokesman for Tidewell Ferries.
            """)
        pairs = _pairs(article)
        key = frozenset({("ferry", "p2s1"), ("ferry", "p3s1")})
        assert key in pairs and "defends" in pairs[key]


class TestHeadingHedge:
    def test_heading_states_what_the_body_hedges(self, make_article):
        article = make_article("tea", """\
            # Green tea prevents colds in office workers

            Drinking green tea may prevent colds in office workers, according to researchers at Havel University.
            """)
        pairs = _pairs(article)
        key = frozenset({("tea", "p1s1"), ("tea", "p2s1")})
        assert key in pairs and "hedges" in pairs[key]


class TestDisagreement:
    def test_short_disagreement_answers_the_claim_before(self, make_article):
        article = make_article("canal", """\
            # Canal dredging

            The new barges carry twice as much cargo as the old ones, the operator Lockline said.

            Engineer Marta Iversen does not agree.
            """)
        pairs = _pairs(article)
        key = frozenset({("canal", "p2s1"), ("canal", "p3s1")})
        assert key in pairs and "dismisses" in pairs[key]


class TestVariety:
    def test_one_kind_of_signal_does_not_fill_the_list(self):
        """With a cap of three, a weaker pair of another kind beats the third pair of a crowded kind."""
        def pair(sid_a, sid_b, score, kind):
            return {"article_a": "x", "sid_a": sid_a, "article_b": "x", "sid_b": sid_b, "score": score, "_kind": kind}
        pairs = [pair("p1s1", "p2s1", 5.0, "denial"), pair("p3s1", "p4s1", 4.9, "denial"),
                 pair("p5s1", "p6s1", 4.8, "denial"), pair("p7s1", "p8s1", 4.5, "blame")]
        chosen = _spread(pairs, 3)
        assert any(p["_kind"] == "blame" for p in chosen)


class TestNamedDisagreement:
    def test_outlet_reporting_a_named_dissenter_is_another_voice(self):
        from medialit.detect.conflicts import _named_disagreement
        first = {"names": [], "attributed": False}
        second = {"names": ["Marta Iversen"], "attributed": False, "dismisses": True}
        assert _named_disagreement(first, second)
        assert not _named_disagreement(second, {"names": ["Marta Iversen"], "attributed": False})
