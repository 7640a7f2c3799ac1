"""Quantities and what they measure: counts, crowds, money, clock times, occasions, ranges."""

from __future__ import annotations

import pytest
import spacy

from medialit.detect.quantities import quantities
from medialit.detect.sentences import merge_split_words

HUMAN = {"peopl", "member", "pupil", "resid", "worker"}


def _q(text):
    return quantities(list(merge_split_words(spacy.blank("en")(text))), HUMAN)


class TestUnits:
    @pytest.mark.parametrize("text, expected", [
        ("Around 300 people marched.", [[300, "people"]]),
        ("Organisers put the crowd at more than 2,000.", [[2000, "crowd"]]),
        ("The plant will create 120 local jobs.", [[120, "job"]]),
        ("Nine vessels were stuck in the bay.", [[9, "ship"]]),
        ("It costs 40 million crowns a year.", [[40e6, "money"]]),
        ("The real cost was closer to eight million.", [[8e6, "money"]]),
        ("Tickets rose from 2.60 to 3.10.", [[2.6, "money"], [3.1, "money"]]),
        ("We counted more than 1,300 getting on.", [[1300, "count"]]),
        ("Fish died along a six-kilometre stretch.", [[6, "kilometr"]]),
        ("A 20,000-litre tank was found empty.", [[20000, "litr"]]),
        ("A 13-year-old boy was hurt.", [[13, "age"]]),
        ("About two-thirds agreed.", [[66.7, "percent"]]),
        ("The store will take up less than a fifth of the park.", [[20, "percent"]]),
        ("Lorries produce more than half of the noise.", [[50, "percent"]]),
        ("We waited half an hour.", []),
        ("The alarm was raised within five minutes.", [[5, "duration"]]),
        ("The crew waited two hours.", [[120, "duration"]]),
        ("It took a quarter of an hour.", []),
        ("Only 212 out of 486 staff walked out.", [[212, "count"], [43.6, "percent"], [486, "staf"]]),
        ("They followed almost half a million people.", [[500000, "people"]]),
        ("Drink four or more cups a day.", [[4, "cup"]]),
        ("It pays 28p a unit, not 8p.", [[28, "pence"], [8, "pence"]]),
        ("The agency put the number of cases at 58 yesterday afternoon.", [[58, "figure"]]),
        ("Workers repaired 12 buildings.", [[12, "building"]]),
        ("Moths were caught at 112 garden light traps.", [[112, "trap"]]),
        ("Three fire crews and 300 school children were there.", [[3, "crew"], [300, "children"]]),
        ("The forecast warned of 40 mph gusts.", [[40, "mph"]]),
        ("Two men hurt their backs.", [[2, "men"]]),
        ("One man says it was loud.", []),
    ])
    def test_what_is_counted(self, text, expected):
        """The unit is the noun counted (adjectives skipped), a currency, or a measure named before the figure."""
        assert _q(text) == expected

    def test_pointing_back(self):
        """A figure with nothing counted after it and a "figure"/"number" before it points back."""
        assert _q("Critics say the true number is nearer 40.") == [[40, "figure"]]
        assert _q("The coastguard counted 12.") == [[12, "figure"]]


class TestTimesAndRanges:
    @pytest.mark.parametrize("text, minutes", [
        ("The march began shortly after 14:00.", 840),
        ("Shots were heard at around midday.", 720),
        ("They left just after midnight.", 0),
        ("The 6.45 service was cancelled.", 405),
        ("It happened at 9.30 p.m.", 1290),
    ])
    def test_clock_times(self, text, minutes):
        """24-hour, dotted, a.m./p.m. and named clock times are minutes after midnight."""
        assert _q(text)[0] == [minutes, "time"]

    def test_occasions_and_ranges(self):
        """"once" and "two or three times" count occasions; both ends of a range share its unit."""
        assert _q("Police fired once.") == [[1, "occasion"]]
        assert _q("They fired two or three times.") == [[2, "occasion"], [3, "occasion"]]
        assert _q("Between 800 and 1,000 people came.") == [[800, "people"], [1000, "people"]]

    def test_labels_and_first_words(self):
        """"Gate 7" is a label; a capitalised first word before a figure is not."""
        assert _q("They met at Gate 7.") == []
        assert _q("About 50 people came.") == [[50, "people"]]


class TestTimesInWords:
    @pytest.mark.parametrize("text, minutes", [
        ("It failed at about quarter past two, just as the lunchtime crowd arrived.", 14 * 60 + 15),
        ("“It came down at ten to three,” he said.", 14 * 60 + 50),
        ("Stewards were asked about the roof from a quarter to three.", 14 * 60 + 45),
        ("It was ten past seven in the morning.", 7 * 60 + 10),
        ("The call came at twenty past eight that evening.", 20 * 60 + 20),
        ("The engine arrived at half past eleven.", 11 * 60 + 30),
    ])
    def test_clock_times_in_words(self, text, minutes):
        """"quarter past two", "ten to three": minutes after midnight, the afternoon for one to six o'clock
        unless the sentence names the morning, the evening for a later hour it says is evening."""
        assert _q(text) == [[minutes, "time"]]

    def test_to_without_a_clock_cue_is_a_range(self):
        """"from ten to twelve" counts; only "at ten to four" and the like tell a time."""
        assert _q("Numbers rose from ten to twelve.") == [[10, "count"], [12, "count"]]
        assert _q("A quarter of the park was closed.") == [[25, "percent"]]


class TestWhatIsCountedAroundNamesAndVerbs:
    def test_a_name_before_the_noun(self):
        """"1,000 Chorus listeners" counts listeners, not the programme that names them."""
        assert _q("Over 1,000 Chorus members took part.") == [[1000, "people"]]
        assert _q("The 140,000 Halverston homes lost power.") == [[140000, "hom"]]

    def test_a_verb_after_the_figure(self):
        """"29 completed" counts what the figure before it counted; a figure alone with a verb is a count."""
        assert _q("The paper says 41 people enrolled and 29 completed both forms.") == [[41, "people"],
                                                                                       [29, "people"]]
        assert _q("Police said 300 were evacuated.") == [[300, "count"]]
        assert _q("Three beds were free.") == [[3, "bed"]]
