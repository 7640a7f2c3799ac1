"""Claim features: numbers with units, times, negation, speaker."""

from __future__ import annotations

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
