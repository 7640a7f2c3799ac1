"""New claim fields and slot shapes: durations with a filler word, places after rescue verbs."""

from __future__ import annotations

import spacy

from medialit.detect.claims import times
from medialit.detect.slots import slots


def _toks(text):
    return list(spacy.blank("en")(text))


class TestDurations:
    def test_filler_between_number_and_unit(self):
        assert "3 day" in times(_toks("The audit took three full days."))

    def test_and_a_half(self):
        assert "1.5 day" in times(_toks("They stayed for a day and a half."))
        assert "2.5 hour" in times(_toks("The meeting ran for 2 hours and a half."))


class TestPlaces:
    def test_from_after_a_rescue_verb_is_a_place(self):
        assert "place:barn" in slots(_toks("The horses were rescued from a burning barn."), {})

    def test_from_after_other_verbs_is_not(self):
        assert not [s for s in slots(_toks("The money came from a charity."), {}) if s.startswith("place:")]
