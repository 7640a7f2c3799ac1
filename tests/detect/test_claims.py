"""Claim features: numbers with units, times, negation, speaker."""

from __future__ import annotations

import pytest
import spacy

from medialit.detect import detect_article
from medialit.detect.claims import numbers, times


def _toks(text):
    return list(spacy.blank("en")(text))


class TestNumbers:
    def test_units(self):
        """Counts of people, clock times, per cents and money are told apart."""
        got = numbers(_toks("Twelve people were hurt at 4:40 a.m., a rise of 6.8 per cent costing £310 million."),
                      {"peopl"})
        assert [12, "people"] in got
        assert [280, "time"] in got
        assert [6.8, "percent"] in got
        assert [310e6, "money"] in got

    def test_labels_are_not_quantities(self):
        """"Shed 9" names a shed; it is not nine of anything."""
        assert numbers(_toks("The fire started in Shed 9.")) == []

    def test_times(self):
        """Days and durations are collected for comparison."""
        assert times(_toks("It reopens on Saturday, twelve months from now.")) == ["saturday", "12 month"]


class TestClaimExtractor:
    def test_speaker_and_negation(self, seed_excerpt):
        """An attributed claim carries its speaker; a denial marks what it denies."""
        claims = detect_article(seed_excerpt).claims.set_index("sid")
        assert claims.loc["p2s2", "speaker"] == "Igor Konashenkov"
        assert "strik" in claims.loc["p2s2", "negated"]
        assert claims.loc["p8s1", "speaker"] == "Test Wire"  # the outlet's own voice


class TestPointingBack:
    def test_figure_takes_the_unit_of_the_sentence_before(self, make_article):
        """"The coastguard counted 12." after "seven boats were adrift" counts boats, and shares that topic."""
        article = make_article("boats", """\
            # Storm

            Seven boats were adrift on Sunday, the harbour office said. The coastguard counted 12.
            """)
        claims = detect_article(article).claims.set_index("sid")
        assert claims.loc["p2s2", "numbers"] == [[12, "ship"]]  # boats and vessels count ships
        assert "~unit:ship" in claims.loc["p2s2", "terms"] and "~unit:ship" in claims.loc["p2s1", "terms"]


class TestDismisses:
    def test_dismissal_of_what_was_just_said(self, make_article):
        """"X called that a fantasy" and "That is a myth." dismiss; "denied that he ..." reports a denial."""
        article = make_article("dismiss", """\
            # Plans

            The developer said work would start soon. Critics called that a fantasy. That is a myth, said Joe Bart.

            Ann Lowe denied that she had seen the plans.
            """)
        claims = detect_article(article).claims.set_index("sid")
        assert claims.loc["p2s2", "dismisses"] and claims.loc["p2s3", "dismisses"]
        assert not claims.loc["p2s1", "dismisses"] and not claims.loc["p3s1", "dismisses"]


class TestHoldsLine:
    def test_a_verb_that_holds_a_line(self, make_article):
        """"insisted", "maintains" and "denied" hold a line against another account; "said" does not."""
        article = make_article("holds", """\
            # Release

            Ines Calloway said she never approved the wording. A university spokeswoman insisted the text was
            checked. Starlight maintains the staff were consulted. Tom Reed denied it.
            """)
        claims = detect_article(article).claims.set_index("sid")
        holds = [bool(claims.loc[s, "holds_line"]) for s in ("p2s1", "p2s2", "p2s3", "p2s4")]
        assert holds == [False, True, True, True]


@pytest.mark.parametrize("sentence", [
    "The Bus Users' Group said the authority had badly underestimated how many people depend on the routes.",
    "The union said the figure was not representative of a normal week.",
])
def test_figure_disputes_are_dismissive(make_article, sentence):
    """Saying a figure is under- or overestimated, or not representative, disputes it."""
    claims = detect_article(make_article("dispute", f"# Buses\n\n{sentence}\n")).claims.set_index("sid")
    assert bool(claims.loc["p2s1", "dismisses"])


def test_children_are_counted_as_people(make_article):
    """"26,480 children" and "more than 40,000 pupils" count the same kind of thing."""
    claims = detect_article(make_article("kids", "# Study\n\nThe team tested 26,480 children.\n")).claims
    assert claims.set_index("sid").loc["p2s1", "numbers"] == [[26480.0, "people"]]
