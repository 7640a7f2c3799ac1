"""Unverifiable-claim cue families beyond single loaded words (invented sentences):
the lexicon alone: the trained model has its own tests in test_learned.py."""

from __future__ import annotations

import pytest

from medialit.detect import detect_article


def _flagged(make_article, body: str, genre: str = "wire") -> dict:
    flagged = detect_article(make_article("cue", f"# Headline\n\n{body}\n", genre=genre), learned=False).flagged
    return dict(zip(flagged["sid"], flagged["reason"]))


@pytest.mark.parametrize("sentence, reason", [
    ("Harbour Buses offers the best-value service in the region.", "loaded_language"),
    ("The scheme has transformed lives across the valley.", "loaded_language"),
    ("Research consistently shows that smaller classes work.", "evidence_not_shown"),
    ("Early evidence pointed to a faulty valve, the operator said.", "evidence_not_shown"),
    ("The factory has been linked to a rise in asthma.", "vague_source"),
    ("Someone said the pool is going to be closed for good.", "vague_source"),
    ("Everybody on the estate knew about the leak.", "vague_source"),
    ("The mayor said the plan had overwhelming support.", "evidence_not_shown"),
    ("The new road will mean years of misery for residents.", "speculation"),
    ("The closure is certain to anger commuters.", "speculation"),
    ("This storm is going to wreck the harbour, mark my words.", "speculation"),
    ("Our award-winning team delivers outstanding results for every customer.", "loaded_language"),
    ("The decision was widely criticised.", "vague_source"),
    ("It is feared that more jobs could go.", "vague_source"),
    ("There is growing evidence that the plan is failing.", "evidence_not_shown"),
    ("This will be the end of the high street as we know it.", "loaded_language"),
])
def test_flagged(make_article, sentence, reason):
    """Promotion, evidence asserted but not shown, agentless or unnamed sources, vague amounts, certain forecasts."""
    assert _flagged(make_article, sentence).get("p2s1") == reason


@pytest.mark.parametrize("sentence", [
    "The mayor said 71 per cent of residents supported the plan.",
    "I have covered this town for twenty years, and I have heard promises like these before.",
    "Every match day the announcer says \"Welcome home\", and the crowd sings.",
    "The leaflet is on the council website under \"Heat advice\".",
    "The bus company said services would resume on Monday.",
    "Hundreds of people gathered in the square on Sunday.",
    "The report, published on Friday, found that 12 of 40 bridges needed repairs.",
])
def test_not_flagged(make_article, sentence):
    """A figure given, experience without hearsay, words repeated or a heading quoted, a plain schedule."""
    assert "p2s1" not in _flagged(make_article, sentence)


class TestHeadings:
    @pytest.mark.parametrize("heading", ["Better care, closer to home", "Months of misery ahead",
                                         "Faulty valve blamed for flooding"])
    def test_flagged_heading(self, make_article, heading):
        """A heading promising a comparison, forecasting, or stating a blame without a source."""
        article = make_article("head", f"# {heading}\n\nThe council met on Monday.\n")
        assert "p1s1" in set(detect_article(article, learned=False).flagged["sid"])

    def test_comparison_with_its_figure(self, make_article):
        """'Nitrate levels four times higher': the comparison comes with its figure."""
        article = make_article("head", "# Nitrate levels four times higher near the farm\n\nSamples were taken.\n")
        assert "p1s1" not in set(detect_article(article, learned=False).flagged["sid"])
