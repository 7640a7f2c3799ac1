"""Unverifiable cues of private evidence, the writer's own circle and hype; self-contradiction in one text
(invented sentences; the lexicon alone: the trained model has its own tests in test_learned.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.detect import conflict_candidates, detect_article


def _flagged(make_article, body: str, genre: str = "wire") -> dict:
    flagged = detect_article(make_article("cue", f"# Headline\n\n{body}\n", genre=genre), learned=False).flagged
    return dict(zip(flagged["sid"], flagged["reason"]))


@pytest.mark.parametrize("sentence, reason", [
    ("The results have been independently verified.", "vague_source"),
    ("Everyone I have spoken to at the bus stop is furious.", "vague_source"),
    ("The real cost is nearer 2 million, by my reckoning.", "evidence_not_shown"),
    ("The makers showed me the lab results and I was amazed.", "evidence_not_shown"),
    ("We have the emails.", "evidence_not_shown"),
    ("Dentists won't tell you this because there's no money in it for them.", "speculation"),
    ("The scheme is a publicity stunt dressed up as reform.", "loaded_language"),
    ("The new valve will make floods a thing of the past.", "loaded_language"),
])
def test_new_cue_families(make_article, sentence, reason):
    assert _flagged(make_article, sentence).get("p2s1") == reason


@pytest.mark.parametrize("sentence", [
    "The figures were verified by the national audit office.",
    "The depot holds 40 buses.",
])
def test_checkable_sentences_stay_clear(make_article, sentence):
    assert "p2s1" not in _flagged(make_article, sentence)


def _pairs(article):
    frame = detect_article(article).claims
    out = conflict_candidates(pd.concat([frame], ignore_index=True))
    return {frozenset({r.sid_a, r.sid_b}): r.signal for r in out.itertuples()}


class TestSelfContradiction:
    def test_exception_to_its_own_every(self, make_article):
        """A release says every unit passed, then that two units did not pass: one source, two claims."""
        article = make_article("release", """\
            # Press release

            Every turbine in the test passed the safety inspection at the plant.

            Two turbines did not pass the safety inspection and were sent back.
            """, genre="press-release")
        pairs = _pairs(article)
        assert any("exception" in s for k, s in pairs.items() if k == frozenset({"p2s1", "p3s1"}))

    def test_checked_and_not_checked(self, make_article):
        """"independently validated" and "not yet peer-reviewed" are one concept, asserted then negated."""
        article = make_article("release2", """\
            # Press release

            The battery results have been independently validated.

            The battery results have not been peer-reviewed.
            """, genre="press-release")
        assert frozenset({"p2s1", "p3s1"}) in _pairs(article)

    def test_foresight_defence_answers_negligence(self, make_article):
        article = make_article("quarry", """\
            # Quarry collapse

            The union's Ada Kovacs said the collapse was caused by negligence at the quarry.

            "It was a freak event that nobody could have foreseen," said Piet Almer, the quarry's owner.
            """)
        pairs = _pairs(article)
        assert "defends" in pairs.get(frozenset({"p2s1", "p3s1"}), "")


@pytest.mark.parametrize("sentence", [
    "The chapel is one of the oldest buildings in the county.",   # age is on record: checkable
    "Who am I supposed to believe now?",                          # "supposed to" is no "so-called"
    "The council published its bus data on Monday.\n\nThe data shows the bus left at 6.40am.",
])
def test_checkable_or_not_loaded(make_article, sentence):
    assert not _flagged(make_article, sentence)


def test_place_is_no_owner_of_research(make_article):
    """"Research from Canada" names where, not whose: a reader still cannot find it."""
    assert _flagged(make_article, "Research from Canada shows that longer holidays harm reading.").get("p2s1") \
        == "evidence_not_shown"
