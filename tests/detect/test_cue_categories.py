"""Unverifiable cues by category: sweeping statements about groups, promotional words, superlatives with a
field, evidence kept in-house, predictions of doom, decline metaphors, reassurances; and the false alarms
that must stay quiet (rules with ages, quoted headings, a named-again unnamed source). Invented sentences;
the lexicon alone: the trained model has its own tests in test_learned.py."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article


def _flagged(make_article, body: str, genre: str = "wire") -> set[str]:
    return set(detect_article(make_article("cat", body, genre=genre), learned=False).flagged["sid"])


@pytest.mark.parametrize("sentence", [
    "Commuters hate the new timetable.",
    "Most shoppers prefer the old market hall.",
    "Nobody who has driven that road will tell you it is safe.",
    "The closure has left the whole town in mourning.",
    "The new tram is the quietest vehicle on the market.",
    "Greyfield is now the county's greenest borough.",
    "The firm's pioneering sensor marks a new chapter for the valley.",
    "The company's own inspection records show no faults.",
    "Data from more than 9,000 members showed the same pattern.",
    "Ticket sales have skyrocketed, as thousands of fans look for a cheap day out.",
    "Some local doctors are already prescribing the drink, the maker says.",
    "The boiler passed every safety check and is completely safe.",
])
def test_flagged(make_article, sentence):
    assert "p2s1" in _flagged(make_article, f"# Note\n\n{sentence}\n")


@pytest.mark.parametrize("sentence", [
    "Applicants must be 16 or over and live in the county.",
    "Three commuters love the new timetable.",
    "Ticket sales rose by 12 per cent last year.",
    "The committee will publish its own inquiry next month.",
    "The bus was leading the convoy when it stopped.",
])
def test_not_flagged(make_article, sentence):
    assert "p2s1" not in _flagged(make_article, f"# Note\n\n{sentence}\n")


def test_predictions_of_doom_in_a_blog(make_article):
    """A writer's own forecast stated as fact: "the pub will not survive", "the library is next"."""
    flagged = _flagged(make_article, """\
        # Our high street

        The butcher closed in June. The library is next.

        The last pub will not survive another winter.

        Our town is dying, and the bypass is killing it.
        """, genre="blog")
    assert {"p2s2", "p3s1", "p4s1"} <= flagged
    assert "p2s1" not in flagged


def test_modal_claim_in_a_heading(make_article):
    """A heading that says a product "could prevent" a disease states a hope as news."""
    assert "p1s1" in _flagged(make_article, "# Ten minutes of humming could prevent strokes\n\nA study was published.\n")


def test_quoted_heading_is_someones_words(make_article):
    """A heading that is one quotation is a speaker's words: the heading weight does not apply."""
    assert "p1s1" not in _flagged(make_article, "# \u2018We never got the letter\u2019\n\nThe school said it wrote twice.\n")


def test_unnamed_source_flagged_once(make_article):
    """"A porter, who asked not to be named" is flagged; "the porter said" later is the same source."""
    flagged = _flagged(make_article, """\
        # Station

        A porter, who asked not to be named, said the lifts had failed.

        "We carried bags all night," the porter said.
        """)
    assert "p2s1" in flagged and "p3s1" not in flagged


def test_relative_of_an_unnamed_person_is_anonymous(make_article):
    """"the son of one resident" is a source nobody can look up."""
    assert "p2s1" in _flagged(make_article, "# Flood\n\nThe son of one resident told the Courier that the water rose in minutes.\n")


@pytest.mark.parametrize("heading", ["\u00abWe never got the letter\u00bb", "\u201eWe never got the letter\u201c",
                                     "\u2018We never got the letter\u2019"])
def test_quoted_heading_any_marks(make_article, heading):
    """A heading that is one quotation is someone's words whatever marks it uses (guillemets, low-9, curly)."""
    assert "p1s1" not in _flagged(make_article, f"# {heading}\n\nThe school said it wrote twice.\n")


def test_segmenter_quotes_are_detector_quotes():
    """Every mark the segmenter opens or closes a quotation with is a quotation mark to the detectors."""
    from medialit.articles.segment import CLOSING_QUOTES, OPENING_QUOTES
    from medialit.detect.marks import ALL_QUOTES

    assert set(OPENING_QUOTES + CLOSING_QUOTES) <= ALL_QUOTES
